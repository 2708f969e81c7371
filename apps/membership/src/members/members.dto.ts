import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PROFESSIONS } from '#contracts';
import { PageQuery } from '#platform';

const lowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const upperCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class RegistrationDto {
  @ApiProperty({ enum: ['gmc', 'nmc'] })
  @IsIn(['gmc', 'nmc'])
  register!: 'gmc' | 'nmc';

  @ApiProperty({ example: '1234567', description: 'GMC number (7 digits) or NMC PIN (12A3456B)' })
  @Transform(upperCase)
  @IsString()
  number!: string;
}

class MemberFieldsDto {
  @ApiPropertyOptional({ type: String, example: 'RGT', nullable: true })
  @IsOptional()
  @Transform(upperCase)
  @IsString()
  organisationOdsCode?: string | null;

  @ApiPropertyOptional({ type: RegistrationDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationDto)
  registration?: RegistrationDto | null;
}

export class RegisterMemberDto extends MemberFieldsDto {
  @ApiProperty({ example: 'Dr Asha Patel' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'asha.patel@nhs.net' })
  @Transform(lowerCase)
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: PROFESSIONS })
  @IsIn(PROFESSIONS)
  profession!: (typeof PROFESSIONS)[number];
}

export class UpdateMemberDto extends MemberFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(lowerCase)
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ enum: PROFESSIONS })
  @IsOptional()
  @IsIn(PROFESSIONS)
  profession?: (typeof PROFESSIONS)[number];
}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'RGT' })
  @IsOptional()
  @Transform(upperCase)
  @IsString()
  organisation?: string;

  @ApiPropertyOptional({ enum: PROFESSIONS })
  @IsOptional()
  @IsIn(PROFESSIONS)
  profession?: (typeof PROFESSIONS)[number];

  @ApiPropertyOptional({
    description:
      'Part of the name, or of the e-mail address of a member whose e-mail the caller may see (their own; an admin or service: all; the secretariat: the members of their bodies)',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  q?: string;
}

const PERSONAL_DATA_NOTE =
  'Personal data: present only for the member themself, an admin, a service, and the secretariat of a body the member sits on today; omitted for anyone else';

/** A member as GET /members and GET /members/:id answer. */
export class MemberResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Dr Asha Patel' })
  name!: string;

  @ApiPropertyOptional({ example: 'asha.patel@nhs.net', description: PERSONAL_DATA_NOTE })
  email?: string;

  @ApiProperty({ example: 'RGT', nullable: true, type: String })
  organisationOdsCode!: string | null;

  @ApiProperty({ enum: PROFESSIONS })
  profession!: (typeof PROFESSIONS)[number];

  @ApiPropertyOptional({ enum: ['gmc', 'nmc'], nullable: true, description: PERSONAL_DATA_NOTE })
  registrationRegister?: 'gmc' | 'nmc' | null;

  @ApiPropertyOptional({
    example: '1234567',
    nullable: true,
    type: String,
    description: PERSONAL_DATA_NOTE,
  })
  registrationNumber?: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberResponseDto] })
  items!: MemberResponseDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}
