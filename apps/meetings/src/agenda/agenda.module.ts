import { Module } from '@nestjs/common';
import { AgendaRequestConsumer } from './agenda-request.consumer.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

/** Meetings' agendas: items added by admins, and items other services request by event. */
@Module({
  controllers: [AgendaController, AgendaRequestConsumer],
  providers: [AgendaService],
  exports: [AgendaService],
})
export class AgendaModule {}
