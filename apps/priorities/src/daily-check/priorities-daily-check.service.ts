import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, tryTransactionLock } from '#platform';
import type { PrioritiesConfig } from '../config.js';
import { PathwaysService } from '../pathways/pathways.service.js';
import { PrioritiesService } from '../priorities/priorities.service.js';

export interface PrioritiesCheckResult {
  ran: boolean;
  milestonesMissed: number;
  reviewsDue: number;
  reviewsOverdue: number;
}

/**
 * Once a day: milestones past their date are missed, pathway reviews falling due within the
 * notice period or past it are announced; each thing once. Safe to run twice or from two
 * instances at once.
 */
@Injectable()
export class PrioritiesDailyCheckService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: PrioritiesConfig,
    @Inject(PrioritiesService) private readonly priorities: PrioritiesService,
    @Inject(PathwaysService) private readonly pathways: PathwaysService,
  ) {}

  async run(today: string): Promise<PrioritiesCheckResult> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryTransactionLock(manager, 'priorities.daily-check'))) {
        return { ran: false, milestonesMissed: 0, reviewsDue: 0, reviewsOverdue: 0 };
      }
      const milestonesMissed = await this.priorities.markMissedMilestones(manager, today);
      const reviews = await this.pathways.announceReviews(
        manager,
        today,
        this.config.REVIEW_NOTICE_DAYS,
      );
      return {
        ran: true,
        milestonesMissed,
        reviewsDue: reviews.due,
        reviewsOverdue: reviews.overdue,
      };
    });
  }
}
