import { readFileSync } from 'node:fs';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '#platform';
import { serviceTestEnv } from '#testing';
import { MeetingsAppModule } from '../apps/meetings/src/app.module.js';
import { MembershipModule } from '../apps/membership/src/app.module.js';
import { PerformanceModule } from '../apps/performance/src/app.module.js';
import { PrioritiesAppModule } from '../apps/priorities/src/app.module.js';
import { WorkflowModule } from '../apps/workflow/src/app.module.js';

const env = (service: string) => serviceTestEnv(service, { schema: 'openapi_document' });

const services: Record<string, () => DynamicModule> = {
  membership: () => MembershipModule.forRoot(env('membership')),
  meetings: () => MeetingsAppModule.forRoot(env('meetings')),
  priorities: () => PrioritiesAppModule.forRoot(env('priorities')),
  performance: () => PerformanceModule.forRoot(env('performance')),
  workflow: () => WorkflowModule.forRoot(env('workflow')),
};

/**
 * The service's document as /docs-json serves it. Preview mode builds the module graph without
 * instantiating a provider, so no database, Kafka or Redis connection is opened.
 */
async function documentOf(root: DynamicModule): Promise<OpenAPIObject> {
  const app = await NestFactory.create(root, { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app, { title: 'Service under test', version: '1.0.0' });
  } finally {
    await app.close();
  }
}

// The official OpenAPI 3.0 schema (OAI/OpenAPI-Specification, _archive_/schemas/v3.0/schema.yaml,
// Apache-2.0) as JSON; its one draft-04 keyword, a boolean exclusiveMinimum, rewritten as the
// numeric form Ajv reads, which means the same.
const openApi30Schema = JSON.parse(
  readFileSync(new URL('./openapi/openapi-3.0.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under ESM its function is the default export's default.
addFormats.default(ajv);
const validateOpenApi30 = ajv.compile(openApi30Schema);

const SHAPED_BY = ['properties', 'additionalProperties', '$ref', 'allOf', 'oneOf', 'anyOf'];

/**
 * JSON pointers of every schema typed `object` that says nothing of its shape: what a
 * `string | null` property becomes when its decorator names no type, so a client generated from
 * the document would expect an object where the service sends a string.
 */
function shapelessObjects(node: unknown, path = '#'): string[] {
  if (Array.isArray(node)) {
    return node.flatMap((item, index) => shapelessObjects(item, `${path}/${index}`));
  }
  if (typeof node !== 'object' || node === null) {
    return [];
  }
  const record = node as Record<string, unknown>;
  const here =
    record.type === 'object' && !SHAPED_BY.some((keyword) => keyword in record) ? [path] : [];
  return [
    ...here,
    ...Object.entries(record).flatMap(([key, value]) =>
      shapelessObjects(value, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    ),
  ];
}

describe('OpenAPI documents', () => {
  const documents = new Map<string, OpenAPIObject>();

  beforeAll(async () => {
    for (const [name, root] of Object.entries(services)) {
      documents.set(name, await documentOf(root()));
    }
  });

  it.each(Object.keys(services))('the %s document is valid OpenAPI 3.0', (name) => {
    const document = documents.get(name);
    expect(Object.keys(document?.paths ?? {}).length).toBeGreaterThan(5);
    const valid = validateOpenApi30(document);
    expect(validateOpenApi30.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(Object.keys(services))(
    'every schema in the %s document states its type: no object without a shape',
    (name) => {
      expect(shapelessObjects(documents.get(name))).toEqual([]);
    },
  );

  it('the validator refuses a document that is not OpenAPI 3.0', () => {
    expect(validateOpenApi30({ openapi: '3.0.0', info: { title: 'x' }, paths: {} })).toBe(false);
    expect(
      validateOpenApi30({ openapi: '2.0', info: { title: 'x', version: '1' }, paths: {} }),
    ).toBe(false);
    expect(
      validateOpenApi30({ openapi: '3.0.0', info: { title: 'x', version: '1' }, paths: {} }),
    ).toBe(true);
  });

  it('finds a shapeless object wherever it is, and passes one with a shape', () => {
    const document = {
      components: {
        schemas: {
          Body: {
            type: 'object',
            properties: {
              specialty: { type: 'object', nullable: true },
              terms: { type: 'object', additionalProperties: { type: 'string' } },
              parent: { allOf: [{ $ref: '#/components/schemas/Body' }] },
            },
          },
        },
      },
      paths: { '/a/{id}': { get: { parameters: [{ schema: { type: 'object' } }] } } },
    };
    expect(shapelessObjects(document)).toEqual([
      '#/components/schemas/Body/properties/specialty',
      '#/paths/~1a~1{id}/get/parameters/0/schema',
    ]);
  });
});
