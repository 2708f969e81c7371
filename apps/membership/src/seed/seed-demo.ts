import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { Clock, flattenValidationErrors, runWithContext } from '#platform';
import { Alliance } from '../alliances/alliance.entity.js';
import { AlliancesService } from '../alliances/alliances.service.js';
import { RegisterAllianceDto } from '../alliances/alliances.dto.js';
import { Appointment, appointmentPeriodSql } from '../appointments/appointment.entity.js';
import { AppointmentsService, isSingleHolderRole } from '../appointments/appointments.service.js';
import { AppointDto } from '../appointments/appointments.dto.js';
import { BodiesService } from '../bodies/bodies.service.js';
import { Body } from '../bodies/body.entity.js';
import { CreateBodyDto } from '../bodies/bodies.dto.js';
import { RegisterMemberDto } from '../members/members.dto.js';
import { Member } from '../members/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { RegisterOrganisationDto } from '../organisations/organisations.dto.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { DEMO_NETWORKS, type DemoAppointment, type DemoNetwork } from './demo-data.js';

/** What one run created; a second run over the same data creates nothing. */
export interface SeedReport {
  alliances: number;
  organisations: number;
  bodies: number;
  members: number;
  appointments: number;
  /** Demo appointments left out because someone else already holds the role (not ours to replace). */
  skipped: string[];
}

/**
 * Creates whatever of the demo networks is missing, each thing found first by its natural key
 * (alliance code, ODS code, body name within its alliance, member e-mail, and a current or
 * future appointment of the same member to the same role on the same body). Writes go through
 * the services, so each change publishes its event through the outbox like an admin's would.
 */
export async function seedDemo(
  app: INestApplicationContext,
  networks: readonly DemoNetwork[] = DEMO_NETWORKS,
): Promise<SeedReport> {
  const seeder = new DemoSeeder(app);
  // One correlation id for the run, so consumers can tell the seed's events apart.
  return runWithContext({ correlationId: `seed-demo:${randomUUID()}` }, async () => {
    for (const network of networks) {
      await seeder.seed(network);
    }
    return seeder.report;
  });
}

class DemoSeeder {
  readonly report: SeedReport = {
    alliances: 0,
    organisations: 0,
    bodies: 0,
    members: 0,
    appointments: 0,
    skipped: [],
  };
  private readonly dataSource: DataSource;
  private readonly today: string;

  constructor(private readonly app: INestApplicationContext) {
    this.dataSource = app.get(DataSource);
    this.today = app.get(Clock).today();
  }

  async seed(network: DemoNetwork): Promise<void> {
    const manager = this.dataSource.manager;
    let alliance = await manager.findOneBy(Alliance, { code: network.alliance.code });
    if (!alliance) {
      const dto = await valid(RegisterAllianceDto, network.alliance);
      alliance = await this.app.get(AlliancesService).register(dto);
      this.report.alliances++;
    }
    const allianceId = alliance.id;

    for (const organisation of network.organisations) {
      if (!(await manager.existsBy(Organisation, { odsCode: organisation.odsCode }))) {
        const dto = await valid(RegisterOrganisationDto, { ...organisation, allianceId });
        await this.app.get(OrganisationsService).register(dto);
        this.report.organisations++;
      }
    }

    const memberIds = new Map<string, string>();
    for (const member of network.members) {
      const dto = await valid(RegisterMemberDto, member);
      const found = await manager.findOneBy(Member, { email: dto.email });
      if (found) {
        memberIds.set(member.email, found.id);
      } else {
        memberIds.set(member.email, (await this.app.get(MembersService).register(dto)).id);
        this.report.members++;
      }
    }

    // In list order: the Board first, so the CAG finds it as its default parent, and so on.
    for (const { appointments, ...body } of network.bodies) {
      let bodyId = (await manager.findOneBy(Body, { allianceId, name: body.name }))?.id;
      if (bodyId === undefined) {
        const dto = await valid(CreateBodyDto, { ...body, allianceId });
        bodyId = (await this.app.get(BodiesService).create(dto)).id;
        this.report.bodies++;
      }
      for (const { memberEmail, ...appointment } of appointments) {
        const memberId = memberIds.get(memberEmail);
        if (memberId === undefined) {
          throw new Error(`Demo data appoints ${memberEmail}, who is not listed`);
        }
        await this.appoint({ ...appointment, memberId, bodyId }, body.name);
      }
    }
  }

  private async appoint(
    appointment: Omit<DemoAppointment, 'memberEmail'> & { memberId: string; bodyId: string },
    bodyName: string,
  ): Promise<void> {
    const { memberId, bodyId, role, termStart, termEnd } = appointment;
    const inPeriod = (from: string, to: string | undefined) =>
      this.dataSource.manager
        .createQueryBuilder(Appointment, 'a')
        .where('a.body_id = :bodyId AND a.role = :role', { bodyId, role })
        .andWhere(
          `${appointmentPeriodSql('a')} && daterange(CAST(:from AS date), CAST(:to AS date) + 1, '[)')`,
          { from, to: to ?? null },
        )
        .getMany();
    // Already appointed, now or from a later date: nothing to do.
    if ((await inPeriod(this.today, undefined)).some((a) => a.memberId === memberId)) {
      return;
    }
    // Appointing over someone would end their term (a new chair succeeds the old): never
    // do that to data an admin entered, and never re-appoint someone who stood down.
    const clash = (await inPeriod(termStart, termEnd)).find(
      (a) => a.memberId === memberId || isSingleHolderRole(role),
    );
    if (clash) {
      this.report.skipped.push(
        `${role} of "${bodyName}": appointment ${clash.id} already covers part of the term`,
      );
      return;
    }
    const dto = await valid(AppointDto, appointment);
    await this.app.get(AppointmentsService).appoint(dto);
    this.report.appointments++;
  }
}

/**
 * Validates and transforms the data as the HTTP API would, since the services trust their
 * callers to have done so (ODS code lengths, registration formats, e-mail case).
 */
async function valid<T extends object>(type: ClassConstructor<T>, plain: object): Promise<T> {
  const dto = plainToInstance(type, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const problems = flattenValidationErrors(errors)
      .map(({ field, messages }) => `${field}: ${messages.join(', ')}`)
      .join('; ');
    throw new Error(`Invalid demo data for ${type.name} (${JSON.stringify(plain)}): ${problems}`);
  }
  return dto;
}
