import { randomUUID } from 'node:crypto';
import { adminRow, CHAIR_OR_LEAD, only, SEATED_OR_ADMIN, type Row } from './matrix.js';
import type { World } from './world.js';
import { outboxRequeueRow } from './outbox.rows.js';

/**
 * Workflow: a member of the body (or an admin) raises a case there and adds notes to the cases
 * they can see; its chair or clinical lead (or an admin) acknowledges and closes it; only an
 * admin resolves one outright. A clinician sees only the cases of the bodies they sit on, so
 * another body's case is hidden (404) from them (acknowledge, notes, close). A member's inbox, preferences and webhook
 * secret are theirs (or an admin's, except the inbox: an admin's account has none). The policy,
 * the calendar and the periodic jobs are the admins'.
 */
const CLINICIANS = [
  ...SEATED_OR_ADMIN.filter((caller) => caller !== 'admin'),
  'unseated-clinician',
] as const;

const aCase = (world: World, bodyId: string, unique: string) =>
  world.create('workflow', '/cases', {
    bodyId,
    title: `Matrix case ${unique}`,
    reason: 'Patients travel 90 minutes for staging',
  });

const WEBHOOK = 'http://127.0.0.1:9/hook';

let holidays = 0;
/** A date far ahead that no other cell makes a bank holiday. */
const aHolidayDate = () => {
  holidays += 1;
  return new Date(Date.UTC(2090, 0, 1) + holidays * 86_400_000).toISOString().slice(0, 10);
};

