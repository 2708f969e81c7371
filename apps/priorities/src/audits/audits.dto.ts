import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { AUDIT_STATUSES } from './audit-participation.entity.js';

export class JoinAuditDto {
  @ApiProperty()
  @IsUUID()
  bodyId!: string;

  @ApiProperty({ example: 'National Lung Cancer Audit 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  audit!: string;

  @ApiPropertyOptional({ type: [String], example: ['RGT', 'RM1'] })
  @IsOptional()
  @IsArray()
  @Matches(/^[A-Z0-9]{1,9}$/, {
    each: true,
    message: 'each ODS code is 1 to 9 capital letters and digits',
  })
  organisations?: string[];
}

export class AuditStatusDto {
  @ApiProperty({ enum: AUDIT_STATUSES })
  @IsIn(AUDIT_STATUSES)
  status!: (typeof AUDIT_STATUSES)[number];
}
