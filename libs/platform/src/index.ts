// config
export {
  baseConfigSchema,
  LOG_LEVELS,
  type AppConfig,
  type BaseConfig,
  type LogLevel,
} from './config/config.schema.js';
export { ConfigError, loadConfig } from './config/load-config.js';
export { APP_CONFIG, ConfigModule } from './config/config.module.js';

// logging
export {
  currentContext,
  runWithContext,
  setActor,
  type RequestContext,
} from './logging/request-context.js';
export { JsonLogger, type JsonLoggerOptions } from './logging/json-logger.service.js';
export {
  CORRELATION_ID_HEADER,
  CorrelationIdMiddleware,
  correlationIdFrom,
} from './logging/correlation-id.middleware.js';

// tracing
export {
  startTracing,
  stopTracing,
  traceExporters,
  tracingEnabled,
  TracingModule,
  type TraceExporterName,
  type TracingOptions,
} from './tracing/tracing.js';
export {
  activeTraceIds,
  contextFromHeaders,
  inSpan,
  platformTracer,
  recordFailure,
  traceHeaders,
  type TraceHeaders,
} from './tracing/spans.js';
export { traceHttpRequests } from './tracing/http-tracing.middleware.js';
export { TransactionSpans } from './database/transaction-spans.subscriber.js';

// text
export { fitText } from './text/fit-text.js';

// database
export { schemaOf } from './database/schema-of.js';
export {
  createServiceDataSource,
  runMigrations,
  type ServiceDataSourceOptions,
} from './database/service-data-source.js';
export { DatabaseModule, type DatabaseModuleOptions } from './database/database.module.js';
export { QueryErrorFilter, type ConstraintMessages } from './database/query-error.filter.js';
export { tryTransactionLock } from './database/transaction-lock.js';

// health
export type { ReadinessCheck } from './health/readiness-check.js';
export { databaseCheck } from './health/database.check.js';
export { kafkaCheck } from './health/kafka.check.js';
export { redisCheck } from './health/redis.check.js';
export { DEFAULT_CHECK_TIMEOUT_MS, type HealthOptions } from './health/health.options.js';
export { HealthModule, type HealthModuleAsyncOptions } from './health/health.module.js';

// metrics
export { MetricsService } from './metrics/metrics.service.js';
export { MetricsModule } from './metrics/metrics.module.js';

// openapi
export {
  BEARER_AUTH,
  buildOpenApiDocument,
  setupOpenApi,
  type OpenApiOptions,
} from './openapi/setup-openapi.js';

// auth
export { isRole, ROLES, type Role } from './auth/roles.js';
export {
  mintToken,
  TokenError,
  verifyToken,
  type MintTokenOptions,
  type Principal,
  type TokenOptions,
} from './auth/token.js';
export {
  AllowUnlinked,
  CurrentUser,
  IS_PUBLIC_KEY,
  Public,
  Roles,
  ROLES_KEY,
  type AuthenticatedRequest,
} from './auth/auth.decorators.js';
export { CachedMemberResolver, MemberResolver } from './auth/member-resolver.js';
export { AuthGuard } from './auth/auth.guard.js';
export { actorOf, SYSTEM_ACTOR } from './auth/actor.js';
export { authSettings, DEVELOPMENT_ISSUER, type AuthSettings } from './auth/auth-settings.js';
export {
  ACCEPTED_ALGORITHMS,
  IdentityProviderUnavailableError,
  IssuerVerifier,
  claimAt,
  rolesFrom,
  type IssuerVerifierOptions,
  type VerifiedToken,
} from './auth/issuer-verifier.js';
export { TokenVerifier } from './auth/token-verifier.js';
export {
  clientCredentialsToken,
  configurationFor,
  passwordSignIn,
  type SignedIn,
} from './auth/scripted-sign-in.js';
export { AuthModule } from './auth/auth.module.js';

// validation
export {
  createValidationPipe,
  flattenValidationErrors,
  type FieldError,
  type ValidationFailure,
} from './validation/validation.pipe.js';

// bootstrap
export { configureHttpApp, type HttpAppOptions } from './bootstrap/configure-http-app.js';

// http helpers shared by the services' APIs
export { MAX_OFFSET, PageQuery, type Page } from './http/page.js';
export { StrictRateLimit } from './auth/rate-limit.guard.js';
export * from './errors/domain-error.js';
export { isCalendarDate, ParseIsoDatePipe } from './validation/parse-iso-date.pipe.js';
export { IsCalendarDay } from './validation/is-calendar-day.js';
export { IsDecimalNumber } from './validation/is-decimal-number.js';
export { ParseUuidPipe } from './validation/parse-uuid.pipe.js';
export { DomainErrorFilter, statusOf } from './errors/domain-error.filter.js';

// time
export { addDays, Clock, ClockModule, daysBetween, ukDate } from './time/uk-clock.js';
