import { Module } from '@nestjs/common';
import { PublicRecordController } from './public-record.controller.js';
import { PublicRecordService } from './public-record.service.js';

/** The public record: approved minutes and the decisions they publish, read without sign-in. */
@Module({
  controllers: [PublicRecordController],
  providers: [PublicRecordService],
})
export class PublicRecordModule {}
