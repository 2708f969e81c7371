import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseUuidPipe, Public } from '#platform';
import { PublicBodyDetailDto, PublicBodyListDto } from './public-bodies.dto.js';
import { PublicBodiesService } from './public-bodies.service.js';

// The document asks every operation for a bearer token; these ask for none.
const NO_TOKEN: [] = [];

/**
 * What patients, carers and the public read without signing in: each body, its alliance and
 * its place on the ladder, and its guidance. Members, terms and appointments stay behind
 * sign-in. Unauthenticated callers are rate-limited by address, as everywhere.
 */
@ApiTags('public')
@Public()
@Controller('public/bodies')
export class PublicBodiesController {
  constructor(@Inject(PublicBodiesService) private readonly bodies: PublicBodiesService) {}

  @Get()
  @ApiOperation({ summary: 'Every governance body', security: NO_TOKEN })
  @ApiOkResponse({ type: PublicBodyListDto })
  async list(): Promise<PublicBodyListDto> {
    return { items: await this.bodies.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A governance body and its guidance', security: NO_TOKEN })
  @ApiOkResponse({ type: PublicBodyDetailDto })
  @ApiNotFoundResponse({ description: 'No such body' })
  get(@Param('id', ParseUuidPipe) id: string): Promise<PublicBodyDetailDto> {
    return this.bodies.get(id);
  }
}
