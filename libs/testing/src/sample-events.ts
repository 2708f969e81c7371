import { z } from 'zod';
import { createEventRegistry, defineContract, type EventMapOfRegistry } from '#contracts';

/**
 * A contract of the shape services declare, on a topic of the test's own, for the tests
 * of the messaging library itself.
 */
export function sampleEvents(topic: string) {
  return createEventRegistry(
    defineContract(
      'sample',
      {
        'sample.thing-happened.v1': z.object({
          thingId: z.string().min(1),
          seq: z.number().int().nonnegative(),
          note: z.string().optional(),
        }),
        'sample.thing-noted.v1': z.object({ thingId: z.string().min(1) }),
      },
      { topic },
    ),
  );
}

export type SampleEvents = ReturnType<typeof sampleEvents>;
export type SampleEventMap = EventMapOfRegistry<SampleEvents>;
