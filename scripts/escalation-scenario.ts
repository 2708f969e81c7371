// The demo escalation, over the services' HTTP APIs only: lung FDS below target for an
// alliance three months running, imported as a CWT file; the workflow opens a case at the lung
// group; each body tables it at a meeting and decides (the group and the CAG escalate, the
// Board resolves). Used by `npm run demo` and by the cross-process end-to-end test.

import { addMonths } from '#contracts';

export interface PlatformUrls {
  membership: string;
  meetings: string;
  performance: string;
  workflow: string;
}

export interface ScenarioOptions {
  urls: PlatformUrls;
  /** A bearer token with the admin role. */
  token: string;
  /** The alliance to run it for, by code: the demo seed's East of England is `EOE`. */
  allianceCode?: string;
  log?: (line: string) => void;
  /** How long to wait for each step, in ms. */
  stepTimeoutMs?: number;
}

export interface ScenarioBodies {
  allianceId: string;
  group: string;
  cag: string;
  board: string;
}

export interface ScenarioResult {
  caseId: string;
  bodies: ScenarioBodies;
  /** Who chairs and leads each body, to see whom notifications reached. */
  officers: Record<'group' | 'cag' | 'board', { name: string; email: string; role: string }[]>;
}

interface Page<T> {
  items: T[];
  total: number;
}

/** Lung FDS each month of the demo: on target, then three months below the 75% standard. */
const SHARES = [0.85, 0.7, 0.72, 0.74];

