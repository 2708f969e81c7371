import { type DynamicModule, Module } from '@nestjs/common';
import { serviceImports } from '#service';
import { AlliancesModule } from './alliances/alliances.module.js';
import { AppointmentsModule } from './appointments/appointments.module.js';
import { PersonalDataModule } from './appointments/personal-data.module.js';
import { BodiesModule } from './bodies/bodies.module.js';
import { IdentitiesModule } from './identities/identities.module.js';
import { membershipConfigSchema } from './config.js';
import { DailyCheckModule } from './daily-check/daily-check.module.js';
import {
  membershipConstraintMessages,
  membershipEntities,
  membershipMigrations,
} from './database.js';
import { MembersModule } from './members/members.module.js';
import { MembershipPublisher } from './membership.publisher.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { SpecialtiesModule } from './specialties/specialties.module.js';

@Module({})
export class MembershipModule {
  /** The whole service, configured from `env` (validated here: a bad variable stops boot). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: MembershipModule,
      imports: [
        ...serviceImports({
          publisher: MembershipPublisher,
          runsJobs: true,
          configSchema: membershipConfigSchema,
          env,
          database: {
            entities: membershipEntities,
            migrations: membershipMigrations,
            constraintMessages: membershipConstraintMessages,
          },
        }),
        IdentitiesModule,
        AlliancesModule,
        OrganisationsModule,
        SpecialtiesModule,
        BodiesModule,
        MembersModule,
        AppointmentsModule,
        PersonalDataModule,
        DailyCheckModule,
      ],
    };
  }
}
