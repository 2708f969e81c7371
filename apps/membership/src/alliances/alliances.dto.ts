import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ALLIANCE_KINDS, NATIONS } from '#contracts';
import { PageQuery } from '#platform';

export class RegisterAllianceDto {
  @ApiProperty({ example: 'EOE', description: 'Short stable code: capitals, digits and hyphens' })
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2 to 20 capitals, digits or hyphens' })
  code!: string;

  @ApiProperty({ example: 'East of England Cancer Alliance' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: NATIONS })
  @IsIn(NATIONS)
  nation!: (typeof NATIONS)[number];

  @ApiProperty({ enum: ALLIANCE_KINDS })
  @IsIn(ALLIANCE_KINDS)
  kind!: (typeof ALLIANCE_KINDS)[number];
}

export class UpdateAllianceDto {
  @ApiPropertyOptional({ example: 'East of England Cancer Alliance' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class ListAlliancesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NATIONS })
  @IsOptional()
  @IsIn(NATIONS)
  nation?: (typeof NATIONS)[number];
}
