import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SPECIALTY_KINDS } from './specialty.entity.js';

export class AddSpecialtyDto {
  @ApiProperty({ example: 'thyroid' })
  @Matches(/^[a-z][a-z0-9-]{1,49}$/, { message: 'code must be kebab-case, 2 to 50 characters' })
  code!: string;

  @ApiProperty({ example: 'Thyroid' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: SPECIALTY_KINDS })
  @IsIn(SPECIALTY_KINDS)
  kind!: (typeof SPECIALTY_KINDS)[number];
}
