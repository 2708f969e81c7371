import {
  adminBodyRow,
  adminRow,
  MEETING_OFFICERS,
  only,
  type Cell,
  type Column,
  type Row,
} from './matrix.js';
import type { World } from './world.js';
import { outboxRequeueRow } from './outbox.rows.js';

/**
 * Meetings: scheduling, attendance, holding, decisions, actions and minutes are the body's
 * chair's, deputy chair's or secretariat's as of today, or an admin's (issue #14); the agenda is
 * the admins'. An action is completed by its owner too; a member's calendar subscription
 * is theirs (or an admin's). Another body's meeting is refused (403), not hidden: meetings
 * are public records.
 */
const HOUR = 3_600_000;

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A meeting of the body as an admin schedules it, starting `offsetMs` from now, for an hour. */
export async function aMeeting(world: World, bodyId: string, offsetMs: number): Promise<string> {
  return world.create('meetings', `/bodies/${bodyId}/meetings`, {
    kind: 'quarterly-network-meeting',
    title: 'Lung Group',
    startsAt: at(offsetMs),
    endsAt: at(offsetMs + HOUR),
  });
}

/** Everyone seated on the column's body, present. */
const everyonePresent = (world: World, column: Column) => ({
  attendance: Object.values(world.people[column]).map((memberId) => ({
    memberId,
    status: 'present',
  })),
});

/** A meeting that started `offsetMs` ago, attended by all and recorded as held (quorate). */
async function aHeldMeeting(world: World, cell: Cell<World>, offsetMs = -3 * HOUR) {
  const meetingId = await aMeeting(world, cell.bodyId, offsetMs);
  await world.asAdmin(
    'meetings',
    'PUT',
    `/meetings/${meetingId}/attendance`,
    everyonePresent(world, cell.column),
  );
  await world.asAdmin('meetings', 'POST', `/meetings/${meetingId}/hold`);
  return meetingId;
}

/** A meeting begun two hours ago with an item for decision, everyone seated recorded present. */
async function anAttendedItem(cell: Cell<World>) {
  const meetingId = await aMeeting(cell.world, cell.bodyId, -2 * HOUR);
  const itemId = await cell.world.create('meetings', `/meetings/${meetingId}/agenda`, {
    type: 'for-decision',
    title: 'Adopt the lung RDP',
  });
  await cell.world.asAdmin(
    'meetings',
    'PUT',
    `/meetings/${meetingId}/attendance`,
    everyonePresent(cell.world, cell.column),
  );
  return { meetingId, itemId };
}

/** Per body, once: a later held meeting that approves minutes, and one that takes actions. */
const shared = new Map<string, Promise<string>>();
function once(key: string, make: () => Promise<string>): Promise<string> {
  let made = shared.get(key);
  if (!made) {
    made = make();
    shared.set(key, made);
  }
  return made;
}

const officersOnOwnBody = {
  own: only(MEETING_OFFICERS),
  other: only(['admin']),
};

const officersRule =
  "the body's chair, deputy chair or secretariat as of today, or an admin; another body's meeting is refused";

const aMember = (world: World, column: Column) => world.people[column].member;

/** A write the body's officers (or an admin) make: scheduling, as running the meetings. */
const officersRow = (method: Row<World>['method'], path: string, build: Row<World>['build']) =>
  ({
    service: 'meetings',
    method,
    path,
    scope: 'body',
    expected: officersOnOwnBody,
    rule: officersRule,
    build,
  }) satisfies Row<World>;

