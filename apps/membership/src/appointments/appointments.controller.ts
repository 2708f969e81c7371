import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, ParseUuidPipe } from '#platform';
import type { Appointment } from './appointment.entity.js';
import { AppointmentsService } from './appointments.service.js';
import { AppointDto, StandDownDto } from './appointments.dto.js';

@ApiTags('appointments')
@Controller('appointments')
export class AppointmentsController {
  constructor(@Inject(AppointmentsService) private readonly appointments: AppointmentsService) {}

  @Post()
  @Roles('admin')
  appoint(@Body() dto: AppointDto): Promise<Appointment> {
    return this.appointments.appoint(dto);
  }

  @Post(':id/stand-down')
  @HttpCode(200)
  @Roles('admin')
  standDown(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: StandDownDto,
  ): Promise<Appointment> {
    return this.appointments.standDown(id, dto);
  }

  @Get(':id')
  @Roles('admin', 'clinician', 'service')
  get(@Param('id', ParseUuidPipe) id: string): Promise<Appointment> {
    return this.appointments.get(id);
  }
}
