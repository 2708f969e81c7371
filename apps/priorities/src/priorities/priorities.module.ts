import { Module } from '@nestjs/common';
import { OwnerAccessModule } from '../common/owner-access.module.js';
import { PrioritiesController } from './priorities.controller.js';
import { PrioritiesService } from './priorities.service.js';

/** Clinical priorities with their RAG status and milestones; the daily check marks missed ones. */
@Module({
  imports: [OwnerAccessModule],
  controllers: [PrioritiesController],
  providers: [PrioritiesService],
  exports: [PrioritiesService],
})
export class PrioritiesModule {}
