import { type DynamicModule, Module } from '@nestjs/common';
import { serviceImports } from '#service';
import { MembershipPublisher } from './membership.publisher.js';
import { Clock } from '#platform';
import { AlliancesController } from './alliances/alliances.controller.js';
import { AlliancesService } from './alliances/alliances.service.js';
import { AppointmentsController } from './appointments/appointments.controller.js';
import { AppointmentsService } from './appointments/appointments.service.js';
import { RoleHoldersController } from './appointments/role-holders.controller.js';
import { RoleHoldersService } from './appointments/role-holders.service.js';
import { BodiesController } from './bodies/bodies.controller.js';
import { BodiesService } from './bodies/bodies.service.js';
import { membershipConfigSchema } from './config.js';
import { DailyCheckController } from './daily-check/daily-check.controller.js';
import { DailyCheckProcessor } from './daily-check/daily-check.processor.js';
import { MembershipDailyCheckService } from './daily-check/membership-daily-check.service.js';
import {
  membershipConstraintMessages,
  membershipEntities,
  membershipMigrations,
} from './database.js';
import { MembersController } from './members/members.controller.js';
import { MembersService } from './members/members.service.js';
import { OrganisationsController } from './organisations/organisations.controller.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { SpecialtiesController } from './specialties/specialties.controller.js';
import { SpecialtiesService } from './specialties/specialties.service.js';

@Module({})
export class MembershipModule {
  /** The whole service, configured from `env` (validated here: a bad variable stops boot). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: MembershipModule,
      imports: serviceImports({
        publisher: MembershipPublisher,
        configSchema: membershipConfigSchema,
        env,
        database: {
          entities: membershipEntities,
          migrations: membershipMigrations,
          constraintMessages: membershipConstraintMessages,
        },
      }),
      controllers: [
        AlliancesController,
        OrganisationsController,
        SpecialtiesController,
        BodiesController,
        MembersController,
        AppointmentsController,
        RoleHoldersController,
        DailyCheckController,
      ],
      providers: [
        Clock,
        AlliancesService,
        OrganisationsService,
        BodiesService,
        MembersService,
        AppointmentsService,
        RoleHoldersService,
        SpecialtiesService,
        MembershipDailyCheckService,
        DailyCheckProcessor,
      ],
    };
  }
}
