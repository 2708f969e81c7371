import { dateAndTime, levelName, longDate, statusTag } from '../cases/case-labels.js';
import {
  attendanceName,
  itemTypeName,
  meetingTag,
  OUTCOME_CHOICES,
  outcomeName,
  roleName,
} from './meeting-labels.js';
import { previewQuorum, type QuorumResult, type QuorumRule } from './quorum-preview.js';

/** A meeting as the meetings service's GET /meetings/:id answers it. */
export interface MeetingResponse {
  id: string;
  bodyId: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  quorum: QuorumResult | null;
  cancelReason: string | null;
  minutesStatus: 'none' | 'draft' | 'approved';
  minutesText: string | null;
  minutesApprovedAtMeetingId: string | null;
}

/** A body from membership's GET /bodies/:id (the fields the page uses). */
export interface BodyResponse {
  id: string;
  name: string;
  termsOfReference: { quorum: QuorumRule };
}

export interface AgendaItemResponse {
  id: string;
  type: string;
  title: string;
  presenter: string | null;
  papers: { title: string; url: string }[];
  position: number;
  externalReference: string | null;
}

export interface AttendanceResponse {
  memberId: string;
  status: string;
}

export interface ActionResponse {
  id: string;
  description: string;
  ownerMemberId: string;
  dueOn: string;
  status: string;
  completedOn: string | null;
}

/** A role-holder from membership's GET /bodies/:id/role-holders. */
export interface Holder {
  role: string;
  member: { memberId: string; name: string; profession?: string };
}

/** The escalation case an item tables, from workflow (absent when the person may not see it). */
export interface TabledCase {
  id: string;
  status: string;
  level: string;
  history: { transition: string; details: Record<string, unknown> }[];
}

export interface MeetingPageData {
  meeting: MeetingResponse;
  body: BodyResponse;
  agenda: readonly AgendaItemResponse[];
  attendance: readonly AttendanceResponse[];
  /** Seated on the meeting's day: who attends, and whom quorum counts. */
  seatedThatDay: readonly Holder[];
  /** Seated today: who may run the meeting now, and whom an action can go to. */
  seatedToday: readonly Holder[];
  actions: readonly ActionResponse[];
  cases: ReadonlyMap<string, TabledCase>;
  /** The body's held meetings, of which later quorate ones may approve the minutes. */
  heldMeetings: readonly MeetingResponse[];
  viewer: { memberId?: string; roles: readonly string[] };
  now: Date;
  /** An item whose decision was just recorded (the case may not have caught up yet). */
  justDecided?: string;
}

/** The seats that run a body's meetings, as the meetings service checks them. */
const OFFICERS = new Set(['chair', 'deputy-chair', 'secretariat']);

/** Everything the meeting page shows and offers, decided here so a unit test can reach it. */
export function meetingView(data: MeetingPageData) {
  const { meeting, viewer } = data;
  const mayRun =
    viewer.roles.includes('admin') ||
    (viewer.memberId !== undefined &&
      data.seatedToday.some(
        (holder) => OFFICERS.has(holder.role) && holder.member.memberId === viewer.memberId,
      ));
  const scheduled = meeting.status === 'scheduled';
  const held = meeting.status === 'held';
  const started = new Date(meeting.startsAt).getTime() <= data.now.getTime();
  const mayDecide = mayRun && held && meeting.quorum?.quorate === true;
  const names = new Map(
    [...data.seatedThatDay, ...data.seatedToday].map((h) => [h.member.memberId, h.member.name]),
  );
  return {
    id: meeting.id,
    title: meeting.title,
    bodyId: data.body.id,
    bodyName: data.body.name,
    tag: meetingTag(meeting.status),
    summary: [
      { key: 'Body', value: data.body.name },
      { key: 'When', value: `${dateAndTime(meeting.startsAt)} to ${endTime(meeting)}` },
      { key: 'Where', value: meeting.location ?? (meeting.onlineUrl ? 'Online' : 'Not set') },
      ...(meeting.cancelReason
        ? [{ key: 'Why it was cancelled', value: meeting.cancelReason }]
        : []),
    ],
    onlineUrl: meeting.onlineUrl,
    agenda: data.agenda.map((item) => agendaItem(item, data, mayDecide)),
    outcomes: OUTCOME_CHOICES.map((o) => ({
      value: o.value,
      text: o.text,
      hint: { text: o.hint },
    })),
    attendance: attendanceView(data, mayRun && scheduled),
    mayHold: mayRun && scheduled && started,
    holdNotYet: mayRun && scheduled && !started,
    actions: data.actions.map((action) => ({
      description: action.description,
      owner: names.get(action.ownerMemberId) ?? 'A former member',
      due: longDate(action.dueOn),
      state:
        action.status === 'completed'
          ? `Completed ${longDate(action.completedOn ?? action.dueOn)}`
          : 'Open',
    })),
    mayAssignAction: mayRun && meeting.status !== 'cancelled',
    // The service gives officers every action, and anyone else only their own.
    noActions: mayRun ? 'No actions yet.' : 'None of this meeting’s actions are yours.',
    owners: uniqueMembers(data.seatedToday).map((holder) => ({
      value: holder.member.memberId,
      text: holder.member.name,
    })),
    minutes: minutesView(data, mayRun),
  };
}

