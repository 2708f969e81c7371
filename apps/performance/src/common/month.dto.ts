import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** A month as the API speaks it: YYYY-MM, from 1900 to 2100 (no data lies outside them). */
export const MONTH_PATTERN = /^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$/;

/** Validates a month field, naming it in the message. */
export function IsMonth(field: string): PropertyDecorator {
  return Matches(MONTH_PATTERN, {
    message: `${field} must be a month as YYYY-MM, from 1900 to 2100`,
  });
}

/** The first and last month of a query, both included. */
export class MonthRangeQuery {
  @ApiPropertyOptional({ example: '2025-04' })
  @IsOptional()
  @IsMonth('from')
  from?: string;

  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @IsMonth('to')
  to?: string;
}
