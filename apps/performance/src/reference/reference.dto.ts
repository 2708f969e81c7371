import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '#platform';

/** A page of providers by ODS code, of one alliance when given. */
export class ProviderQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;
}

export class MapProviderDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The alliance the provider counts towards; null for none',
  })
  @ValidateIf((dto: MapProviderDto) => dto.allianceId !== null)
  @IsUUID()
  allianceId!: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class MapCancerTypeDto {
  @ApiProperty({
    example: 'Suspected lung cancer',
    description: 'As written in CWT files; matched whatever its case and spacing',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'lung',
    description: "The tumour site, as membership's body specialty; null when it is none",
  })
  @ValidateIf((dto: MapCancerTypeDto) => dto.tumourSite !== null)
  @Matches(/^[a-z0-9-]{2,60}$/, {
    message: 'tumourSite must be a lower-case specialty such as lung',
  })
  tumourSite!: string | null;
}
