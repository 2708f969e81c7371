import type { DataSource } from 'typeorm';
import { MetricsService } from '#platform';
import { CaseMetrics } from './case-metrics.js';

describe('CaseMetrics', () => {
  it('reports the open cases by level and overdue, zero where there are none', async () => {
    const metrics = new MetricsService();
    const dataSource = {
      options: { schema: 'workflow' },
      query: () =>
        Promise.resolve([
          { level: 'board', overdue: true, cases: '2' },
          { level: 'group', overdue: false, cases: '5' },
        ]),
    } as unknown as DataSource;
    new CaseMetrics(dataSource, metrics);
    const text = await metrics.render();
    expect(text).toContain('workflow_cases_open{level="board",overdue="true"} 2');
    expect(text).toContain('workflow_cases_open{level="group",overdue="false"} 5');
    expect(text).toContain('workflow_cases_open{level="cag",overdue="true"} 0');
  });
});