export async function runEscalationScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const { urls, token } = options;
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.stepTimeoutMs ?? 60_000;
  const call = async <T>(base: string, path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${init.method ?? 'GET'} ${base}${path}: ${response.status} ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const post = <T>(base: string, path: string, body: unknown) =>
    call<T>(base, path, { method: 'POST', body: JSON.stringify(body) });
  async function until<T>(what: string, probe: () => Promise<T | false | undefined>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await probe();
        if (value) {
          return value;
        }
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  // 1. The alliance and its ladder, from membership.
  const code = options.allianceCode ?? 'EOE';
  const alliances = await call<Page<{ id: string; code: string; name: string }>>(
    urls.membership,
    '/alliances?limit=200',
  );
  const alliance = alliances.items.find((a) => a.code === code);
  if (!alliance) {
    throw new Error(`No alliance ${code} in membership: seed it first (npm run seed:membership)`);
  }
  const bodiesOf = (query: string) =>
    call<Page<{ id: string; name: string }>>(
      urls.membership,
      `/bodies?allianceId=${alliance.id}&${query}`,
    );
  const [group] = (await bodiesOf('kind=tumour-site-group&specialty=lung')).items;
  const [cag] = (await bodiesOf('kind=clinical-advisory-group')).items;
  const [board] = (await bodiesOf('kind=alliance-board')).items;
  if (!group || !cag || !board) {
    throw new Error(`${code} lacks a lung group, a CAG or a Board`);
  }
  const bodies = { allianceId: alliance.id, group: group.id, cag: cag.id, board: board.id };
  const holders = (bodyId: string) =>
    call<{ role: string; member: { memberId: string; name: string; email: string } }[]>(
      urls.membership,
      `/bodies/${bodyId}/role-holders`,
    );
  const officersOf = async (bodyId: string) =>
    (await holders(bodyId))
      .filter((holder) => holder.role === 'chair' || holder.role === 'clinical-lead')
      .map((holder) => ({
        name: holder.member.name,
        email: holder.member.email,
        role: holder.role,
      }));
  const officers = {
    group: await officersOf(group.id),
    cag: await officersOf(cag.id),
    board: await officersOf(board.id),
  };
  log(`${alliance.name}: ${group.name}, then ${cag.name}, then ${board.name}`);

  // 2. A meeting of each body a fortnight ahead, once meetings knows the bodies.
  for (const [name, bodyId] of [
    ['group', group.id],
    ['cag', cag.id],
    ['board', board.id],
  ] as const) {
    const startsAt = new Date(Date.now() + 14 * 86_400_000);
    await until(`meetings to know ${name}`, () =>
      post<{ id: string }>(urls.meetings, `/bodies/${bodyId}/meetings`, {
        kind:
          name === 'group'
            ? 'quarterly-network-meeting'
            : name === 'cag'
              ? 'clinical-advisory-group'
              : 'alliance-board',
        title: `${name === 'group' ? group.name : name === 'cag' ? cag.name : board.name}: scheduled meeting`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      }),
    );
  }
  log('Scheduled a meeting of each body a fortnight ahead');

  // 3. A month on target, then three below the 75% standard, for the alliance's trusts, as a CWT
  // file, in the months after any the service already holds, so the demo can run again. A
  // case still open from an earlier run is closed first: this run opens its own.
  const subjectKey = `standard:${alliance.id}:lung:fds-28`;
  const earlier = await call<Page<{ id: string; subjectKey: string; status: string }>>(
    urls.workflow,
    '/cases?limit=200',
  );
  for (const stale of earlier.items.filter(
    (item) => item.subjectKey === subjectKey && item.status !== 'closed',
  )) {
    await post(urls.workflow, `/cases/${stale.id}/resolve`, {
      rationale: 'Closed before the demo runs again',
    });
  }
  // Months come in order, a page at a time: the last page's last row is the latest month held.
  const lungFds = `/performance?by=alliance-tumour-site&allianceId=${alliance.id}&standard=fds-28&tumourSite=lung`;
  const { total } = await call<Page<{ period: string }>>(urls.performance, `${lungFds}&limit=1`);
  const held = await call<Page<{ period: string }>>(
    urls.performance,
    `${lungFds}&limit=1&offset=${Math.max(total - 1, 0)}`,
  );
  const first = held.items.length > 0 ? addMonths(held.items[0]!.period, 1) : '2026-01';
  const months = SHARES.map((share, index) => [addMonths(first, index), share] as const);
  const providers = await until('performance to know the alliance’s providers', async () => {
    // One page holds an alliance's trusts (a few dozen at most).
    const list = await call<Page<{ odsCode: string }>>(
      urls.performance,
      `/providers?allianceId=${alliance.id}&limit=200`,
    );
    return (
      list.items.length > 0 &&
      list.items.map((provider) => provider.odsCode).filter((odsCode) => odsCode.length === 3)
    );
  });
  const rows = [
    'PERIOD,STANDARD,ORG CODE,CANCER TYPE,STAGE/ROUTE,TREATMENT MODALITY,TOTAL,WITHIN STANDARD,BREACHES',
  ];
  for (const [period, share] of months) {
    for (const odsCode of providers) {
      const lungWithin = Math.round(100 * share);
      rows.push(
        `${period},28-day FDS,${odsCode},Suspected lung cancer,URGENT SUSPECTED CANCER,,100,${lungWithin},${100 - lungWithin}`,
      );
      rows.push(
        `${period},28-day FDS,${odsCode},Suspected breast cancer,URGENT SUSPECTED CANCER,,200,176,24`,
      );
      rows.push(
        `${period},28-day FDS,${odsCode},ALL CANCERS,URGENT SUSPECTED CANCER,,300,${lungWithin + 176},${124 - lungWithin}`,
      );
    }
  }
  const imported = await call<{ rowsImported: number; detection: { breached: number } | null }>(
    urls.performance,
    '/imports?fileName=demo-cwt-fds.csv',
    { method: 'POST', body: `${rows.join('\n')}\n`, headers: { 'content-type': 'text/csv' } },
  );
  log(
    `Imported ${imported.rowsImported} CWT rows for ${months[0]![0]} to ${months.at(-1)![0]}; breaches announced: ${imported.detection?.breached ?? 0}`,
  );

  // 4. The workflow opens the case at the lung group.
  const opened = await until('the workflow to open a case at the lung group', async () => {
    const cases = await call<Page<{ id: string; kind: string; status: string }>>(
      urls.workflow,
      `/cases?bodyId=${group.id}&limit=200`,
    );
    return cases.items.find(
      (item) => item.kind === 'standard-breached' && item.status !== 'closed',
    );
  });
  log(`Case ${opened.id} opened at ${group.name}`);

  // 5. Each body tables it, meets and decides.
  const caseOf = () =>
    call<{ bodyId: string; status: string; level: string }>(urls.workflow, `/cases/${opened.id}`);
  for (const [bodyId, name, outcome] of [
    [group.id, group.name, 'escalated'],
    [cag.id, cag.name, 'escalated'],
    [board.id, board.name, 'resolved'],
  ] as const) {
    // The request lands on the body's earliest meeting that can take it: find which.
    const { meetingId, item } = await until(`the case on the agenda of ${name}`, async () => {
      const scheduled = await call<Page<{ id: string }>>(
        urls.meetings,
        `/bodies/${bodyId}/meetings?status=scheduled&limit=200`,
      );
      for (const meeting of scheduled.items) {
        const agenda = await call<{ id: string; externalReference: string | null }[]>(
          urls.meetings,
          `/meetings/${meeting.id}/agenda`,
        );
        const found = agenda.find((entry) => entry.externalReference === opened.id);
        if (found) {
          return { meetingId: meeting.id, item: found };
        }
      }
      return undefined;
    });
    await until(
      `the case to be tabled at ${name}`,
      async () => (await caseOf()).status === 'tabled',
    );
    log(`Tabled at ${name}`);
    // The demo does not wait a fortnight: the meeting is brought forward to now.
    const startsAt = new Date(Date.now() - 60_000);
    await post(urls.meetings, `/meetings/${meetingId}/reschedule`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    });
    const attendance = (await holders(bodyId)).map((holder) => ({
      memberId: holder.member.memberId,
      status: 'present',
    }));
    const unique = [...new Map(attendance.map((entry) => [entry.memberId, entry])).values()];
    await call(urls.meetings, `/meetings/${meetingId}/attendance`, {
      method: 'PUT',
      body: JSON.stringify({ attendance: unique }),
    });
    await post(urls.meetings, `/meetings/${meetingId}/hold`, {});
    await post(urls.meetings, `/agenda-items/${item.id}/decision`, {
      outcome,
      rationale:
        outcome === 'resolved'
          ? 'Recovery plan funded; trajectory agreed'
          : 'Needs decisions beyond this body',
      votes: { for: unique.length, against: 0, abstained: 0 },
    });
    const after = await until(`the case to move on from ${name}`, async () => {
      const current = await caseOf();
      return (current.bodyId !== bodyId || current.status === 'closed') && current;
    });
    log(
      `${name} decided "${outcome}": the case is ${after.status === 'closed' ? 'closed' : `at the ${after.level.toUpperCase()}`}`,
    );
  }
  return { caseId: opened.id, bodies, officers };
}
