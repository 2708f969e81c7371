import { Module } from '@nestjs/common';
import { OwnerAccessModule } from '../common/owner-access.module.js';
import { PathwaysController } from './pathways.controller.js';
import { PathwaysService } from './pathways.service.js';

/** Clinical pathways with versions and reviews; the daily check announces reviews falling due. */
@Module({
  imports: [OwnerAccessModule],
  controllers: [PathwaysController],
  providers: [PathwaysService],
  exports: [PathwaysService],
})
export class PathwaysModule {}
