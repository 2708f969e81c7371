import { Module } from '@nestjs/common';
import { StandardsController } from './standards.controller.js';
import { TargetsService } from './targets.service.js';

/**
 * The standards performance is judged on and their targets over time. Other features read its
 * entities and `targetInForce`; it exports no service.
 */
@Module({
  controllers: [StandardsController],
  providers: [TargetsService],
})
export class StandardsModule {}
