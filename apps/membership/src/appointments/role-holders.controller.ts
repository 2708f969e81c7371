import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import type { Appointment } from './appointment.entity.js';
import { MemberAppointmentsQuery, RoleHoldersQuery } from './appointments.dto.js';
import { RoleHoldersService, type RoleHolder } from './role-holders.service.js';

/**
 * Appointments read from a body or a member. The routes sit under /bodies and /members, but
 * the answers are appointments, so they live here: bodies and members know nothing of them.
 */
@Controller()
export class RoleHoldersController {
  constructor(@Inject(RoleHoldersService) private readonly roleHolders: RoleHoldersService) {}

  /** Who holds each role (or one role) on the body on a date, today by default. */
  @Get('bodies/:id/role-holders')
  @ApiTags('bodies')
  @Roles('admin', 'clinician', 'service')
  holders(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RoleHoldersQuery,
  ): Promise<RoleHolder[]> {
    return this.roleHolders.holders(id, query);
  }

  @Get('members/:id/appointments')
  @ApiTags('members')
  @Roles('admin', 'clinician', 'service')
  appointments(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MemberAppointmentsQuery,
  ): Promise<Appointment[]> {
    return this.roleHolders.memberAppointments(id, query);
  }
}
