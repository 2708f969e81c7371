import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
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
  @ApiPropertyOptional({ example: 'RGT', nullable: true })
  @IsOptional()
  @Transform(upperCase)
  @IsString()
  organisationOdsCode?: string | null;

  @ApiPropertyOptional({ type: RegistrationDto, nullable: true })
  @IsOptional()
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

  @ApiPropertyOptional({ description: 'Part of the name or e-mail address' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  q?: string;
}
