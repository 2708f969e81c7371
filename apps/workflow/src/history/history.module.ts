import { Module } from '@nestjs/common';
import { CaseHistoryService } from './case-history.service.js';

/** The hash-chained history of every case. */
@Module({
  providers: [CaseHistoryService],
  exports: [CaseHistoryService],
})
export class HistoryModule {}
