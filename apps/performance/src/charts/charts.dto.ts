import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { WAITING_TIME_STANDARDS, type WaitingTimeStandard } from '#contracts';
import { MonthRangeQuery } from '../common/month.dto.js';

const SITE = /^[a-z0-9-]{2,60}$/;

export class ChartQuery extends MonthRangeQuery {
  @ApiProperty()
  @IsUUID()
  allianceId!: string;

  @ApiProperty({ example: 'lung' })
  @Matches(SITE, { message: 'tumourSite must be a lower-case specialty such as lung' })
  tumourSite!: string;

  @ApiProperty({ enum: WAITING_TIME_STANDARDS })
  @IsIn(WAITING_TIME_STANDARDS)
  standard!: WaitingTimeStandard;
}
