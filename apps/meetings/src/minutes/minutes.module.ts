import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesService } from './minutes.service.js';

/** A held meeting's minutes, drafted and then approved at a later quorate meeting. */
@Module({
  imports: [MeetingsModule],
  controllers: [MinutesController],
  providers: [MinutesService],
})
export class MinutesModule {}
