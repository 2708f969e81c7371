import { AsyncLocalStorage } from 'node:async_hooks';

/** What follows one unit of work (an HTTP request, a consumed event) through async calls. */
export interface RequestContext {
  readonly correlationId: string;
  /** The id of the message or request that directly caused this work, when there is one. */
  readonly causationId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `context` visible to everything it calls, however deep or async. */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the work in progress, or undefined outside any (boot, timers). */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
