import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
}

export const BEARER_AUTH = 'bearer';

/** Serves Swagger UI at /docs and the OpenAPI document at /docs-json, declaring bearer auth. */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): void {
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH)
    // Every route needs a token unless @Public(), so the requirement is declared document-wide.
    .addSecurityRequirements(BEARER_AUTH);
  if (options.description !== undefined) {
    builder.setDescription(options.description);
  }
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
