import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsService, schemaOf } from '#platform';

/**
 * `workflow_cases_open{level, overdue}`: the open cases by the level holding them, read from
 * PostgreSQL at each scrape, so every instance reports the same truth. A case overdue at the
 * Board has nowhere higher to go: alert while `{level="board", overdue="true"}` is above 0.
 */
@Injectable()
export class CaseMetrics {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    metrics.gauge({
      name: 'workflow_cases_open',
      help: 'Open escalation cases by the level holding them and whether they are overdue',
      labelNames: ['level', 'overdue'],
      async collect() {
        const rows: { level: string; overdue: boolean; cases: string }[] = await dataSource.query(
          `SELECT level, overdue, count(*) AS cases FROM "${schemaOf(dataSource)}"."escalation_case"
           WHERE closed_at IS NULL GROUP BY level, overdue`,
        );
        this.reset();
        for (const level of ['group', 'cag', 'board']) {
          for (const overdue of [false, true]) {
            const row = rows.find((r) => r.level === level && r.overdue === overdue);
            this.set({ level, overdue: String(overdue) }, Number(row?.cases ?? 0));
          }
        }
      },
    });
  }
}
