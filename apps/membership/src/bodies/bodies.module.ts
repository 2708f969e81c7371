import { Module } from '@nestjs/common';
import { BodiesController } from './bodies.controller.js';
import { BodiesService } from './bodies.service.js';

/** Governance bodies and their escalation ladder; appointments look bodies up here. */
@Module({
  controllers: [BodiesController],
  providers: [BodiesService],
  exports: [BodiesService],
})
export class BodiesModule {}