export const meetingsRows: Row<World>[] = [
  officersRow('POST', '/bodies/{bodyId}/meetings', ({ bodyId }) => ({
    path: `/bodies/${bodyId}/meetings`,
    body: {
      kind: 'quarterly-network-meeting',
      title: 'Extra meeting',
      startsAt: at(-40 * 24 * HOUR),
      endsAt: at(-40 * 24 * HOUR + HOUR),
    },
    target: bodyId,
  })),
  officersRow('POST', '/bodies/{bodyId}/meetings/series', ({ bodyId }) => ({
    path: `/bodies/${bodyId}/meetings/series`,
    body: {
      kind: 'quarterly-network-meeting',
      title: 'Series',
      startsAt: at(-400 * 24 * HOUR),
      endsAt: at(-400 * 24 * HOUR + HOUR),
      every: 'quarter',
      count: 2,
    },
    target: bodyId,
  })),
  officersRow('POST', '/meetings/{id}/reschedule', async ({ world, bodyId }) => {
    const meetingId = await aMeeting(world, bodyId, -2 * HOUR);
    return {
      path: `/meetings/${meetingId}/reschedule`,
      body: { startsAt: at(-4 * HOUR), endsAt: at(-3 * HOUR) },
      target: meetingId,
    };
  }),
  officersRow('POST', '/meetings/{id}/cancel', async ({ world, bodyId }) => {
    const meetingId = await aMeeting(world, bodyId, -2 * HOUR);
    return {
      path: `/meetings/${meetingId}/cancel`,
      body: { reason: 'Not enough papers' },
      target: meetingId,
    };
  }),
  adminBodyRow(
    'meetings',
    'POST',
    '/meetings/{id}/agenda',
    async ({ world, bodyId }) => {
      const meetingId = await aMeeting(world, bodyId, -2 * HOUR);
      return {
        path: `/meetings/${meetingId}/agenda`,
        body: { type: 'for-information', title: 'Audit results' },
        target: meetingId,
      };
    },
    'admin only (the agenda is set by admins; cases reach it from the workflow)',
  ),
  {
    service: 'meetings',
    method: 'PUT',
    path: '/meetings/{id}/attendance',
    scope: 'body',
    expected: officersOnOwnBody,
    rule: officersRule,
    build: async (cell) => {
      const meetingId = await aMeeting(cell.world, cell.bodyId, -2 * HOUR);
      return {
        path: `/meetings/${meetingId}/attendance`,
        body: everyonePresent(cell.world, cell.column),
        target: meetingId,
      };
    },
  },
  {
    service: 'meetings',
    method: 'POST',
    path: '/meetings/{id}/hold',
    scope: 'body',
    expected: officersOnOwnBody,
    rule: officersRule,
    build: async (cell) => {
      const meetingId = await aMeeting(cell.world, cell.bodyId, -2 * HOUR);
      await cell.world.asAdmin(
        'meetings',
        'PUT',
        `/meetings/${meetingId}/attendance`,
        everyonePresent(cell.world, cell.column),
      );
      return { path: `/meetings/${meetingId}/hold`, target: meetingId };
    },
  },
  {
    service: 'meetings',
    method: 'POST',
    path: '/bodies/{bodyId}/chairs-actions',
    scope: 'body',
    expected: { own: only(['admin', 'chair']), other: only(['admin']) },
    rule: "the body's chair or deputy chair as of today, or an admin recording it for them",
    build: ({ bodyId }) => ({
      path: `/bodies/${bodyId}/chairs-actions`,
      body: {
        outcome: 'approved',
        title: 'Urgent change to the lung referral form',
        rationale: 'Cannot wait for the next meeting',
      },
    }),
  },
  {
    service: 'meetings',
    method: 'POST',
    path: '/agenda-items/{id}/declarations',
    scope: 'body',
    expected: officersOnOwnBody,
    rule: officersRule,
    build: async (cell) => {
      const { itemId } = await anAttendedItem(cell);
      return {
        path: `/agenda-items/${itemId}/declarations`,
        body: {
          memberId: aMember(cell.world, cell.column),
          nature: 'financial',
          interest: 'Adviser to a supplier named in the paper',
          action: 'withdrew',
        },
        target: itemId,
      };
    },
  },
  {
    service: 'meetings',
    method: 'POST',
    path: '/agenda-items/{id}/decision',
    scope: 'body',
    expected: officersOnOwnBody,
    rule: officersRule,
    build: async (cell) => {
      const { meetingId, itemId } = await anAttendedItem(cell);
      await cell.world.asAdmin('meetings', 'POST', `/meetings/${meetingId}/hold`);
      return {
        path: `/agenda-items/${itemId}/decision`,
        body: { outcome: 'approved', rationale: 'Agreed by the meeting' },
        target: itemId,
      };
    },
  },
  {
    service: 'meetings',
    method: 'PUT',
    path: '/meetings/{id}/minutes',
    scope: 'body',
    expected: officersOnOwnBody,
    rule: officersRule,
    build: async (cell) => {
      const meetingId = await aHeldMeeting(cell.world, cell);
      return {
        path: `/meetings/${meetingId}/minutes`,
        body: { text: 'The group met and agreed the RDP.' },
        target: meetingId,
      };
    },
  },
  {
    service: 'meetings',
    method: 'POST',
    path: '/meetings/{id}/minutes/approve',
    scope: 'body',
    expected: officersOnOwnBody,
    rule: officersRule,
    build: async (cell) => {
      const later = await once(`approving:${cell.bodyId}`, () =>
        aHeldMeeting(cell.world, cell, -HOUR),
      );
      const meetingId = await aHeldMeeting(cell.world, cell, -5 * HOUR);
      await cell.world.asAdmin('meetings', 'PUT', `/meetings/${meetingId}/minutes`, {
        text: 'Draft minutes',
      });
      return {
        path: `/meetings/${meetingId}/minutes/approve`,
        body: { atMeetingId: later },
        target: meetingId,
      };
    },
  },
  {
    service: 'meetings',
    method: 'POST',
    path: '/meetings/{id}/actions',
    scope: 'body',
    expected: officersOnOwnBody,
    rule: `${officersRule}; the owner sits on the body`,
    build: async (cell) => {
      const meetingId = await once(`actions:${cell.bodyId}`, () =>
        aMeeting(cell.world, cell.bodyId, -6 * HOUR),
      );
      return {
        path: `/meetings/${meetingId}/actions`,
        body: {
          description: 'Write to trusts about EBUS capacity',
          ownerMemberId: aMember(cell.world, cell.column),
          dueOn: '2027-03-01',
        },
      };
    },
  },
  {
    service: 'meetings',
    method: 'POST',
    path: '/actions/{id}/complete',
    scope: 'body',
    expected: {
      own: only([...MEETING_OFFICERS, 'member']),
      other: only(['admin']),
    },
    rule: "the action's owner (here the body's plain member), the body's meeting officers, or an admin",
    build: async (cell) => {
      const meetingId = await once(`actions:${cell.bodyId}`, () =>
        aMeeting(cell.world, cell.bodyId, -6 * HOUR),
      );
      const actionId = await cell.world.create('meetings', `/meetings/${meetingId}/actions`, {
        description: 'Circulate the audit',
        ownerMemberId: aMember(cell.world, cell.column),
        dueOn: '2027-03-01',
      });
      return { path: `/actions/${actionId}/complete`, body: {}, target: actionId };
    },
  },
  adminRow('meetings', 'POST', '/admin/daily-check', () => ({
    path: '/admin/daily-check',
    body: {},
  })),
  {
    service: 'meetings',
    method: 'POST',
    path: '/members/{memberId}/calendar-subscription',
    scope: 'member',
    expected: {
      own: only([
        'admin',
        'chair',
        'clinical-lead',
        'secretariat',
        'member',
        'observer',
        'unseated-clinician',
      ]),
      other: only(['admin']),
    },
    rule: "a member's own feed is theirs (seated or not), or an admin's to manage",
    build: ({ memberId }) => ({
      path: `/members/${memberId}/calendar-subscription`,
      target: memberId,
    }),
  },
  {
    service: 'meetings',
    method: 'DELETE',
    path: '/members/{memberId}/calendar-subscription',
    scope: 'member',
    expected: {
      own: only([
        'admin',
        'chair',
        'clinical-lead',
        'secretariat',
        'member',
        'observer',
        'unseated-clinician',
      ]),
      other: only(['admin']),
    },
    rule: "a member's own feed is theirs (seated or not), or an admin's to manage",
    build: async ({ world, memberId }) => {
      await world.asAdmin('meetings', 'POST', `/members/${memberId}/calendar-subscription`);
      return { path: `/members/${memberId}/calendar-subscription`, target: memberId };
    },
  },
  outboxRequeueRow('meetings'),
];
