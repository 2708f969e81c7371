import { Module } from '@nestjs/common';
import { OwnerAccessModule } from '../common/owner-access.module.js';
import { WorkforceController } from './workforce.controller.js';
import { WorkforceService } from './workforce.service.js';

/** Workforce recommendations and their statuses; a body's registers list them. */
@Module({
  imports: [OwnerAccessModule],
  controllers: [WorkforceController],
  providers: [WorkforceService],
  exports: [WorkforceService],
})
export class WorkforceModule {}
