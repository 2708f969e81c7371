import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ParseUuidPipe, Public, setActor, StrictRateLimit } from '#platform';
import { CommentReceivedDto, PostCommentDto } from './pathway-comments.dto.js';
import { PathwayCommentsService } from './pathway-comments.service.js';
import { PublicPathwaysDto, PublicPathwayVersionDto } from './public-pathways.dto.js';
import { PublicPathwaysService } from './public-pathways.service.js';

// The document asks every operation for a bearer token; these ask for none.
const NO_TOKEN: [] = [];

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
  @ApiOperation({
    summary: "A body's published pathways and those in consultation, by title",
    security: NO_TOKEN,
  })
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
  @ApiOperation({
    summary: 'A published pathway version, or one in consultation',
    security: NO_TOKEN,
  })
  @ApiOkResponse({ type: PublicPathwayVersionDto })
  @ApiNotFoundResponse({ description: 'No such version, or one not in consultation or published' })
  version(@Param('id', ParseUuidPipe) id: string): Promise<PublicPathwayVersionDto> {
    return this.pathways.version(id);
  }

  @Post('pathway-versions/:id/comments')
  @ApiOperation({
    summary: 'A comment on a pathway version in consultation, kept for the body, never published',
    security: NO_TOKEN,
  })
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
