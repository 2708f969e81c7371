import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  IsOptional,
} from 'class-validator';

const DELIVERY_YEAR = /^20[0-9]{2}\/[0-9]{2}$/;

export class CreateProgrammeDto {
  @ApiProperty()
  @IsUUID()
  allianceId!: string;

  @ApiProperty({ example: 'Cancer programme 2023/24 to 2027/28' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2023/24' })
  @Matches(DELIVERY_YEAR, { message: 'firstYear is a delivery year like 2023/24' })
  firstYear!: string;

  @ApiProperty({ example: '2027/28' })
  @Matches(DELIVERY_YEAR, { message: 'lastYear is a delivery year like 2027/28' })
  lastYear!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  intendedOutcomes?: string[];
}
