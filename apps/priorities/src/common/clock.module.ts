import { Module } from '@nestjs/common';
import { Clock } from '#platform';

/** One Clock for the whole service, so a test that holds time still holds it everywhere. */
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
