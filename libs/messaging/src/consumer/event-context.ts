import { BaseRpcContext } from '@nestjs/microservices';
import type { IHeaders } from 'kafkajs';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '#contracts';

type EventContextArgs = [
  manager: EntityManager,
  event: EventEnvelope,
  source: {
    topic: string;
    partition: number;
    offset: string;
    headers: IHeaders;
  },
];

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the transaction its writes must use
 * (the same one that records the event as processed) and where the message came from.
 */
export class EventContext extends BaseRpcContext<EventContextArgs> {
  /** Write through this manager: its transaction also records the event as handled. */
  get manager(): EntityManager {
    return this.args[0];
  }

  get event(): EventEnvelope {
    return this.args[1];
  }

  get topic(): string {
    return this.args[2].topic;
  }

  get partition(): number {
    return this.args[2].partition;
  }

  get offset(): string {
    return this.args[2].offset;
  }

  get headers(): IHeaders {
    return this.args[2].headers;
  }
}
