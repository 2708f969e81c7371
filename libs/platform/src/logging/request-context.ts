import { AsyncLocalStorage } from 'node:async_hooks';

/** What follows one unit of work (an HTTP request, a consumed event) through async calls. */
export interface RequestContext {
  readonly correlationId: string;
  /** The id of the message or request that directly caused this work, when there is one. */
  readonly causationId?: string;
  /**
   * Who the work is done for (see `actorOf`): set by the auth guard once a request's token is
   * verified, or taken from the envelope of the event being handled. Published events and the
   * audit log carry it.
   */
  actor?: string;
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

/** Names the actor of the work in progress; outside any context there is nobody to name. */
export function setActor(actor: string): void {
  const context = storage.getStore();
  if (context) {
    context.actor = actor;
  }
}
