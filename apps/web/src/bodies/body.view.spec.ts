import { bodyView, ragTag } from './body.view.js';

const body = { id: 'b1', name: 'Lung cancer group', kind: 'tumour-site-group' };

describe('bodyView', () => {
  it('names the chair, shows the clinical lead as vacant and lists the vacancy', () => {
    const view = bodyView(body, {
      holders: [
        {
          role: 'chair',
          termStart: '2026-01-01',
          termEnd: null,
          member: { memberId: 'm1', name: 'Dr Chair' },
        },
        {
          role: 'member',
          termStart: '2026-02-01',
          termEnd: '2028-01-31',
          member: { memberId: 'm2', name: 'Nurse Member' },
        },
      ],
      cases: [],
      priorities: [],
    });
    expect(view.kind).toBe('Tumour site group');
    expect(view.summary).toEqual([
      { key: 'Chair', value: 'Dr Chair' },
      { key: 'Clinical lead', value: 'Vacant' },
    ]);
    expect(view.vacancies).toEqual(['Clinical lead']);
    expect(view.members).toEqual([
      { name: 'Dr Chair', role: 'Chair', term: '1 January 2026 to no end date' },
      { name: 'Nurse Member', role: 'Member', term: '1 February 2026 to 31 January 2028' },
    ]);
    expect(view.meetingsHref).toBe('/bodies/b1/meetings');
  });

  it('lists open cases only, linked to the case page', () => {
    const view = bodyView(body, {
      holders: [],
      cases: [
        { id: 'c1', title: 'Open one', status: 'opened', level: 'group' },
        { id: 'c2', title: 'Resolved one', status: 'resolved', level: 'group' },
        { id: 'c3', title: 'Closed one', status: 'closed', level: 'cag' },
      ],
      priorities: [],
    });
    expect(view.vacancies).toEqual(['Chair', 'Clinical lead']);
    expect(view.cases).toEqual([
      {
        href: '/cases/c1',
        title: 'Open one',
        where: 'Network group',
        tag: { text: 'Opened', classes: 'nhsuk-tag--red' },
      },
    ]);
  });

  it('shows RAG as NHS tags, amber as orange', () => {
    expect(ragTag('red')).toEqual({ text: 'Red', classes: 'nhsuk-tag--red' });
    expect(ragTag('amber')).toEqual({ text: 'Amber', classes: 'nhsuk-tag--orange' });
    expect(ragTag('green')).toEqual({ text: 'Green', classes: 'nhsuk-tag--green' });
    const view = bodyView(body, {
      holders: [],
      cases: [],
      priorities: [{ id: 'p1', title: 'Faster diagnosis', rag: 'amber' }],
    });
    expect(view.priorities).toEqual([
      { title: 'Faster diagnosis', tag: { text: 'Amber', classes: 'nhsuk-tag--orange' } },
    ]);
  });

  it('lists open and mitigated risks with their 5x5 level, and leaves closed ones out', () => {
    const risk = (id: string, status: string, score: number, level: string) => ({
      id,
      description: `Gap ${id}`,
      status,
      currentRisk: { score, level },
    });
    const view = bodyView(body, {
      holders: [],
      cases: [],
      priorities: [],
      risks: [
        risk('1', 'open', 16, 'extreme'),
        risk('2', 'mitigated', 6, 'moderate'),
        risk('3', 'closed', 2, 'low'),
      ],
    });
    expect(view.risks).toEqual([
      {
        description: 'Gap 1',
        status: 'Open',
        tag: { text: 'Extreme (16)', classes: 'nhsuk-tag--red' },
      },
      {
        description: 'Gap 2',
        status: 'Mitigated',
        tag: { text: 'Moderate (6)', classes: 'nhsuk-tag--yellow' },
      },
    ]);
  });

  it("shows the public's comments only when the service gave them, naming who sent each", () => {
    const lists = { holders: [], cases: [], priorities: [] };
    expect(bodyView(body, lists).comments).toBeUndefined();
    const view = bodyView(body, {
      ...lists,
      comments: [
        {
          id: 'k1',
          pathwayTitle: 'Lung pathway',
          version: '2.0',
          relationship: 'carer',
          comment: 'Please add a CNS contact',
          name: 'A Carer',
          email: null,
          receivedAt: '2026-12-01T10:00:00Z',
          readAt: null,
        },
        {
          id: 'k2',
          pathwayTitle: 'Lung pathway',
          version: '2.0',
          relationship: 'public',
          comment: 'Fine',
          name: null,
          email: 'me@example.org',
          receivedAt: '2026-12-02T10:00:00Z',
          readAt: '2026-12-03T10:00:00Z',
        },
      ],
    });
    expect(view.comments).toEqual([
      expect.objectContaining({
        pathway: 'Lung pathway (version 2.0)',
        from: 'A Carer, A carer, relative or friend of a patient',
        received: '1 December 2026',
        unread: true,
      }),
      expect.objectContaining({
        from: 'A member of the public',
        email: 'me@example.org',
        unread: false,
      }),
    ]);
  });
});
