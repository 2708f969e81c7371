import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
}

export const BEARER_AUTH = 'bearer';

/** The service's OpenAPI document, declaring bearer auth; what /docs-json serves. */
export function buildOpenApiDocument(
  app: INestApplication,
  options: OpenApiOptions,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH)
    // Every route needs a token unless @Public(), so the requirement is declared document-wide.
    .addSecurityRequirements(BEARER_AUTH);
  if (options.description !== undefined) {
    builder.setDescription(options.description);
  }
  return SwaggerModule.createDocument(app, builder.build());
}

/** Serves Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, options), {
    jsonDocumentUrl: 'docs-json',
  });
}
