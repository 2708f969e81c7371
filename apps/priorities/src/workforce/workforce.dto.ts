import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsDecimalNumber } from '#platform';
import { WORKFORCE_STATUSES } from '#contracts';

export class RaiseWorkforceRecommendationDto {
  @ApiProperty()
  @IsUUID()
  bodyId!: string;

  @ApiProperty({ example: 'Lung clinical nurse specialists' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  staffGroup!: string;

  @ApiProperty({ example: 3.4, description: 'Shortfall in whole-time equivalents' })
  @IsDecimalNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  shortfallWte!: number;

  @ApiProperty({ example: 'Fund three CNS posts shared across the northern trusts' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  recommendation!: string;

  @ApiPropertyOptional({ example: 210000, description: 'Pounds a year' })
  @IsOptional()
  @IsDecimalNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  estimatedCost?: number;

  @ApiProperty()
  @IsBoolean()
  fundingNeeded!: boolean;
}

export class ChangeWorkforceStatusDto {
  @ApiProperty({ enum: WORKFORCE_STATUSES })
  @IsIn(WORKFORCE_STATUSES)
  status!: (typeof WORKFORCE_STATUSES)[number];
}
