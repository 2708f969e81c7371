import { bodyMeetingsView, pageNumber } from './body-meetings.view.js';
import { attendanceEntries, calendarDay } from './meeting-forms.js';
import { meetingView, type MeetingPageData, type MeetingResponse } from './meeting.view.js';

const meeting: MeetingResponse = {
  id: 'm1',
  bodyId: 'b1',
  kind: 'quarterly-network-meeting',
  title: 'Lung group, Q3',
  startsAt: '2026-12-10T14:00:00Z',
  endsAt: '2026-12-10T16:00:00Z',
  location: 'Boardroom',
  onlineUrl: null,
  status: 'scheduled',
  quorum: null,
  cancelReason: null,
  minutesStatus: 'none',
  minutesText: null,
  minutesApprovedAtMeetingId: null,
};
const seated = [
  { role: 'chair', member: { memberId: 'chair', name: 'Dr Chair', profession: 'doctor' } },
  { role: 'member', member: { memberId: 'member', name: 'Nurse Member', profession: 'nurse' } },
  {
    role: 'secretariat',
    member: { memberId: 'secretary', name: 'Network Manager', profession: 'manager' },
  },
  { role: 'observer', member: { memberId: 'observer', name: 'Visitor', profession: 'doctor' } },
];

function aPage(overrides: Partial<MeetingPageData> = {}): MeetingPageData {
  return {
    meeting,
    body: {
      id: 'b1',
      name: 'Lung group',
      termsOfReference: {
        quorum: { chairOrDeputy: true, minimumFraction: 1 / 3, requireClinician: true },
      },
    },
    agenda: [
      {
        id: 'i1',
        type: 'escalation',
        title: 'No EBUS capacity',
        presenter: null,
        papers: [],
        position: 1,
        externalReference: 'c1',
      },
    ],
    attendance: [],
    seatedThatDay: seated,
    seatedToday: seated,
    actions: [],
    cases: new Map(),
    heldMeetings: [],
    viewer: { memberId: 'secretary', roles: ['clinician'] },
    now: new Date('2026-12-10T14:05:00Z'),
    ...overrides,
  };
}

const held: MeetingResponse = {
  ...meeting,
  status: 'held',
  quorum: {
    quorate: true,
    votingMembers: 2,
    present: 1,
    required: 1,
    chairOrDeputyPresent: true,
    clinicianPresent: true,
    shortfalls: [],
  },
};

