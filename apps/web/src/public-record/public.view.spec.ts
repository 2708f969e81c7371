import {
  bodiesByAlliance,
  commentFormOf,
  minutesView,
  paragraphsOf,
  publicBodyView,
  type PublicMinutes,
} from './public.view.js';

const minutes: PublicMinutes = {
  meetingId: 'm1',
  title: 'Alliance Board, December',
  startsAt: '2026-12-01T10:00:00Z',
  minutesText: 'Present: the Board.\n\n  The EBUS gap was discussed.  \n\n\n',
  approvedOn: '2027-01-05',
  decisions: [
    {
      id: 'd1',
      itemTitle: 'No EBUS capacity',
      outcome: 'action-plan-agreed',
      rationale: 'Fund a shared list',
      votesFor: 7,
      votesAgainst: null,
      votesAbstained: 1,
      recordedAt: '2026-12-01T11:00:00Z',
    },
    {
      id: 'd2',
      itemTitle: 'Annual report',
      outcome: 'noted',
      rationale: 'For information',
      votesFor: null,
      votesAgainst: null,
      votesAbstained: null,
      recordedAt: '2026-12-01T11:30:00Z',
    },
  ],
};

describe('public pages', () => {
  it('groups bodies by alliance in the order given, with their kinds named', () => {
    const body = (id: string, allianceId: string, kind: string) => ({
      id,
      name: `Body ${id}`,
      kind,
      allianceId,
      allianceName: `Alliance ${allianceId}`,
      parentBodyId: null,
    });
    expect(
      bodiesByAlliance([
        body('1', 'a', 'tumour-site-group'),
        body('2', 'b', 'alliance-board'),
        body('3', 'a', 'alliance-board'),
      ]),
    ).toEqual([
      {
        name: 'Alliance a',
        bodies: [
          { name: 'Body 1', kind: 'Tumour site group', href: '/public/bodies/1' },
          { name: 'Body 3', kind: 'Alliance Board', href: '/public/bodies/3' },
        ],
      },
      {
        name: 'Alliance b',
        bodies: [{ name: 'Body 2', kind: 'Alliance Board', href: '/public/bodies/2' }],
      },
    ]);
  });

  it('shows decisions with their outcome named, votes only when counted, linked to the minutes', () => {
    const view = minutesView(minutes);
    expect(view.held).toBe('1 December 2026');
    expect(view.approvedOn).toBe('5 January 2027');
    expect(view.paragraphs).toEqual(['Present: the Board.', 'The EBUS gap was discussed.']);
    expect(view.decisions).toEqual([
      {
        item: 'No EBUS capacity',
        outcome: 'Action plan agreed',
        rationale: 'Fund a shared list',
        votes: '7 for, 0 against, 1 abstained',
        meeting: 'Alliance Board, December, 1 December 2026',
        meetingHref: '/public/meetings/m1',
      },
      expect.objectContaining({ item: 'Annual report', outcome: 'Noted', votes: undefined }),
    ]);
  });

  it('writes each declaration of interest as a sentence of the minutes, and says when there were none', () => {
    const declared = minutesView({
      ...minutes,
      declarations: [
        {
          itemTitle: 'No EBUS capacity',
          memberName: 'Dr A Clinician',
          nature: 'financial',
          interest: 'Paid adviser to an EBUS provider',
          action: 'withdrew',
        },
      ],
    });
    expect(declared.declarations).toEqual([
      {
        text: 'Dr A Clinician declared a financial interest in "No EBUS capacity": Paid adviser to an EBUS provider, and left the meeting for the item.',
      },
    ]);
    expect(minutesView(minutes).declarations).toEqual([]);
  });

  it('splits published pathways from those open for comment, linking the consultation form', () => {
    const view = publicBodyView(
      {
        id: 'b1',
        name: 'Board',
        kind: 'alliance-board',
        allianceId: 'a',
        allianceName: 'East',
        parentBodyId: null,
        guidance: [],
      },
      [minutes],
      [
        {
          id: 'p1',
          title: 'Lung pathway',
          tumourSite: 'lung',
          published: {
            versionId: 'v1',
            version: '1.0',
            documentUrl: 'https://example.org/lung-1.pdf',
            changeSummary: 'First',
            publishedOn: '2025-03-01',
            reviewDueOn: '2027-03-01',
          },
          consultation: {
            versionId: 'v2',
            version: '2.0',
            documentUrl: 'https://example.org/lung-2.pdf',
            changeSummary: 'Adds straight-to-CT',
          },
        },
      ],
    );
    expect(view.decisions).toHaveLength(2);
    expect(view.minutes).toEqual([
      {
        title: 'Alliance Board, December',
        held: '1 December 2026',
        approvedOn: '5 January 2027',
        href: '/public/meetings/m1',
      },
    ]);
    expect(view.published).toEqual([
      {
        title: 'Lung pathway',
        version: '1.0',
        documentUrl: 'https://example.org/lung-1.pdf',
        publishedOn: '1 March 2025',
        reviewDueOn: '1 March 2027',
      },
    ]);
    expect(view.consultations).toEqual([
      {
        title: 'Lung pathway',
        version: '2.0',
        summary: 'Adds straight-to-CT',
        href: '/public/pathways/v2',
      },
    ]);
  });

  it('takes only text from a posted form, trimmed, blanks left out', () => {
    expect(
      commentFormOf({ relationship: 'carer', comment: '  Add a CNS  ', name: ' ', email: ['x'] }),
    ).toEqual({ relationship: 'carer', comment: 'Add a CNS', name: undefined, email: undefined });
    expect(commentFormOf(undefined)).toEqual({
      relationship: undefined,
      comment: undefined,
      name: undefined,
      email: undefined,
    });
    expect(paragraphsOf('one\n\ntwo\nlines')).toEqual(['one', 'two\nlines']);
  });
});
