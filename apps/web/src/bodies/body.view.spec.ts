import { bodyView, ragTag } from './body.view.js';

const body = { id: 'b1', name: 'Lung cancer group', kind: 'tumour-site-group' };

describe('bodyView', () => {
  it('names the chair, shows the clinical lead as vacant and lists the vacancy', () => {
    const view = bodyView(
      body,
      [
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
      [],
      [],
    );
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
    const view = bodyView(
      body,
      [],
      [
        { id: 'c1', title: 'Open one', status: 'opened', level: 'group' },
        { id: 'c2', title: 'Resolved one', status: 'resolved', level: 'group' },
        { id: 'c3', title: 'Closed one', status: 'closed', level: 'cag' },
      ],
      [],
    );
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
    const view = bodyView(body, [], [], [{ id: 'p1', title: 'Faster diagnosis', rag: 'amber' }]);
    expect(view.priorities).toEqual([
      { title: 'Faster diagnosis', tag: { text: 'Amber', classes: 'nhsuk-tag--orange' } },
    ]);
  });
});
