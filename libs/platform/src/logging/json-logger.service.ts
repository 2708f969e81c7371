import type { LoggerService } from '@nestjs/common';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from '../config/config.schema.js';
import { activeTraceIds } from '../tracing/spans.js';
import { currentContext } from './request-context.js';

export interface JsonLoggerOptions {
  /** Written on every line as `service`, so aggregated logs can be told apart. */
  service: string;
  level?: LogLevel;
  /** Where the JSON lines go; stdout by default. Tests pass a collecting stream. */
  destination?: DestinationStream;
}

type PinoMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

// Nest's stack traces arrive as plain strings next to the context name; this tells them apart.
const STACK_TRACE = /\n\s+at /;

/**
 * Nest's LoggerService writing one pino JSON line per call, with `service`, `context` and the
 * `correlationId` of the request or event being handled (from the request context), and the
 * `traceId` and `spanId` of the active span when tracing is on.
 * Nest passes the context name as the last string argument, and a stack as a string for errors.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(options: JsonLoggerOptions) {
    this.pino = pino(
      {
        level: options.level ?? 'info',
        base: { service: options.service },
        timestamp: pino.stdTimeFunctions.isoTime,
        // Level names read better than numbers for people grepping the logs.
        formatters: { level: (label) => ({ level: label }) },
        // The correlation id, and the trace and span ids while a span is recorded, so a line
        // leads to its trace and a trace to its lines.
        mixin: () => {
          const context = currentContext();
          const ids = activeTraceIds() ?? {};
          if (context === undefined) {
            return ids;
          }
          return context.causationId === undefined
            ? { correlationId: context.correlationId, ...ids }
            : { correlationId: context.correlationId, causationId: context.causationId, ...ids };
        },
      },
      options.destination,
    );
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(method: PinoMethod, message: unknown, params: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    const last = rest.at(-1);
    if (typeof last === 'string' && !STACK_TRACE.test(last)) {
      fields['context'] = last;
      rest.pop();
    }
    const details: unknown[] = [];
    for (const param of rest) {
      if (typeof param === 'string' && STACK_TRACE.test(param)) {
        fields['stack'] = param;
      } else if (param instanceof Error) {
        fields['err'] = param;
      } else if (param !== undefined) {
        details.push(param);
      }
    }
    if (details.length > 0) {
      fields['details'] = details.length === 1 ? details[0] : details;
    }
    if (message instanceof Error) {
      this.pino[method]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[method]({ ...fields, ...message });
    } else {
      this.pino[method](fields, String(message));
    }
  }
}
