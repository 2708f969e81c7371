import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { Clock, type Principal } from '#platform';
import { Member } from '../members/member.entity.js';
import { PersonalDataPolicy } from '../members/personal-data.policy.js';
import { Appointment, appointmentPeriodSql } from './appointment.entity.js';

/**
 * A member's personal data is for the member, an admin, a service, and the secretariat of a
 * body the member sits on today.
 */
@Injectable()
export class SecretariatPersonalDataPolicy extends PersonalDataPolicy {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  async visibleTo(reader: Principal, memberIds: readonly string[]): Promise<Set<string>> {
    if (readsEveryone(reader)) {
      return new Set(memberIds);
    }
    if (memberIds.length === 0 || reader.memberId === undefined) {
      return new Set();
    }
    const builder = this.dataSource.manager
      .createQueryBuilder(Member, 'pd_member')
      .select('pd_member.id', 'id')
      .where({ id: In([...new Set(memberIds)]) });
    builder.andWhere(this.visibleSql(builder, 'pd_member', reader.memberId));
    const rows = await builder.getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  visibleCondition<T extends ObjectLiteral>(
    builder: SelectQueryBuilder<T>,
    alias: string,
    reader: Principal,
  ): string {
    if (readsEveryone(reader)) {
      return 'TRUE';
    }
    if (reader.memberId === undefined) {
      return 'FALSE';
    }
    return this.visibleSql(builder, alias, reader.memberId);
  }

  /** The member is the reader, or sits today on a body whose secretariat the reader is. */
  private visibleSql<T extends ObjectLiteral>(
    builder: SelectQueryBuilder<T>,
    alias: string,
    readerId: string,
  ): string {
    const seatedWithReaderAsSecretariat = builder
      .subQuery()
      .select('1')
      .from(Appointment, 'pd_secretariat')
      .innerJoin(Appointment, 'pd_seat', 'pd_seat.body_id = pd_secretariat.body_id')
      .where("pd_secretariat.member_id = :pdReader AND pd_secretariat.role = 'secretariat'")
      .andWhere(`${appointmentPeriodSql('pd_secretariat')} @> CAST(:pdToday AS date)`)
      .andWhere(`pd_seat.member_id = ${alias}.id`)
      .andWhere(`${appointmentPeriodSql('pd_seat')} @> CAST(:pdToday AS date)`)
      .getQuery();
    builder.setParameters({ pdReader: readerId, pdToday: this.clock.today() });
    return `(${alias}.id = :pdReader OR EXISTS ${seatedWithReaderAsSecretariat})`;
  }
}

/** Admins and services read everyone's personal data. */
function readsEveryone(reader: Principal): boolean {
  return reader.roles.includes('admin') || reader.roles.includes('service');
}
