import { z } from 'zod';
import { createEventRegistry, defineContract, event, type EventMapOfRegistry } from '#contracts';

/**
 * A contract of the shape services declare, on a topic of the test's own, for the tests
 * of the messaging library itself.
 */
export function sampleContract(topic: string) {
  return defineContract(
    'sample',
    {
      'sample.thing-happened.v1': event(
        z.object({
          thingId: z.string().min(1),
          seq: z.number().int().nonnegative(),
          note: z.string().optional(),
        }),
        { summary: 'A thing happened.', key: ['thingId'], keyMeaning: 'the thing' },
      ),
      'sample.thing-noted.v1': event(z.object({ thingId: z.string().min(1) }), {
        summary: 'A thing was noted.',
        key: ['thingId'],
        keyMeaning: 'the thing',
      }),
    },
    { topic },
  );
}

/** A registry of the sample contract alone. */
export function sampleEvents(topic: string) {
  return createEventRegistry(sampleContract(topic));
}

export type SampleEvents = ReturnType<typeof sampleEvents>;
export type SampleEventMap = EventMapOfRegistry<SampleEvents>;