describe('the meeting page', () => {
  it('shows quorum as attendance is recorded, by the body’s rule: voting members only', () => {
    const none = meetingView(aPage()).attendance.quorum;
    expect(none.met).toBe(false);
    expect(none.shortfalls).toEqual([
      'neither the chair nor a deputy chair is present',
      'no registered clinician is present',
    ]);
    expect(none.counts).toBe('0 of 2 voting members present; 1 needed');
    // The secretariat and the observer being there counts for nothing.
    const officersOnly = meetingView(
      aPage({
        attendance: [
          { memberId: 'secretary', status: 'present' },
          { memberId: 'observer', status: 'present' },
        ],
      }),
    ).attendance.quorum;
    expect(officersOnly.met).toBe(false);
    const chair = meetingView(aPage({ attendance: [{ memberId: 'chair', status: 'present' }] }))
      .attendance.quorum;
    expect(chair).toMatchObject({ met: true, heading: 'Quorum met', recorded: false });
  });

  it('once held, shows the quorum the service recorded, and offers decisions to its officers', () => {
    const view = meetingView(aPage({ meeting: held }));
    expect(view.attendance.quorum).toMatchObject({ recorded: true, met: true });
    expect(view.attendance.mayRecord).toBe(false);
    expect(view.mayHold).toBe(false);
    expect(view.agenda[0]?.mayDecide).toBe(true);
    expect(view.agenda[0]?.escalation?.href).toBe('/cases/c1');
    expect(view.minutes.mayDraft).toBe(true);
  });

  it('offers no form to an observer or a member, and lets an admin run any meeting', () => {
    const observer = meetingView(
      aPage({ meeting: held, viewer: { memberId: 'observer', roles: ['clinician'] } }),
    );
    expect(observer.agenda[0]?.mayDecide).toBe(false);
    expect(observer.mayAssignAction).toBe(false);
    expect(observer.minutes.mayDraft).toBe(false);
    const scheduled = meetingView(aPage({ viewer: { memberId: 'member', roles: ['clinician'] } }));
    expect(scheduled.attendance.mayRecord).toBe(false);
    expect(scheduled.mayHold).toBe(false);
    expect(meetingView(aPage({ viewer: { roles: ['admin'] } })).mayHold).toBe(true);
  });

  it('holds only a meeting that has started, and decides nothing at one without quorum', () => {
    const early = meetingView(aPage({ now: new Date('2026-12-01T09:00:00Z') }));
    expect(early.mayHold).toBe(false);
    expect(early.holdNotYet).toBe(true);
    const inquorate = meetingView(
      aPage({ meeting: { ...held, quorum: { ...held.quorum!, quorate: false } } }),
    );
    expect(inquorate.agenda[0]?.mayDecide).toBe(false);
    expect(inquorate.attendance.quorum.heading).toMatch(/not quorate/);
  });

  it('shows the decision the case history records for this meeting, and no second form', () => {
    const decided = meetingView(
      aPage({
        meeting: held,
        cases: new Map([
          [
            'c1',
            {
              id: 'c1',
              status: 'opened',
              level: 'cag',
              history: [
                {
                  transition: 'escalated',
                  details: { meetingId: 'm1', outcome: 'escalated', reason: 'Beyond us' },
                },
              ],
            },
          ],
        ]),
      }),
    );
    expect(decided.agenda[0]).toMatchObject({
      decision: 'Escalated: Beyond us',
      mayDecide: false,
      escalation: { state: 'Opened, at the Clinical Advisory Group' },
    });
    expect(meetingView(aPage({ meeting: held, justDecided: 'i1' })).agenda[0]?.mayDecide).toBe(
      false,
    );
  });

  it('offers approval of draft minutes at a later quorate meeting only', () => {
    const later = { ...held, id: 'm2', title: 'Lung group, Q4', startsAt: '2027-03-10T14:00:00Z' };
    const view = meetingView(
      aPage({ meeting: { ...held, minutesStatus: 'draft' }, heldMeetings: [held, later] }),
    );
    expect(view.minutes.approvers).toEqual([
      { value: 'm2', text: 'Lung group, Q4, 10 March 2027' },
    ]);
    expect(view.minutes.mayApprove).toBe(true);
  });
});

describe('the meeting forms', () => {
  it('reads attendance radios and the NHS date input as the service takes them', () => {
    expect(attendanceEntries({ a: 'present', b: 'maybe', c: 'apologies' })).toEqual([
      { memberId: 'a', status: 'present' },
      { memberId: 'c', status: 'apologies' },
    ]);
    expect(calendarDay({ day: '3', month: '2', year: '2027' })).toBe('2027-02-03');
    expect(calendarDay({ day: '', month: '', year: '' })).toBe('');
  });
});

describe("a body's meetings", () => {
  it('pages through them and links to each', () => {
    const view = bodyMeetingsView(
      { id: 'b1', name: 'Lung group' },
      { items: [meeting], total: 45, limit: 20, offset: 20 },
    );
    expect(view.meetings[0]?.href).toBe('/meetings/m1');
    expect(view.caption).toBe('45 meetings, page 2 of 3');
    expect(view.previous?.href).toBe('/bodies/b1/meetings?page=1');
    expect(view.next?.href).toBe('/bodies/b1/meetings?page=3');
    expect(pageNumber('x')).toBe(1);
  });
});
