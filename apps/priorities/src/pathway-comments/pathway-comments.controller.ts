import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageQuery, ParseUuidPipe, Roles, type Principal } from '#platform';
import { PathwayCommentDto, PathwayCommentsPageDto } from './pathway-comments.dto.js';
import { PathwayCommentsService } from './pathway-comments.service.js';

/** Comments on a body's pathways, for an admin or the body's chair, clinical lead or secretariat. */
@ApiTags('priorities')
@Controller()
export class PathwayCommentsController {
  constructor(@Inject(PathwayCommentsService) private readonly comments: PathwayCommentsService) {}

  @Get('bodies/:bodyId/pathway-comments')
  @Roles('admin', 'clinician')
  @ApiOkResponse({ type: PathwayCommentsPageDto, description: 'Newest first' })
  forBody(
    @Param('bodyId', ParseUuidPipe) bodyId: string,
    @Query() page: PageQuery,
    @CurrentUser() principal: Principal,
  ): Promise<PathwayCommentsPageDto> {
    return this.comments.forBody(principal, bodyId, page);
  }

  @Post('pathway-comments/:id/read')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  @ApiOkResponse({ type: PathwayCommentDto, description: 'Read; marking it again changes nothing' })
  markRead(
    @Param('id', ParseUuidPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<PathwayCommentDto> {
    return this.comments.markRead(principal, id);
  }
}
