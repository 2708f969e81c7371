import { Module } from '@nestjs/common';
import { Clock } from '#platform';
import { CaseHistoryService } from './case-history.service.js';

/** The hash-chained history of every case. */
@Module({
  providers: [Clock, CaseHistoryService],
  exports: [CaseHistoryService],
})
export class HistoryModule {}
