import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay } from '#platform';
import { GAP_STATUSES } from './service-gap.entity.js';

export class RiskDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood!: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  consequence!: number;
}

export class ControlDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  description!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  ownerMemberId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDay()
  dueOn?: string;
}

export class RaiseGapDto {
  @ApiProperty()
  @IsUUID()
  bodyId!: string;

  @ApiProperty({ example: 'No EBUS service north of the county: patients travel 90 minutes' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({ example: 'North Norfolk residents referred on the lung pathway' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  population?: string;

  @ApiPropertyOptional({ type: [String], example: ['RCX', 'RM1'] })
  @IsOptional()
  @IsArray()
  @Matches(/^[A-Z0-9]{1,9}$/, {
    each: true,
    message: 'each ODS code is 1 to 9 capital letters and digits',
  })
  organisationsAffected?: string[];

  @ApiProperty({ type: RiskDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RiskDto)
  initialRisk!: RiskDto;

  @ApiPropertyOptional({ type: RiskDto, description: 'The initial risk by default' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RiskDto)
  currentRisk?: RiskDto;

  @ApiProperty({ type: RiskDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RiskDto)
  targetRisk!: RiskDto;

  @ApiPropertyOptional({ type: [ControlDto] })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ControlDto)
  controls?: ControlDto[];
}

export class RescoreDto {
  @ApiProperty({ type: RiskDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RiskDto)
  currentRisk!: RiskDto;

  @ApiProperty({ example: 'Mobile EBUS unit agreed from April' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class GapStatusDto {
  @ApiProperty({ enum: GAP_STATUSES })
  @IsIn(GAP_STATUSES)
  status!: (typeof GAP_STATUSES)[number];
}
