import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PageQuery, ParseUuidPipe, Roles } from '#platform';
import { READERS } from '../common/roles.js';
import { RegistersService, type BodyRegisters } from './registers.service.js';

@ApiTags('registers')
@Controller()
export class RegistersController {
  constructor(@Inject(RegistersService) private readonly service: RegistersService) {}

  /**
   * What a body is tracking: a page each of its service gaps, workforce recommendations,
   * pathways and audits, oldest first (`limit` and `offset` apply to each register).
   */
  @Get('bodies/:bodyId/registers')
  @Roles(...READERS)
  registers(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Query() page: PageQuery,
  ): Promise<BodyRegisters> {
    return this.service.forBody(bodyId, page);
  }
}