export const workflowRows: Row<World>[] = [
  adminRow('workflow', 'POST', '/policy', async ({ world }) => {
    const versions = await world.asAdmin<{ items: { policy: Record<string, unknown> }[] }>(
      'workflow',
      'GET',
      '/policy?limit=1',
    );
    const { version: _version, ...current } = versions.items[0]?.policy ?? {};
    return { path: '/policy', body: current };
  }),
  adminRow('workflow', 'PUT', '/calendar/bank-holidays/{date}', () => {
    const date = aHolidayDate();
    return { path: `/calendar/bank-holidays/${date}`, body: { name: 'Matrix day' }, target: date };
  }),
  adminRow('workflow', 'DELETE', '/calendar/bank-holidays/{date}', async ({ world }) => {
    const date = aHolidayDate();
    await world.asAdmin('workflow', 'PUT', `/calendar/bank-holidays/${date}`, {
      name: 'Matrix day',
    });
    return { path: `/calendar/bank-holidays/${date}`, target: date };
  }),
  adminRow('workflow', 'POST', '/admin/history-checkpoints', async ({ world, unique }) => {
    // A case whose history no checkpoint holds yet, so that there is one to take.
    await aCase(world, world.bodies.own, unique);
    return { path: '/admin/history-checkpoints' };
  }),
  adminRow('workflow', 'POST', '/admin/digest', () => ({ path: '/admin/digest' })),
  adminRow('workflow', 'POST', '/admin/daily-triggers', () => ({
    path: '/admin/daily-triggers',
    body: {},
  })),
  {
    service: 'workflow',
    method: 'POST',
    path: '/inbox/{id}/read',
    scope: 'member',
    expected: {
      own: only([...CLINICIANS]),
      other: only([], 'hidden', { admin: 'refused', service: 'refused' }),
    },
    rule: "a member's inbox is theirs; another's message is hidden (404); an admin's account has no inbox (403)",
    build: async ({ world, memberId }) => {
      const id = randomUUID();
      await world.dataSource('workflow').query(
        `INSERT INTO "${world.schema('workflow')}".notification
           (id, dedup_key, case_id, member_id, channel, address, subject, body, urgent, status,
            attempts, sent_at)
         VALUES ($1, $2, NULL, $3, 'inbox', NULL, 'Matrix', 'A message', false, 'sent', 0, now())`,
        [id, `matrix:${id}`, memberId],
      );
      return { path: `/inbox/${id}/read`, target: id };
    },
  },
  {
    service: 'workflow',
    method: 'PUT',
    path: '/members/{memberId}/preferences',
    scope: 'member',
    expected: { own: only(['admin', ...CLINICIANS]), other: only(['admin']) },
    rule: "a member's preferences are theirs (seated or not), or an admin's to set",
    build: ({ memberId }) => ({
      path: `/members/${memberId}/preferences`,
      // The webhook the secret rotation's cells need stays: they run beside these.
      body: { channels: ['inbox', 'webhook'], digest: false, webhookUrl: WEBHOOK },
      target: memberId,
    }),
  },
  {
    service: 'workflow',
    method: 'POST',
    path: '/members/{memberId}/webhook-secret',
    scope: 'member',
    expected: { own: only(['admin', ...CLINICIANS]), other: only(['admin']) },
    rule: "a member's webhook secret is theirs (seated or not), or an admin's to rotate",
    build: async ({ world, memberId }) => {
      await world.asAdmin('workflow', 'PUT', `/members/${memberId}/preferences`, {
        channels: ['inbox', 'webhook'],
        digest: false,
        webhookUrl: WEBHOOK,
      });
      return { path: `/members/${memberId}/webhook-secret`, target: memberId };
    },
  },
  {
    service: 'workflow',
    method: 'POST',
    path: '/cases',
    scope: 'body',
    expected: { own: only(SEATED_OR_ADMIN), other: only(['admin']) },
    rule: 'anyone seated on the body today, or an admin, raises a case there',
    build: ({ bodyId, unique }) => ({
      path: '/cases',
      body: { bodyId, title: `Raised ${unique}`, reason: 'Patients travel for staging' },
    }),
  },
  {
    service: 'workflow',
    method: 'POST',
    path: '/cases/{id}/acknowledge',
    scope: 'body',
    expected: {
      own: only(CHAIR_OR_LEAD, 'refused', { 'unseated-clinician': 'hidden' }),
      other: only(['admin'], 'hidden', { service: 'refused' }),
    },
    rule: "the holding body's chair or clinical lead, or an admin; hidden from those who cannot see the case",
    build: async ({ world, bodyId, unique }) => {
      const id = await aCase(world, bodyId, unique);
      return { path: `/cases/${id}/acknowledge`, target: id };
    },
  },
  {
    service: 'workflow',
    method: 'POST',
    path: '/cases/{id}/notes',
    scope: 'body',
    expected: {
      own: only(SEATED_OR_ADMIN, 'refused', { 'unseated-clinician': 'hidden' }),
      other: only(['admin'], 'hidden', { service: 'refused' }),
    },
    rule: 'anyone who sees the case (seated on a body it passed through) or an admin; hidden (404) from others',
    build: async ({ world, bodyId, unique }) => {
      const id = await aCase(world, bodyId, unique);
      return { path: `/cases/${id}/notes`, body: { text: 'Trust B has capacity' }, target: id };
    },
  },
  {
    service: 'workflow',
    method: 'POST',
    path: '/cases/{id}/close',
    scope: 'body',
    expected: {
      own: only(CHAIR_OR_LEAD, 'refused', { 'unseated-clinician': 'hidden' }),
      other: only(['admin'], 'hidden', { service: 'refused' }),
    },
    rule: "the holding body's chair or clinical lead, or an admin; hidden (404) from those who cannot see the case",
    build: async ({ world, bodyId, unique }) => {
      const id = await aCase(world, bodyId, unique);
      // Monitoring under an accepted action plan, as a decision of the body leaves it: a
      // state only a meeting reaches, written straight in for the cell's sake.
      await world
        .dataSource('workflow')
        .query(
          `UPDATE "${world.schema('workflow')}".escalation_case SET status = 'monitoring' WHERE id = $1`,
          [id],
        );
      return { path: `/cases/${id}/close`, body: { rationale: 'Plan delivered' }, target: id };
    },
  },
  {
    service: 'workflow',
    method: 'POST',
    path: '/cases/{id}/resolve',
    scope: 'body',
    expected: { own: only(['admin']), other: only(['admin']) },
    rule: 'admin only: resolving outright bypasses the body',
    build: async ({ world, bodyId, unique }) => {
      const id = await aCase(world, bodyId, unique);
      return { path: `/cases/${id}/resolve`, body: { rationale: 'Funded' }, target: id };
    },
  },
  outboxRequeueRow('workflow'),
];
