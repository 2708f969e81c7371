import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import nunjucks from 'nunjucks';
import { CorrelationIdMiddleware, JsonLogger, loadConfig, traceHttpRequests } from '#platform';
import { WebModule } from './app.module.js';
import { webConfigSchema } from './config.js';

const here = dirname(fileURLToPath(import.meta.url));
// The NHS.UK frontend's templates, styles, scripts and images, from the package itself.
const nhsukDist = join(
  dirname(createRequire(import.meta.url).resolve('nhsuk-frontend/package.json')),
  'dist',
);

/** Builds the web app (not yet listening): pages, their templates and the frontend's assets. */
export async function createWebApp(
  env: NodeJS.ProcessEnv = process.env,
): Promise<NestExpressApplication> {
  const config = loadConfig(webConfigSchema, env);
  const app = await NestFactory.create<NestExpressApplication>(WebModule.forRoot(env), {
    bufferLogs: true,
  });
  app.useLogger(new JsonLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL }));
  app.flushLogs();
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');

  // A span per page request (while tracing is on), active for the calls it makes to services.
  app.use(traceHttpRequests);
  const correlation = new CorrelationIdMiddleware();
  app.use(correlation.use.bind(correlation));
  // A nonce per page for the frontend template's one inline script; everything else is a file.
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.locals['cspNonce'] = randomBytes(16).toString('base64');
    next();
  });
  const issuer = new URL(config.AUTH_ISSUER ?? 'http://127.0.0.1:3010').origin;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          scriptSrc: [
            "'self'",
            (_request, response) =>
              `'nonce-${(response as Response).locals['cspNonce'] as string}'`,
          ],
          // Sign-out posts here and is sent on to the identity provider's end-session page.
          formAction: ["'self'", issuer],
        },
      },
    }),
  );
  app.use(cookieParser());

  nunjucks.configure([here, nhsukDist], { autoescape: true, express, noCache: false });
  app.setViewEngine('njk');
  app.useStaticAssets(join(nhsukDist, 'nhsuk'), { prefix: '/nhsuk/', maxAge: '1h' });
  app.useStaticAssets(join(here, 'public'), { prefix: '/web/' });
  app.enableShutdownHooks();
  return app;
}
