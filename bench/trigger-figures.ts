// What a set of triggers went through, joined from the moments the load and the effect clock
// noted for each; and what the workflow holds at the end.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schemaOf } from '#platform';
import type { Effect, EffectClock } from './effect-clock.js';
import { fmt, spread } from './load-pacing.js';
import type { Trigger, TriggerLoad } from './trigger-load.js';

/** What a set of triggers went through, from the moments noted for each. */
export function measure(triggers: readonly Trigger[], load: TriggerLoad, effects: EffectClock) {
  const latency: number[] = [];
  const done: Effect[] = [];
  const phases = {
    offerToCommit: [] as number[],
    inOutbox: [] as number[],
    send: [] as number[],
    toHandler: [] as number[],
    handler: [] as number[],
  };
  let [firstCommit, lastEffect, committed] = [Infinity, -Infinity, 0];
  for (const { id, offeredAt, committedAt } of triggers) {
    if (committedAt === undefined || id === undefined) {
      continue;
    }
    committed += 1;
    firstCommit = Math.min(firstCommit, committedAt);
    phases.offerToCommit.push(committedAt - offeredAt);
    const [sent, acked, effect] = [load.sentAt(id), load.ackedAt(id), effects.effects.get(id)];
    if (sent !== undefined && acked !== undefined) {
      phases.inOutbox.push(sent - committedAt);
      phases.send.push(acked - sent);
    }
    if (effect) {
      done.push(effect);
      lastEffect = Math.max(lastEffect, effect.committedAt);
      latency.push(effect.committedAt - committedAt);
      phases.handler.push(effect.committedAt - effect.startedAt);
      if (acked !== undefined) {
        phases.toHandler.push(effect.startedAt - acked);
      }
    }
  }
  return {
    offered: triggers.length,
    committed,
    effected: latency.length,
    /** Effects committed a second, from the first trigger's commit to the last effect's. */
    rate: latency.length / ((lastEffect - firstCommit) / 1000),
    latency,
    phases,
    effects: done,
  };
}

export type Measured = ReturnType<typeof measure>;

/** How many of the triggers have their effect committed. */
export function effectedCount(triggers: readonly Trigger[], effects: EffectClock): number {
  return triggers.filter((t) => t.id !== undefined && effects.effects.has(t.id)).length;
}

/**
 * Waits until every trigger offered is committed and effected; gives up once no effect has
 * come for `stallMs` (what is missing shows in the figures).
 */
export async function drained(
  triggers: readonly Trigger[],
  load: TriggerLoad,
  effects: EffectClock,
  stallMs: number,
): Promise<boolean> {
  for (let seen = -1, since = performance.now(); ; await sleep(50)) {
    const count = effectedCount(triggers, effects);
    if (count === triggers.length && load.written()) {
      return true;
    }
    if (count !== seen) {
      [seen, since] = [count, performance.now()];
    } else if (performance.now() - since > stallMs) {
      return false;
    }
  }
}

/** Cases, history entries, deadlines and notifications the workflow holds: what the run did. */
export async function workflowTotals(app: INestApplication): Promise<string> {
  const dataSource = app.get(DataSource);
  const schema = schemaOf(dataSource);
  const [row] = await dataSource.query<Record<string, string>[]>(
    `SELECT (SELECT count(*) FROM "${schema}".escalation_case) AS cases,
            (SELECT count(*) FROM "${schema}".case_history) AS history,
            (SELECT count(*) FROM "${schema}".case_deadline) AS deadlines,
            (SELECT count(*) FROM "${schema}".notification) AS notifications,
            (SELECT count(*) FROM "${schema}".outbox_message) AS events`,
  );
  return Object.entries(row ?? {})
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
}

/** The handler's transactions by what they did to the case: time, statements, time in them. */
export function handlerText(done: readonly Effect[]): string {
  const kinds = new Map<string, Effect[]>();
  for (const effect of done) {
    kinds
      .set(effect.transition, kinds.get(effect.transition) ?? [])
      .get(effect.transition)!
      .push(effect);
  }
  return [...kinds]
    .map(([transition, list]) => {
      const median = (values: number[]) => fmt(spread(values).p50);
      return (
        `${transition} (${list.length}): p50 ${median(list.map((e) => e.committedAt - e.startedAt))} ms, ` +
        `${median(list.map((e) => e.statements))} statements taking ${median(list.map((e) => e.statementMs))} ms`
      );
    })
    .join('; ');
}
