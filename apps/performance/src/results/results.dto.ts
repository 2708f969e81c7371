import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { WAITING_TIME_STANDARDS, type WaitingTimeStandard } from '#contracts';
import { PageQuery } from '#platform';
import { GROUPINGS, type Grouping } from './performance.service.js';
import { MonthRangeQuery } from '../common/month.dto.js';

const SITE = /^[a-z0-9-]{2,60}$/;

/** What to compute, and which page of it (`limit`, `offset`). */
export class PerformanceQuery extends IntersectionType(PageQuery, MonthRangeQuery) {
  @ApiPropertyOptional({ enum: GROUPINGS, default: 'alliance-tumour-site' })
  @IsOptional()
  @IsIn(GROUPINGS)
  by: Grouping = 'alliance-tumour-site';

  @ApiPropertyOptional({ enum: WAITING_TIME_STANDARDS })
  @IsOptional()
  @IsIn(WAITING_TIME_STANDARDS)
  standard?: WaitingTimeStandard;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ example: 'lung' })
  @IsOptional()
  @Matches(SITE, { message: 'tumourSite must be a lower-case specialty such as lung' })
  tumourSite?: string;

  @ApiPropertyOptional({ example: 'RGT' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,9}$/, { message: 'orgCode must be an ODS code' })
  orgCode?: string;
}
