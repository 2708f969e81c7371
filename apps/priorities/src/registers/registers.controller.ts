import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, ParseUuidPipe } from '#platform';
import { READERS } from '../common/roles.js';
import { RegistersService, type BodyRegisters } from './registers.service.js';

@ApiTags('registers')
@Controller()
export class RegistersController {
  constructor(@Inject(RegistersService) private readonly service: RegistersService) {}

  /** What a body is tracking: its service gaps, workforce recommendations, pathways and audits. */
  @Get('bodies/:bodyId/registers')
  @Roles(...READERS)
  registers(@Param('bodyId', ParseUuidPipe) bodyId: string): Promise<BodyRegisters> {
    return this.service.forBody(bodyId);
  }
}
