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

export class MapHealthBoardDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'WOSCAN',
    description:
      "The regional network's code, as membership's alliance code; null when the board counts towards none",
  })
  @ValidateIf((dto: MapHealthBoardDto) => dto.networkCode !== null)
  @Matches(/^[A-Z0-9-]{2,20}$/, {
    message:
      'networkCode must be a network code of 2 to 20 capitals, digits or hyphens, such as WOSCAN',
  })
  networkCode!: string | null;

  @ApiPropertyOptional({ example: 'NHS Greater Glasgow and Clyde' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

/** A health board, its network's code, and the alliance that code names (null until known). */
export class HealthBoardView {
  @ApiProperty({ example: 'S08000031' })
  boardCode!: string;

  @ApiProperty({ type: String, nullable: true, example: 'NHS Greater Glasgow and Clyde' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'WOSCAN' })
  networkCode!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The alliance membership announced with that code; null until it has',
  })
  allianceId!: string | null;
}
