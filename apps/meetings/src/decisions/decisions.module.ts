import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';

/** Decisions of held, quorate meetings on their agenda items. */
@Module({
  imports: [MeetingsModule, AgendaModule],
  controllers: [DecisionsController],
  providers: [DecisionsService],
})
export class DecisionsModule {}