function endTime(meeting: MeetingResponse): string {
  const [, time] = dateAndTime(meeting.endsAt).split(', ');
  return longDate(meeting.endsAt) === longDate(meeting.startsAt)
    ? (time ?? '')
    : dateAndTime(meeting.endsAt);
}

function agendaItem(item: AgendaItemResponse, data: MeetingPageData, mayDecide: boolean) {
  const tabled = item.externalReference ? data.cases.get(item.externalReference) : undefined;
  const decision = tabled?.history.find(
    (entry) =>
      entry.details['meetingId'] === data.meeting.id &&
      typeof entry.details['outcome'] === 'string',
  );
  const decided = decision !== undefined || data.justDecided === item.id;
  return {
    id: item.id,
    number: item.position,
    title: item.title,
    type: itemTypeName(item.type),
    presenter: item.presenter,
    papers: item.papers,
    escalation:
      item.type === 'escalation' && item.externalReference
        ? {
            href: `/cases/${item.externalReference}`,
            state: tabled
              ? `${statusTag(tabled.status).text}, at the ${levelName(tabled.level)}`
              : undefined,
          }
        : undefined,
    decision: decision
      ? `${outcomeName(decision.details['outcome'] as string)}: ${typeof decision.details['reason'] === 'string' ? decision.details['reason'] : ''}`
      : decided
        ? 'Recorded'
        : undefined,
    mayDecide: mayDecide && !decided,
  };
}

function attendanceView(data: MeetingPageData, mayRecord: boolean) {
  const statuses = new Map(data.attendance.map((entry) => [entry.memberId, entry.status]));
  const rows = uniqueMembers(data.seatedThatDay).map((holder) => {
    const roles = data.seatedThatDay
      .filter((h) => h.member.memberId === holder.member.memberId)
      .map((h) => roleName(h.role));
    return {
      memberId: holder.member.memberId,
      name: holder.member.name,
      roles: roles.join(', '),
      status: statuses.get(holder.member.memberId),
      statusText: attendanceName(statuses.get(holder.member.memberId)),
    };
  });
  // Once held, the quorum the service recorded; before, the same rules applied to the attendance so far.
  const recorded = data.meeting.quorum;
  const quorum =
    recorded ?? previewQuorum(data.body.termsOfReference.quorum, data.seatedThatDay, statuses);
  return {
    rows,
    mayRecord,
    quorum: {
      met: quorum.quorate,
      recorded: recorded !== null,
      heading: recorded
        ? quorum.quorate
          ? 'The meeting was quorate'
          : 'The meeting was not quorate: it cannot take decisions'
        : quorum.quorate
          ? 'Quorum met'
          : 'Quorum not met yet',
      counts: `${quorum.present} of ${quorum.votingMembers} voting members present; ${quorum.required} needed`,
      // The count has its own line; the rest say what else is missing.
      shortfalls: quorum.shortfalls.filter((shortfall) => !shortfall.includes('voting members')),
      tag: quorum.quorate
        ? { text: 'Quorate', classes: 'nhsuk-tag--green' }
        : { text: 'Not quorate', classes: 'nhsuk-tag--red' },
    },
  };
}

function minutesView(data: MeetingPageData, mayRun: boolean) {
  const { meeting } = data;
  const approvers = data.heldMeetings
    .filter(
      (later) =>
        later.quorum?.quorate === true &&
        new Date(later.startsAt).getTime() > new Date(meeting.startsAt).getTime(),
    )
    .map((later) => ({ value: later.id, text: `${later.title}, ${longDate(later.startsAt)}` }));
  const approvedAt = data.heldMeetings.find((m) => m.id === meeting.minutesApprovedAtMeetingId);
  const STATES = {
    none: 'Not written yet',
    draft: 'Draft, not yet approved',
    approved: 'Approved',
  } as const;
  return {
    state: STATES[meeting.minutesStatus],
    approvedAt: approvedAt ? `${approvedAt.title}, ${longDate(approvedAt.startsAt)}` : undefined,
    text: meeting.minutesText,
    paragraphs: (meeting.minutesText ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== ''),
    mayDraft: mayRun && meeting.status === 'held' && meeting.minutesStatus !== 'approved',
    mayApprove: mayRun && meeting.minutesStatus === 'draft' && approvers.length > 0,
    approvers,
  };
}

function uniqueMembers(holders: readonly Holder[]): Holder[] {
  const seen = new Map<string, Holder>();
  for (const holder of holders) {
    if (!seen.has(holder.member.memberId)) {
      seen.set(holder.member.memberId, holder);
    }
  }
  return [...seen.values()];
}
