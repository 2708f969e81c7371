import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { Seat, seatHeldOnSql } from '#membership-view';
import { addDays, Clock } from '#platform';
import { CasesService } from '../cases/cases.service.js';
import { EscalationCase } from '../cases/escalation-case.entity.js';
import { ActionView } from '../governance/action-view.entity.js';
import { RoleVacancy } from '../governance/role-vacancy.entity.js';
import { PolicyService } from '../policy/policy.service.js';
import { actionOverdueTrigger, roleVacancyTrigger, type Trigger } from '../policy/triggers.js';

/**
 * The service's daily check: the triggers that are a matter of time, not of one event. A chair
 * or clinical lead empty for longer than the policy allows, an action overdue for longer than
 * it allows, read from the governance read model. Run by DailyCheckProcessor (06:30 UK time)
 * and by `POST /admin/daily-triggers`; each opens a case once, or updates the open one, as any
 * trigger does.
 */
@Injectable()
export class GovernanceDailyCheckService {
  private readonly logger = new Logger(GovernanceDailyCheckService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(PolicyService) private readonly policies: PolicyService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async run(): Promise<{ roleVacancies: number; overdueActions: number }> {
    const policy = await this.policies.current();
    const today = this.clock.today();
    const manager = this.dataSource.manager;
    const vacancies = await manager.find(RoleVacancy);
    let roleVacancies = 0;
    for (const vacancy of vacancies) {
      // Filled since, though the appointment event has not reached us: nothing to escalate.
      const filled = await manager
        .createQueryBuilder(Seat, 's')
        .where('s.body_id = :bodyId AND s.role = :role', vacancy)
        .andWhere(seatHeldOnSql('s'), { on: today })
        .getExists();
      const trigger = filled
        ? null
        : roleVacancyTrigger(policy, {
            bodyId: vacancy.bodyId,
            role: vacancy.role,
            vacatedOn: vacancy.vacantSince,
            today,
          });
      roleVacancies += await this.open(trigger, vacancy.vacantSince);
    }
    const overdue = await manager.find(ActionView, {
      where: {
        completedOn: IsNull(),
        dueOn: LessThan(addDays(today, -policy.triggers.actionOverdueDays)),
      },
    });
    let overdueActions = 0;
    for (const action of overdue) {
      overdueActions += await this.open(
        actionOverdueTrigger(policy, {
          bodyId: action.bodyId,
          meetingId: action.meetingId,
          actionId: action.id,
          ownerMemberId: action.ownerMemberId,
          dueOn: action.dueOn,
          today,
        }),
        null,
      );
    }
    this.logger.log(
      `Daily triggers: ${roleVacancies} role vacancies, ${overdueActions} overdue actions`,
    );
    return { roleVacancies, overdueActions };
  }

  /**
   * Opens a case for the trigger unless one was already opened for it: since the vacancy began
   * (`since`), or ever for an action. Checked daily, a standing problem is one case, not one a day.
   */
  private async open(trigger: Trigger | null, since: string | null): Promise<number> {
    if (!trigger) {
      return 0;
    }
    const earlier = await this.dataSource.manager
      .createQueryBuilder(EscalationCase, 'c')
      .where('c.subject_key = :key', { key: trigger.subjectKey })
      .andWhere(since ? 'c.opened_at >= CAST(:since AS date)' : 'TRUE', { since })
      .getExists();
    if (earlier) {
      return 0;
    }
    await this.dataSource.transaction((manager) =>
      this.cases.onTrigger(manager, trigger, {
        kind: 'system',
        ref: `daily-triggers:${this.clock.today()}`,
      }),
    );
    return 1;
  }
}
