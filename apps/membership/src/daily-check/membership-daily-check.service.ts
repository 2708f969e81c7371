import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, APP_CONFIG, daysBetween, tryTransactionLock } from '#platform';
import { Appointment } from '../appointments/appointment.entity.js';
import { AppointmentsService } from '../appointments/appointments.service.js';
import type { MembershipConfig } from '../config.js';
import { MembershipPublisher } from '../membership.publisher.js';

export interface DailyCheckResult {
  ran: boolean;
  termsEnded: number;
  termsEndingSoon: number;
}

/**
 * Once a day: ends appointments whose term is over (announcing a chair or lead left without
 * a successor as role vacated) and announces terms ending within the notice period, once per
 * appointment. Safe to run twice on a day, or from two instances at once.
 */
@Injectable()
export class MembershipDailyCheckService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
    @Inject(AppointmentsService) private readonly appointments: AppointmentsService,
    @Inject(APP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  async run(today: string): Promise<DailyCheckResult> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryTransactionLock(manager, 'membership.daily-check'))) {
        return { ran: false, termsEnded: 0, termsEndingSoon: 0 };
      }
      const ended = await manager
        .createQueryBuilder(Appointment, 'a')
        .where('a.ended_on IS NULL AND a.term_end < CAST(:today AS date)', { today })
        .orderBy('a.term_end')
        .getMany();
      for (const appointment of ended) {
        appointment.endedOn = addDays(appointment.termEnd!, 1);
        appointment.endReason = 'term-ended';
        await manager.save(Appointment, appointment);
        await this.appointments.publishEnded(manager, appointment);
        await this.appointments.announceIfVacated(manager, appointment, appointment.endedOn);
      }
      const horizon = addDays(today, this.config.TERM_ENDING_NOTICE_DAYS);
      const ending = await manager
        .createQueryBuilder(Appointment, 'a')
        .where('a.ended_on IS NULL AND a.term_ending_announced_on IS NULL')
        .andWhere('a.term_end BETWEEN CAST(:today AS date) AND CAST(:horizon AS date)', {
          today,
          horizon,
        })
        .orderBy('a.term_end')
        .getMany();
      for (const appointment of ending) {
        appointment.termEndingAnnouncedOn = today;
        await manager.save(Appointment, appointment);
        await this.events.publish(manager, 'membership.term-ending-soon.v1', {
          appointmentId: appointment.id,
          memberId: appointment.memberId,
          bodyId: appointment.bodyId,
          role: appointment.role,
          termEnd: appointment.termEnd!,
          daysRemaining: daysBetween(today, appointment.termEnd!),
        });
      }
      return { ran: true, termsEnded: ended.length, termsEndingSoon: ending.length };
    });
  }
}
