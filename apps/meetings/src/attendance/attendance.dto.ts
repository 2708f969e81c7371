import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ATTENDANCE_STATUSES, INTEREST_ACTIONS, INTEREST_NATURES } from '#contracts';

export class AttendanceEntryDto {
  @ApiProperty()
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status!: (typeof ATTENDANCE_STATUSES)[number];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The voting member of the body this attendee came in place of, as their nominated deputy (status present); the attendee need not sit on the body',
  })
  @IsOptional()
  @IsUUID()
  deputisingFor?: string;
}

export class RecordAttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  // Twice in one list is no status at all (and the upsert cannot write one row twice).
  @ArrayUnique((entry: { memberId?: unknown }) => entry?.memberId, {
    message: 'attendance must name each member once',
  })
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  attendance!: AttendanceEntryDto[];
}

/** An interest a member attending declares in an agenda item. */
export class DeclareInterestDto {
  @ApiProperty({ format: 'uuid', description: 'The member declaring, recorded present' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: INTEREST_NATURES })
  @IsIn(INTEREST_NATURES)
  nature!: (typeof INTEREST_NATURES)[number];

  @ApiProperty({ example: 'Clinical director at one of the trusts named in the paper' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  interest!: string;

  @ApiProperty({
    enum: INTEREST_ACTIONS,
    description:
      'What the chair agreed: withdrew (left for the item), took-no-part (stayed, no part in the decision) or remained (took part)',
  })
  @IsIn(INTEREST_ACTIONS)
  action!: (typeof INTEREST_ACTIONS)[number];
}
