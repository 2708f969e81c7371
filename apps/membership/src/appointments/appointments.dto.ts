import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDay, IsDecimalNumber, PageQuery } from '#platform';
import { APPOINTMENT_ROLES } from '#contracts';
import { AGREED_TIME_UNITS } from './appointment.entity.js';

export class AgreedTimeDto {
  @ApiProperty({ enum: AGREED_TIME_UNITS })
  @IsIn(AGREED_TIME_UNITS)
  unit!: (typeof AGREED_TIME_UNITS)[number];

  @ApiProperty({ example: 1, description: 'Per week, e.g. 1 programmed activity or 4 hours' })
  @IsDecimalNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(40)
  amount!: number;
}

export class AppointDto {
  @ApiProperty()
  @IsUUID()
  memberId!: string;

  @ApiProperty()
  @IsUUID()
  bodyId!: string;

  @ApiProperty({ enum: APPOINTMENT_ROLES })
  @IsIn(APPOINTMENT_ROLES)
  role!: (typeof APPOINTMENT_ROLES)[number];

  @ApiProperty({ example: '2026-04-01' })
  @IsCalendarDay()
  termStart!: string;

  @ApiPropertyOptional({ example: '2029-03-31', description: 'Last day of the term' })
  @IsOptional()
  @IsCalendarDay()
  termEnd?: string;

  @ApiPropertyOptional({ type: AgreedTimeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgreedTimeDto)
  agreedTime?: AgreedTimeDto;
}

export class StandDownDto {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'First day out of the role; today by default',
  })
  @IsOptional()
  @IsCalendarDay()
  effectiveOn?: string;
}

export class RoleHoldersQuery {
  @ApiPropertyOptional({ example: '2026-11-21', description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDay()
  on?: string;

  @ApiPropertyOptional({ enum: APPOINTMENT_ROLES })
  @IsOptional()
  @IsIn(APPOINTMENT_ROLES)
  role?: (typeof APPOINTMENT_ROLES)[number];
}

/** A page of a member's appointments: current ones, or all of them. */
export class MemberAppointmentsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Include ended and future appointments', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  all?: boolean;
}
