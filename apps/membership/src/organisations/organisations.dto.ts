import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_TYPES } from '#contracts';
import { IsOdsCode } from './ods-code.js';
import { PageQuery } from '#platform';

export class RegisterOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type!: (typeof ORGANISATION_TYPES)[number];

  @ApiProperty({
    example: 'RGT',
    description:
      "ODS code (a Scottish health board's ONS code, S08000031), upper-cased; its pattern depends on the type",
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsOdsCode('type')
  odsCode!: string;

  @ApiProperty({ example: 'Cambridge University Hospitals NHS Foundation Trust' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'The alliance the organisation belongs to' })
  @IsOptional()
  @IsUUID()
  allianceId?: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The alliance it belongs to; null for none',
  })
  @IsOptional()
  @IsUUID()
  allianceId?: string | null;
}

export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: (typeof ORGANISATION_TYPES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;
}
