import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Page, type Principal, Roles, ParseUuidPipe } from '#platform';
import { PersonalDataPolicy } from '../members/personal-data.policy.js';
import type { Appointment } from './appointment.entity.js';
import { MemberAppointmentsQuery, RoleHoldersQuery } from './appointments.dto.js';
import { RoleHoldersService, type RoleHolder } from './role-holders.service.js';

/**
 * Appointments read from a body or a member. The routes sit under /bodies and /members, but
 * the answers are appointments, so they live here: bodies and members know nothing of them.
 */
@Controller()
export class RoleHoldersController {
  constructor(
    @Inject(RoleHoldersService) private readonly roleHolders: RoleHoldersService,
    @Inject(PersonalDataPolicy) private readonly personalData: PersonalDataPolicy,
  ) {}

  /** Who holds each role (or one role) on the body on a date, today by default. */
  // Not paged: only those seated on one date, a committee's size; it does not grow as terms pass.
  @Get('bodies/:id/role-holders')
  @ApiTags('bodies')
  @Roles('admin', 'clinician', 'service')
  @ApiOkResponse({
    description:
      "Each holder's member.email only for the member themself, an admin, a service and the secretariat of a body the member sits on today",
  })
  async holders(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: RoleHoldersQuery,
    @CurrentUser() reader: Principal,
  ): Promise<RoleHolder[]> {
    const holders = await this.roleHolders.holders(id, query);
    const visible = await this.personalData.visibleTo(
      reader,
      holders.map((holder) => holder.member.memberId),
    );
    return holders.map((holder) => {
      if (visible.has(holder.member.memberId)) {
        return holder;
      }
      const { email: _email, ...member } = holder.member;
      return { ...holder, member };
    });
  }

  @Get('members/:id/appointments')
  @ApiTags('members')
  @Roles('admin', 'clinician', 'service')
  appointments(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: MemberAppointmentsQuery,
  ): Promise<Page<Appointment>> {
    return this.roleHolders.memberAppointments(id, query);
  }
}
