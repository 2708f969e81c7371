import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, type Page } from '#platform';
import { BodiesService } from '../bodies/bodies.service.js';
import type { Member } from '../members/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { Appointment, appointmentPeriodSql } from './appointment.entity.js';
import type { MemberAppointmentsQuery, RoleHoldersQuery } from './appointments.dto.js';

export interface RoleHolder {
  appointmentId: string;
  role: Appointment['role'];
  termStart: string;
  termEnd: string | null;
  /** email: personal data, left out for a reader who may not see it (RoleHoldersController). */
  member: { memberId: string; name: string; email?: string; profession: Member['profession'] };
}

/** Who holds which role when: seen from a body, or from a member. */
@Injectable()
export class RoleHoldersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BodiesService) private readonly bodies: BodiesService,
    @Inject(MembersService) private readonly members: MembersService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Who holds a role (or every role) on a body on a date. */
  async holders(bodyId: string, query: RoleHoldersQuery): Promise<RoleHolder[]> {
    await this.bodies.get(bodyId);
    const on = query.on ?? this.clock.today();
    const rows = await this.dataSource.manager
      .createQueryBuilder(Appointment, 'a')
      .innerJoinAndSelect('a.member', 'm')
      .where('a.body_id = :id', { id: bodyId })
      .andWhere(`${appointmentPeriodSql('a')} @> CAST(:on AS date)`, { on })
      .andWhere(query.role ? 'a.role = :role' : 'TRUE', { role: query.role })
      .orderBy('a.role')
      .addOrderBy('m.name')
      .getMany();
    return rows.map((a) => ({
      appointmentId: a.id,
      role: a.role,
      termStart: a.termStart,
      termEnd: a.termEnd,
      member: {
        memberId: a.memberId,
        name: a.member!.name,
        email: a.member!.email,
        profession: a.member!.profession,
      },
    }));
  }

  /** A page of the member's current appointments (or all of them), latest term first, with the body. */
  async memberAppointments(
    memberId: string,
    query: MemberAppointmentsQuery,
  ): Promise<Page<Appointment>> {
    await this.members.get(memberId);
    // limit and offset, not take and skip: the join is to one body per row, so rows are appointments.
    const builder = this.dataSource.manager
      .createQueryBuilder(Appointment, 'a')
      .innerJoinAndSelect('a.body', 'b')
      .where('a.member_id = :id', { id: memberId })
      .orderBy('a.term_start', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .limit(query.limit)
      .offset(query.offset);
    if (!query.all) {
      builder.andWhere(`${appointmentPeriodSql('a')} @> CAST(:today AS date)`, {
        today: this.clock.today(),
      });
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
