import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DecisionsController } from './decisions.controller.js';
import { ChairsActionsService } from './chairs-actions.service.js';
import { DecisionsService } from './decisions.service.js';

/** Decisions of held, quorate meetings on their agenda items, and chair's actions between them. */
@Module({
  imports: [MeetingsModule, AgendaModule],
  controllers: [DecisionsController],
  providers: [DecisionsService, ChairsActionsService],
})
export class DecisionsModule {}
