import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A bank holiday's name, set on its date (`PUT /calendar/bank-holidays/:date`). */
export class HolidayDto {
  @ApiProperty({ example: 'Christmas Day' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}
