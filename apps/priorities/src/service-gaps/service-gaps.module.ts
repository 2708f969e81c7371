import { Module } from '@nestjs/common';
import { OwnerAccessModule } from '../common/owner-access.module.js';
import { ServiceGapsController } from './service-gaps.controller.js';
import { ServiceGapsService } from './service-gaps.service.js';

/** Service gaps with their NHS 5x5 risk; a body's registers list them. */
@Module({
  imports: [OwnerAccessModule],
  controllers: [ServiceGapsController],
  providers: [ServiceGapsService],
  exports: [ServiceGapsService],
})
export class ServiceGapsModule {}
