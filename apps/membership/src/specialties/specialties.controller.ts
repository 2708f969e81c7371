import { Body, ConflictException, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '#platform';
import { Specialty, SPECIALTY_KINDS } from './specialty.entity.js';

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

/** The standard list of tumour sites and cross-cutting areas, which admins may extend. */
@ApiTags('specialties')
@Controller('specialties')
export class SpecialtiesController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin', 'clinician', 'service')
  list(): Promise<Specialty[]> {
    return this.dataSource.manager.find(Specialty, { order: { kind: 'DESC', name: 'ASC' } });
  }

  @Post()
  @Roles('admin')
  async add(@Body() dto: AddSpecialtyDto): Promise<Specialty> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Specialty, { code: dto.code })) {
        throw new ConflictException(`Specialty ${dto.code} exists`);
      }
      await manager.insert(Specialty, dto);
      return manager.findOneByOrFail(Specialty, { code: dto.code });
    });
  }
}
