import { AsyncLocalStorage } from 'node:async_hooks';
import { IntrinsicException } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf, EventSchemas, EventTypeOf } from '#contracts';
import type { EventContext } from './event-context.js';

/** Where a handler's own error is kept while Nest's RPC exception filter replaces it. */
const handlerFailure = new AsyncLocalStorage<{ error?: unknown }>();

/** Stands in for a handler's error on its way through Nest's RPC filter, which logs others. */
class HandledByTheConsumer extends IntrinsicException {}

/** Runs a handler, rethrowing the error it threw rather than Nest's "Internal server error". */
export async function runCapturingHandlerError<T>(invoke: () => Promise<T>): Promise<T> {
  const slot: { error?: unknown } = {};
  try {
    return await handlerFailure.run(slot, invoke);
  } catch (error) {
    throw slot.error ?? error;
  }
}

type EventHandlerMethod<TMap extends EventSchemas, TType extends EventTypeOf<TMap>> = (
  event: EventOf<TMap, TType>,
  context: EventContext,
) => unknown;

/**
 * `@EventPattern` for the platform's events, checked against a contract map: the event type
 * must exist and the handler's first parameter gets its typed envelope, the second the
 * EventContext (its transaction). The handler's own error reaches the consumer's retry and
 * dead-letter logic, and the dead-letter reason.
 *
 *   const OnEvent = eventHandlerDecorator<PlatformEventMap>();
 *   @OnEvent('membership.body-created.v1') async onBodyCreated(event, context) { ... }
 */
export function eventHandlerDecorator<TMap extends EventSchemas>() {
  return <TType extends EventTypeOf<TMap>>(type: TType) =>
    <TMethod extends EventHandlerMethod<TMap, TType>>(
      target: object,
      propertyKey: string | symbol,
      descriptor: TypedPropertyDescriptor<TMethod>,
    ): void => {
      const method = descriptor.value;
      if (!method) {
        throw new Error(`@OnEvent('${type}') decorates a method`);
      }
      const capturing = async function (this: unknown, ...args: Parameters<TMethod>) {
        try {
          return await method.apply(this, args);
        } catch (error) {
          const slot = handlerFailure.getStore();
          if (!slot) {
            throw error;
          }
          slot.error = error;
          // The consumer logs what it does about the error (retry, park, dead letter); Nest's
          // filter would log it again, at error level, for every try of a parked event.
          throw new HandledByTheConsumer();
        }
      };
      descriptor.value = capturing as unknown as TMethod;
      EventPattern<string>(type)(target, propertyKey, descriptor);
      // Nest 12 hands an undecorated handler the payload alone.
      Payload()(target, propertyKey, 0);
      Ctx()(target, propertyKey, 1);
    };
}
