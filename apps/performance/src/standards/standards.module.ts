import { Module } from '@nestjs/common';
import { StandardsController } from './standards.controller.js';
import { TargetsService } from './targets.service.js';
import { AlliancePolicyService } from './alliance-policy.service.js';
import { TrajectoriesController } from './trajectories.controller.js';
import { TrajectoriesService } from './trajectories.service.js';

/**
 * The standards performance is judged on, their targets over time, the planning trajectories
 * and each alliance's performance policy. Other features read its
 * entities and `targetInForce`; it exports no service.
 */
@Module({
  controllers: [StandardsController, TrajectoriesController],
  providers: [TargetsService, TrajectoriesService, AlliancePolicyService],
})
export class StandardsModule {}
