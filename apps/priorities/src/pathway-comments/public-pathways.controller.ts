import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ParseUuidPipe, Public, setActor, StrictRateLimit } from '#platform';
import { CommentReceivedDto, PostCommentDto } from './pathway-comments.dto.js';
import { PathwayCommentsService } from './pathway-comments.service.js';
import { PublicPathwaysDto, PublicPathwayVersionDto } from './public-pathways.dto.js';
import { PublicPathwaysService } from './public-pathways.service.js';

/**
 * The public pages' API, for patients, carers and the public without signing in: each body's
 * published pathways and those in consultation, and a comment form for the latter. Whoever calls,
 * with a token or without, is answered alike and counted by address.
 */
@ApiTags('public')
@Controller('public')
@Public()
export class PublicPathwaysController {
  constructor(
    @Inject(PublicPathwaysService) private readonly pathways: PublicPathwaysService,
    @Inject(PathwayCommentsService) private readonly comments: PathwayCommentsService,
  ) {}

  @Get('bodies/:bodyId/pathways')
  @ApiOkResponse({
    type: PublicPathwaysDto,
    description:
      "The body's pathways with a published version or one in consultation, by title; no others",
  })
  @ApiNotFoundResponse({ description: 'No such body' })
  forBody(@Param('bodyId', ParseUuidPipe) bodyId: string): Promise<PublicPathwaysDto> {
    return this.pathways.forBody(bodyId);
  }

  @Get('pathway-versions/:id')
  @ApiOkResponse({ type: PublicPathwayVersionDto })
  @ApiNotFoundResponse({ description: 'No such version, or one not in consultation or published' })
  version(@Param('id', ParseUuidPipe) id: string): Promise<PublicPathwayVersionDto> {
    return this.pathways.version(id);
  }

  @Post('pathway-versions/:id/comments')
  // Anyone may post, so the strict budget, per address.
  @StrictRateLimit()
  @ApiCreatedResponse({
    type: CommentReceivedDto,
    description: "Kept for the body's chair, clinical lead and secretariat; never published",
  })
  @ApiNotFoundResponse({ description: 'No such version, or one not in consultation or published' })
  @ApiConflictResponse({ description: 'The version is published, not in consultation' })
  comment(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: PostCommentDto,
  ): Promise<CommentReceivedDto> {
    // Anonymous, whatever token came with it: the audit log names the public as the actor.
    setActor('public');
    return this.comments.receive(id, dto);
  }
}
