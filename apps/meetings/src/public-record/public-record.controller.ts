import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Page, PageQuery, ParseUuidPipe, Public } from '#platform';
import { PublicMinutesDto, PublicMinutesPageDto } from './public-record.dto.js';
import { PublicRecordService } from './public-record.service.js';

// The document asks every operation for a bearer token; these ask for none.
const NO_TOKEN: [] = [];

/**
 * What patients, carers and the public read without signing in: each body's approved minutes
 * and the decisions they publish. Unauthenticated callers are rate-limited by address.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicRecordController {
  constructor(@Inject(PublicRecordService) private readonly record: PublicRecordService) {}

  @Get('bodies/:bodyId/minutes')
  @ApiOperation({
    summary: "A body's approved minutes with their decisions, newest meeting first",
    security: NO_TOKEN,
  })
  @ApiOkResponse({ type: PublicMinutesPageDto })
  @ApiNotFoundResponse({ description: 'No such body' })
  forBody(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Query() query: PageQuery,
  ): Promise<Page<PublicMinutesDto>> {
    return this.record.forBody(bodyId, query);
  }

  @Get('meetings/:id/minutes')
  @ApiOperation({
    summary: "A meeting's approved minutes with its decisions",
    security: NO_TOKEN,
  })
  @ApiOkResponse({ type: PublicMinutesDto })
  @ApiNotFoundResponse({ description: 'No such meeting, or its minutes are not approved yet' })
  forMeeting(@Param('id', ParseUuidPipe) id: string): Promise<PublicMinutesDto> {
    return this.record.forMeeting(id);
  }
}
