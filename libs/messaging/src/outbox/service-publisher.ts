import { Inject, Injectable, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventContract, EventMapOfContract, EventRegistry, EventSchemas } from '#contracts';
import { schemaOf } from '#platform';
import { EVENT_REGISTRY } from '../messaging.tokens.js';
import { EventPublisher } from './event-publisher.js';

/** A service's publisher class: an EventPublisher typed, and limited, to its own contract. */
export type ServicePublisherClass<TContract extends EventContract = EventContract> = Type<
  EventPublisher<EventMapOfContract<TContract>>
> & { readonly contract: EventContract };

/** Any service's publisher class, as modules register it (its map's types are the service's). */
export type AnyServicePublisherClass = Type<unknown> & { readonly contract: EventContract };

/**
 * The base of a service's one publisher, typed with that service's contract alone, so that
 * publishing another service's event is a compile error (and, past a cast, a run-time one):
 *
 *     export class MembershipPublisher extends publisherFor(membershipContract) {}
 *
 * Give the class to `serviceImports({ publisher })`; it writes to the outbox of the service's
 * schema on the environment's topics.
 */
export function publisherFor<const TContract extends EventContract>(
  contract: TContract,
): ServicePublisherClass<TContract> {
  @Injectable()
  class ServicePublisher extends EventPublisher<EventMapOfContract<TContract>> {
    static readonly contract: EventContract = contract;

    constructor(
      @Inject(EVENT_REGISTRY) registry: EventRegistry<EventSchemas>,
      @Inject(DataSource) dataSource: DataSource,
    ) {
      super(registry.onlyOf(contract.service), schemaOf(dataSource));
    }
  }
  Object.defineProperty(ServicePublisher, 'name', { value: `${contract.service}Publisher` });
  return ServicePublisher;
}
