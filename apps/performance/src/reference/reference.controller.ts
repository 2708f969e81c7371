import type { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { readCsvBody } from './csv-body.js';
import { MapCancerTypeDto, MapProviderDto, ProviderQuery } from './reference.dto.js';
import { ReferenceService } from './reference.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('reference data')
@Controller()
export class ReferenceController {
  constructor(@Inject(ReferenceService) private readonly reference: ReferenceService) {}

  @Get('providers')
  @Roles(...READERS)
  providers(@Query() query: ProviderQuery) {
    return this.reference.providers(query);
  }

  @Put('providers/:odsCode')
  @Roles('admin')
  mapProvider(@Param('odsCode') odsCode: string, @Body() dto: MapProviderDto) {
    return this.reference.mapProvider(odsCode, dto);
  }

  @Post('providers/import')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('text/csv')
  async loadProviders(@Req() body: Readable) {
    return this.reference.loadProviders(await readCsvBody(body));
  }

  // Not paged: the CWT cancer types are a fixed national list of a few dozen labels.
  @Get('cancer-types')
  @Roles(...READERS)
  cancerTypes() {
    return this.reference.cancerTypes();
  }

  @Put('cancer-types')
  @Roles('admin')
  mapCancerType(@Body() dto: MapCancerTypeDto) {
    return this.reference.mapCancerType(dto);
  }

  @Post('cancer-types/import')
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('text/csv')
  async loadCancerTypes(@Req() body: Readable) {
    return this.reference.loadCancerTypes(await readCsvBody(body));
  }
}
