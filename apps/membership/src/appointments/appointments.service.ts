import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SINGLE_HOLDER_ROLES } from '#contracts';
import { Body } from '../bodies/body.entity.js';
import { Member } from '../members/member.entity.js';
import { Appointment, appointmentPeriodSql } from './appointment.entity.js';
import type { AppointDto, StandDownDto } from './appointments.dto.js';
import { addDays, Clock, ConflictError, invalidField, notFound } from '#platform';
import { MembershipPublisher } from '../membership.publisher.js';

export function isSingleHolderRole(
  role: Appointment['role'],
): role is (typeof SINGLE_HOLDER_ROLES)[number] {
  return (SINGLE_HOLDER_ROLES as readonly string[]).includes(role);
}

@Injectable()
export class AppointmentsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MembershipPublisher) private readonly events: MembershipPublisher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Appoints a member to a role on a body. A new chair or clinical lead succeeds the current
   * one, whose appointment ends the day the new term starts.
   */
  async appoint(dto: AppointDto): Promise<Appointment> {
    if (dto.termEnd !== undefined && dto.termEnd < dto.termStart) {
      throw invalidField(
        'termEnd',
        'termEnd (the last day of the term) must be on or after termStart',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await this.lockBody(manager, dto.bodyId, 'bodyId');
      const member = await manager.findOneBy(Member, { id: dto.memberId });
      if (!member) {
        throw invalidField('memberId', `No member ${dto.memberId}`);
      }
      const overlapping = await this.overlapping(
        manager,
        dto.bodyId,
        dto.role,
        dto.termStart,
        dto.termEnd ?? null,
      );
      if (overlapping.some((a) => a.memberId === dto.memberId)) {
        throw new ConflictError(
          `${member.name} already holds the role ${dto.role} on this body for part of that term`,
        );
      }
      let predecessor: Appointment | undefined;
      if (isSingleHolderRole(dto.role)) {
        const later = overlapping.find((a) => a.termStart >= dto.termStart);
        if (later) {
          throw new ConflictError(
            `${later.member?.name ?? 'Another member'} is already appointed ${dto.role} from ${later.termStart}: stand that appointment down first`,
          );
        }
        predecessor = overlapping[0];
      }
      if (predecessor) {
        predecessor.endedOn = dto.termStart;
        predecessor.endReason = 'succeeded';
        await manager.save(Appointment, predecessor);
        await this.publishEnded(manager, predecessor);
      }
      const appointment = manager.create(Appointment, {
        id: randomUUID(),
        memberId: dto.memberId,
        bodyId: dto.bodyId,
        role: dto.role,
        termStart: dto.termStart,
        termEnd: dto.termEnd ?? null,
        endedOn: null,
        endReason: null,
        agreedTimeUnit: dto.agreedTime?.unit ?? null,
        agreedTimeAmount: dto.agreedTime ? dto.agreedTime.amount.toFixed(2) : null,
        succeedsAppointmentId: predecessor?.id ?? null,
        termEndingAnnouncedOn: null,
      });
      await manager.insert(Appointment, appointment);
      await this.events.publish(manager, 'membership.member-appointed.v1', {
        appointmentId: appointment.id,
        memberId: appointment.memberId,
        bodyId: appointment.bodyId,
        role: appointment.role,
        termStart: appointment.termStart,
        termEnd: appointment.termEnd,
        agreedTime: dto.agreedTime
          ? { unit: dto.agreedTime.unit, amount: dto.agreedTime.amount }
          : null,
        succeedsAppointmentId: appointment.succeedsAppointmentId,
      });
      return manager.findOneByOrFail(Appointment, { id: appointment.id });
    });
  }

  /** Ends an appointment early; a chair or lead leaving with no successor vacates the role. */
  async standDown(id: string, dto: StandDownDto): Promise<Appointment> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(Appointment, { id });
      if (!found) {
        throw notFound('Appointment', id);
      }
      await this.lockBody(manager, found.bodyId, 'bodyId');
      const appointment = await manager.findOneByOrFail(Appointment, { id });
      if (appointment.endedOn !== null) {
        throw new ConflictError(
          `The appointment already ends on ${appointment.endedOn} (${appointment.endReason})`,
        );
      }
      const effectiveOn = dto.effectiveOn ?? this.clock.today();
      if (effectiveOn < appointment.termStart) {
        throw invalidField(
          'effectiveOn',
          `The appointment starts on ${appointment.termStart}; it cannot end before`,
        );
      }
      if (appointment.termEnd !== null && effectiveOn > addDays(appointment.termEnd, 1)) {
        throw invalidField('effectiveOn', `The term already ends on ${appointment.termEnd}`);
      }
      appointment.endedOn = effectiveOn;
      appointment.endReason = 'stood-down';
      await manager.save(Appointment, appointment);
      await this.publishEnded(manager, appointment);
      await this.announceIfVacated(manager, appointment, effectiveOn);
      return appointment;
    });
  }

  async get(id: string): Promise<Appointment> {
    const appointment = await this.dataSource.manager.findOneBy(Appointment, { id });
    if (!appointment) {
      throw notFound('Appointment', id);
    }
    return appointment;
  }

  async publishEnded(manager: EntityManager, appointment: Appointment): Promise<void> {
    await this.events.publish(manager, 'membership.appointment-ended.v1', {
      appointmentId: appointment.id,
      memberId: appointment.memberId,
      bodyId: appointment.bodyId,
      role: appointment.role,
      endedOn: appointment.endedOn!,
      reason: appointment.endReason!,
    });
  }

  /** Announces role vacated when a chair or lead left on `from` and nobody holds the role then. */
  async announceIfVacated(
    manager: EntityManager,
    previous: Appointment,
    from: string,
  ): Promise<void> {
    if (!isSingleHolderRole(previous.role)) {
      return;
    }
    const holder = await manager
      .createQueryBuilder(Appointment, 'a')
      .where('a.body_id = :bodyId AND a.role = :role', {
        bodyId: previous.bodyId,
        role: previous.role,
      })
      .andWhere(`${appointmentPeriodSql('a')} @> CAST(:from AS date)`, { from })
      .getExists();
    if (!holder) {
      await this.events.publish(manager, 'membership.role-vacated.v1', {
        bodyId: previous.bodyId,
        role: previous.role,
        vacantSince: from,
        previousAppointmentId: previous.id,
        previousMemberId: previous.memberId,
      });
    }
  }

  /** Serialises appointment changes on one body, so succession checks see a stable state. */
  private async lockBody(manager: EntityManager, bodyId: string, field: string): Promise<void> {
    const body = await manager.findOne(Body, {
      where: { id: bodyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!body) {
      throw invalidField(field, `No body ${bodyId}`);
    }
  }

  private overlapping(
    manager: EntityManager,
    bodyId: string,
    role: Appointment['role'],
    termStart: string,
    termEnd: string | null,
  ): Promise<Appointment[]> {
    return manager
      .createQueryBuilder(Appointment, 'a')
      .leftJoinAndSelect('a.member', 'm')
      .where('a.body_id = :bodyId AND a.role = :role', { bodyId, role })
      .andWhere(
        `${appointmentPeriodSql('a')} && daterange(CAST(:termStart AS date), CAST(:termEnd AS date) + 1, '[)')`,
        {
          termStart,
          termEnd,
        },
      )
      .orderBy('a.term_start')
      .getMany();
  }
}
