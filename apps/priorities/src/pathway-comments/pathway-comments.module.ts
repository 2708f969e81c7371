import { Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { PathwayCommentsController } from './pathway-comments.controller.js';
import { PathwayCommentsService } from './pathway-comments.service.js';
import { PublicPathwaysController } from './public-pathways.controller.js';
import { PublicPathwaysService } from './public-pathways.service.js';

/** The public pages' pathways, and the comments patients, carers and the public leave on them. */
@Module({
  imports: [MembershipViewModule],
  controllers: [PublicPathwaysController, PathwayCommentsController],
  providers: [PublicPathwaysService, PathwayCommentsService],
})
export class PathwayCommentsModule {}
