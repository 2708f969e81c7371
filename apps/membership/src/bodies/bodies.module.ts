import { Module } from '@nestjs/common';
import { BodiesController } from './bodies.controller.js';
import { BodiesService } from './bodies.service.js';
import { PublicBodiesController } from './public-bodies.controller.js';
import { PublicBodiesService } from './public-bodies.service.js';

/** Governance bodies and their escalation ladder; appointments look bodies up here. */
@Module({
  controllers: [BodiesController, PublicBodiesController],
  providers: [BodiesService, PublicBodiesService],
  exports: [BodiesService],
})
export class BodiesModule {}
