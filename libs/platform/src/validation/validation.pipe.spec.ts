import { Body, Controller, Get, type INestApplication, Param, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { createValidationPipe } from './validation.pipe.js';

class AddressDto {
  @IsString()
  line1!: string;

  @Matches(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, { message: 'postcode must be a UK postcode' })
  postcode!: string;
}

class CreateOrganisationDto {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  beds!: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

@Controller('organisations')
class OrganisationsController {
  @Post()
  create(@Body() body: CreateOrganisationDto): { isDto: boolean; body: CreateOrganisationDto } {
    return { isDto: body instanceof CreateOrganisationDto, body };
  }

  @Get(':code')
  find(@Param('code') code: string, @Query('q') q?: string): { code: string; q?: string } {
    return { code, ...(q !== undefined && { q }) };
  }
}

const valid = {
  name: 'Royal Marsden',
  beds: 200,
  address: { line1: 'Fulham Rd', postcode: 'SW3 6JJ' },
};

describe('createValidationPipe', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [OrganisationsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(createValidationPipe());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (body: object) => request(app.getHttpServer()).post('/organisations').send(body);

  it('refuses a NUL character in a body field, a query parameter or a path parameter, naming it', async () => {
    const body = await post({ ...valid, address: { ...valid.address, line1: 'Fulham\u0000Rd' } });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({
      message: 'Validation failed',
      errors: [{ field: 'address.line1', messages: ['must not contain the NUL character'] }],
    });
    const query = await request(app.getHttpServer()).get('/organisations/RM1?q=a%00b');
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ errors: [{ field: 'q' }] });
    const param = await request(app.getHttpServer()).get('/organisations/R%00M1');
    expect(param.status).toBe(400);
    expect(param.body).toMatchObject({ errors: [{ field: 'code' }] });
    const fine = await request(app.getHttpServer()).get('/organisations/RM1?q=ab');
    expect(fine.body).toEqual({ code: 'RM1', q: 'ab' });
  });

  it('refuses a lone surrogate in a body field, naming it, and takes emoji', async () => {
    const body = await request(app.getHttpServer())
      .post('/organisations')
      .set('content-type', 'application/json')
      .send(JSON.stringify(valid).replace('Royal Marsden', 'Royal \\udfff\\ud800Marsden'));
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({
      errors: [{ field: 'name', messages: ['must be well-formed Unicode (no lone surrogates)'] }],
    });
    const emoji = await post({ ...valid, name: 'Royal Marsden 🎗️' });
    expect(emoji.status).toBe(201);
  });

  it('refuses a body nested deeper than any DTO with a 400, before walking it overflows the stack', async () => {
    const refused = await request(app.getHttpServer())
      .post('/organisations')
      .set('content-type', 'application/json')
      .send(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'body', messages: ['must not nest arrays and objects more than 32 deep'] }],
    });
    const nested = { ...valid, address: { ...valid.address, line1: [[['x']]] } };
    expect((await post(nested)).body).toMatchObject({ errors: [{ field: 'address.line1' }] });
  });

  it('passes a valid body through as a DTO instance', async () => {
    const response = await post(valid);

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ isDto: true, body: valid });
  });

  it('names an unknown property, nested ones by their path', async () => {
    const response = await post({
      ...valid,
      colour: 'blue',
      address: { ...valid.address, county: 'London' },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      errors: [
        { field: 'colour', messages: ['property colour should not exist'] },
        { field: 'address.county', messages: ['property county should not exist'] },
      ],
    });
  });

  it('names a nested field of the wrong type by its dot path', async () => {
    const response = await post({ ...valid, address: { line1: 12, postcode: 'SW3 6JJ' } });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'address.line1', messages: ['line1 must be a string'] },
    ]);
  });

  it('reports every invalid field at once', async () => {
    const response = await post({
      name: 'x',
      beds: 'many',
      address: { line1: 'a', postcode: 'nope' },
    });

    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(['beds', 'address.postcode']);
  });
});
