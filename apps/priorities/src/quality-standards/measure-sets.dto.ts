import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export const MEASURE_SET_CODE = /^[a-z][a-z0-9-]{1,59}$/;
export const MEASURE_ID = /^[A-Z0-9][A-Z0-9.-]{0,39}$/;

export class MeasureDto {
  @ApiProperty({
    example: 'LUNG-02',
    description: 'Unique in the set; keep it across versions for the same measure',
  })
  @Matches(MEASURE_ID, {
    message: 'id is 1 to 40 capital letters, digits, dots and hyphens, e.g. LUNG-02',
  })
  id!: string;

  @ApiProperty({ example: 'The multidisciplinary team meets every week.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text!: string;

  @ApiProperty({ example: 'Attendance records for the last twelve months.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  evidence!: string;
}

/** A new version of the measures for a tumour site or service; its number is the next one. */
export class CreateMeasureSetDto {
  @ApiProperty({ example: 'lung', description: 'The tumour site or service the set is for' })
  @Matches(MEASURE_SET_CODE, { message: 'code is like lung or acute-oncology' })
  code!: string;

  @ApiProperty({ example: 'Lung cancer team measures' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: [MeasureDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MeasureDto)
  measures!: MeasureDto[];
}

export class MeasureSetQueryDto {
  @ApiPropertyOptional({ example: 'lung' })
  @IsOptional()
  @Matches(MEASURE_SET_CODE, { message: 'code is like lung or acute-oncology' })
  code?: string;
}

export class MeasureSetDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'lung' })
  code!: string;

  @ApiProperty({ example: 1, description: 'Numbered from 1 per code; a change is a new version' })
  version!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [MeasureDto] })
  measures!: MeasureDto[];

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}
