import { Module } from '@nestjs/common';
import { BodiesModule } from '../bodies/bodies.module.js';
import { MembersModule } from '../members/members.module.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsService } from './appointments.service.js';
import { RoleHoldersController } from './role-holders.controller.js';
import { RoleHoldersService } from './role-holders.service.js';

/**
 * Members' roles on bodies, with succession and standing down, and who holds which role when.
 * Exports AppointmentsService for the daily check, which ends terms as standing down does.
 */
@Module({
  imports: [BodiesModule, MembersModule],
  controllers: [AppointmentsController, RoleHoldersController],
  providers: [AppointmentsService, RoleHoldersService],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
