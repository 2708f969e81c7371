import { Module } from '@nestjs/common';
import { OwnerAccessModule } from '../common/owner-access.module.js';
import { AuditsController } from './audits.controller.js';
import { AuditsService } from './audits.service.js';

/** Clinical audit participation; a body's registers list it. */
@Module({
  imports: [OwnerAccessModule],
  controllers: [AuditsController],
  providers: [AuditsService],
  exports: [AuditsService],
})
export class AuditsModule {}
