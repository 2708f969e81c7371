import { Module } from '@nestjs/common';
import { AuditsModule } from '../audits/audits.module.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { ServiceGapsModule } from '../service-gaps/service-gaps.module.js';
import { WorkforceModule } from '../workforce/workforce.module.js';
import { RegistersController } from './registers.controller.js';
import { RegistersService } from './registers.service.js';

/** Each body's registers: one read across the features that keep them. */
@Module({
  imports: [ServiceGapsModule, WorkforceModule, PathwaysModule, AuditsModule],
  controllers: [RegistersController],
  providers: [RegistersService],
})
export class RegistersModule {}
