/** Test data for the meetings service: each builder takes overrides for what a test cares about. */
import { randomUUID } from 'node:crypto';
import type { PayloadOf, PlatformEventMap } from '#contracts';
import type { BodyView, MemberView, Seat } from '#membership-view';
import type { AssignActionDto } from '../src/actions/actions.dto.js';
import type { RecordAttendanceDto } from '../src/attendance/attendance.dto.js';
import type { RecordDecisionDto } from '../src/decisions/decisions.dto.js';
import type { ScheduleMeetingDto, ScheduleSeriesDto } from '../src/scheduling/scheduling.dto.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type MeetingOverrides = Partial<Omit<ScheduleMeetingDto, 'startsAt' | 'endsAt'>> & {
  /** 30 days from now by default. */
  startsAt?: Date;
  /** Two hours by default. */
  lastingMs?: number;
};

/** A meeting to schedule (POST /bodies/:bodyId/meetings). */
export function aMeeting(overrides: MeetingOverrides = {}): ScheduleMeetingDto {
  const {
    startsAt = new Date(Date.now() + 30 * DAY_MS),
    lastingMs = 2 * HOUR_MS,
    ...fields
  } = overrides;
  return {
    kind: 'quarterly-network-meeting',
    title: 'Lung Group',
    ...fields,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + lastingMs).toISOString(),
  };
}

/** A series of meetings to schedule, quarterly four times unless told otherwise. */
export function aSeries(
  overrides: MeetingOverrides & Partial<Pick<ScheduleSeriesDto, 'every' | 'count'>> = {},
): ScheduleSeriesDto {
  const { every = 'quarter', count = 4, ...meeting } = overrides;
  return { ...aMeeting(meeting), every, count };
}

/** Who attended, grouped by status; entries in the order present, apologies, absent. */
export function anAttendance(by: {
  present?: string[];
  apologies?: string[];
  absent?: string[];
}): RecordAttendanceDto {
  const entries = (status: 'present' | 'apologies' | 'absent', ids: string[] = []) =>
    ids.map((memberId) => ({ memberId, status }));
  return {
    attendance: [
      ...entries('present', by.present),
      ...entries('apologies', by.apologies),
      ...entries('absent', by.absent),
    ],
  };
}

/** A decision on an agenda item, without a vote unless given one. */
export function aDecision(overrides: Partial<RecordDecisionDto> = {}): RecordDecisionDto {
  return { outcome: 'approved', rationale: 'Agreed by the meeting', ...overrides };
}

/** An action for a member (a random, unknown one unless given). */
export function anAction(overrides: Partial<AssignActionDto> = {}): AssignActionDto {
  return {
    description: 'Write to trusts about FDS capacity',
    ownerMemberId: randomUUID(),
    dueOn: '2026-01-15',
    ...overrides,
  };
}

/** The data of a workflow.agenda-item-requested.v1 event: an escalation to table. */
export function anAgendaItemRequest(
  overrides: Partial<PayloadOf<PlatformEventMap, 'workflow.agenda-item-requested.v1'>> = {},
): PayloadOf<PlatformEventMap, 'workflow.agenda-item-requested.v1'> {
  return {
    requestId: randomUUID(),
    bodyId: randomUUID(),
    title: 'Lung FDS below target for three months',
    externalReference: `case-${randomUUID()}`,
    presenter: 'Lung clinical lead',
    papers: [{ title: 'FDS performance', url: 'https://example.org/fds.pdf' }],
    tableBy: null,
    ...overrides,
  };
}

/** A body in the service's copy of membership. */
export function aBodyView(overrides: Partial<BodyView> = {}): Omit<BodyView, 'updatedAt'> {
  return {
    id: randomUUID(),
    allianceId: randomUUID(),
    kind: 'tumour-site-group',
    name: 'Lung Group',
    parentBodyId: null,
    ...overrides,
  };
}

/** A clinician in the service's copy of membership. */
export function aMemberView(overrides: Partial<MemberView> = {}): MemberView {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    name: 'Dr Member',
    email: `member.${id}@example.org`,
    clinician: true,
    ...overrides,
  };
}

/** An open-ended member's seat on a body since April 2025. */
export function aSeat(overrides: Partial<Seat> = {}): Seat {
  return {
    appointmentId: randomUUID(),
    bodyId: randomUUID(),
    memberId: randomUUID(),
    role: 'member',
    termStart: '2025-04-01',
    termEnd: null,
    endedOn: null,
    ...overrides,
  };
}
