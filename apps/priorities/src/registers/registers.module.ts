import { Module } from '@nestjs/common';
import { RegistersController } from './registers.controller.js';
import { RegistersService } from './registers.service.js';

/** Each body's registers: one read across the tables of the features that keep them. */
@Module({
  controllers: [RegistersController],
  providers: [RegistersService],
})
export class RegistersModule {}
