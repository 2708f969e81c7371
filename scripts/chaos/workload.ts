import { randomUUID } from 'node:crypto';
import { addMonths } from '#contracts';
import { waitFor } from '#testing';
import { ApiError, type ChaosApi } from './chaos-api.js';

interface Page<T> {
  items: T[];
  total: number;
}

/** One alliance's ladder: its lung group under a CAG under a Board, with officers on each. */
export interface ChaosLadder {
  allianceId: string;
  provider: string;
  bodies: { group: string; cag: string; board: string };
  /** The next month its lung figures are for. */
  month: string;
}

const ROLES = ['chair', 'clinical-lead', 'secretariat'] as const;
const MEETING_KIND = {
  group: 'quarterly-network-meeting',
  cag: 'clinical-advisory-group',
  board: 'alliance-board',
};

export interface WorkloadCounts {
  priorityFlips: number;
  gapsRaised: number;
  gapsRescored: number;
  manualRaises: number;
  months: number;
  decisions: number;
  errors: number;
}

/**
 * What clinicians, analysts and secretariat do, over the services' APIs, on `ladders`
 * alliances: priorities turned red and back, service gaps raised and rescored, issues raised by
 * hand, months of lung figures below and back on target, and decisions at meetings. Every
 * manual raise carries a token in its title, so the ledger can find its case.
 */
export class Workload {
  readonly counts: WorkloadCounts = {
    priorityFlips: 0,
    gapsRaised: 0,
    gapsRescored: 0,
    manualRaises: 0,
    months: 0,
    decisions: 0,
    errors: 0,
  };
  /** The title token of every raise the service accepted. */
  readonly raised: string[] = [];
  readonly errors: string[] = [];
  /** Bodies whose meeting a worker is holding now. */
  private readonly meeting = new Set<string>();
  private readonly priorities: { id: string; red: boolean }[] = [];
  private readonly gaps: string[] = [];

  private constructor(
    private readonly api: ChaosApi,
    readonly ladders: ChaosLadder[],
  ) {}

  static async prepare(api: ChaosApi, count: number, subjects: number): Promise<Workload> {
    const ladders: ChaosLadder[] = [];
    for (let index = 0; index < count; index += 1) {
      ladders.push(await seatLadder(api, index));
    }
    const workload = new Workload(api, ladders);
    await workload.installPolicy();
    for (const ladder of ladders) {
      for (const level of ['group', 'cag', 'board'] as const) {
        await workload.scheduleMeeting(ladder.bodies[level], level);
      }
    }
    for (let index = 0; index < subjects; index += 1) {
      const ladder = ladders[index % ladders.length]!;
      const priority = await waitFor(
        'priorities to know the group',
        () =>
          api
            .post<{ id: string }>('priorities', '/priorities', {
              bodyId: ladder.bodies.group,
              title: `Chaos priority ${index}`,
              source: 'alliance',
              category: 'faster-diagnosis',
            })
            .catch(notYet((status) => status === 404)),
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      workload.priorities.push({ id: priority.id, red: false });
    }
    return workload;
  }

  /** One step of someone's work, chosen at random; errors are counted, never thrown. */
  async step(): Promise<void> {
    const roll = Math.random();
    try {
      if (roll < 0.4) {
        await this.flipPriority();
      } else if (roll < 0.6) {
        await this.gapStep();
      } else if (roll < 0.65) {
        await this.raiseByHand();
      } else if (roll < 0.85) {
        await this.nextMonth();
      } else {
        await this.holdAMeeting();
      }
    } catch (error) {
      this.counts.errors += 1;
      if (this.errors.length < 20) {
        this.errors.push((error as Error).message);
      }
    }
  }

  /** Deadlines in seconds, so that cases climb the ladder and reminders go during the run. */
  private async installPolicy(): Promise<void> {
    const versions = await this.api.get<Page<{ version: number }>>('workflow', '/policy?limit=200');
    const latest = Math.max(...versions.items.map((item) => item.version));
    const current = await this.api.get<Record<string, unknown> & { version: number }>(
      'workflow',
      `/policy/${latest}`,
    );
    const levels = {
      group: { acknowledgeDays: 30, tableDays: 60, resolveDays: 90 },
      cag: { acknowledgeDays: 30, tableDays: 60, resolveDays: 90 },
      board: { acknowledgeDays: 45, tableDays: 90, resolveDays: 120 },
    };
    const { version: _version, ...document } = current;
    // No reminders: the deadlines themselves are what the suite counts.
    await this.api.post('workflow', '/policy', {
      ...document,
      deadlineUnit: 'second',
      levels,
      reminders: [],
    });
  }

  private async scheduleMeeting(bodyId: string, level: keyof typeof MEETING_KIND): Promise<void> {
    // A fortnight ahead: papers close about a week before, so a case can still be tabled.
    const startsAt = new Date(Date.now() + 14 * 86_400_000);
    await waitFor(
      'meetings to know the body',
      () =>
        this.api
          .post('meetings', `/bodies/${bodyId}/meetings`, {
            kind: MEETING_KIND[level],
            title: `Chaos ${level} meeting`,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
          })
          .then(() => true)
          .catch(notYet((status) => status === 404)),
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }

  private async flipPriority(): Promise<void> {
    const priority = pick(this.priorities);
    const rag = priority.red ? 'green' : 'red';
    await this.api.call(
      'priorities',
      'POST',
      `/priorities/${priority.id}/rag`,
      { rag, reason: 'Chaos review' },
      { accept: [409] },
    );
    priority.red = !priority.red;
    this.counts.priorityFlips += 1;
  }

  private async gapStep(): Promise<void> {
    const risk = () => ({
      likelihood: 1 + Math.floor(Math.random() * 5),
      consequence: 1 + Math.floor(Math.random() * 5),
    });
    if (this.gaps.length < 20 || Math.random() < 0.2) {
      const gap = await this.api.post<{ id: string }>('priorities', '/service-gaps', {
        bodyId: pick(this.ladders).bodies.group,
        description: `Chaos service gap ${randomUUID()}`,
        initialRisk: risk(),
        targetRisk: { likelihood: 1, consequence: 1 },
      });
      this.gaps.push(gap.id);
      this.counts.gapsRaised += 1;
      return;
    }
    await this.api.call(
      'priorities',
      'POST',
      `/service-gaps/${pick(this.gaps)}/rescore`,
      { currentRisk: risk(), reason: 'Chaos rescore' },
      { accept: [409] },
    );
    this.counts.gapsRescored += 1;
  }

  /**
   * An issue raised by hand. A raise is not idempotent: when the answer is lost, the client
   * looks for its case before it tries again, as a careful client does.
   */
  private async raiseByHand(): Promise<void> {
    const token = randomUUID();
    const body = {
      bodyId: pick(this.ladders).bodies.group,
      title: `Chaos raise ${token}`,
      reason: 'Raised during the fault suite',
    };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      try {
        await this.api.call('workflow', 'POST', '/cases', body, { attempts: 1 });
        break;
      } catch (error) {
        if (error instanceof ApiError && error.status < 500) {
          throw error;
        }
        const found = await this.api
          .get<Page<{ title: string }>>('workflow', `/cases?bodyId=${body.bodyId}&limit=200`)
          .catch(() => undefined);
        if (found?.items.some((item) => item.title === body.title)) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (attempt === 19) {
          throw error;
        }
      }
    }
    this.raised.push(token);
    this.counts.manualRaises += 1;
  }

  /** The next month's lung FDS for an alliance: below target two months in three. */
  private async nextMonth(): Promise<void> {
    const ladder = pick(this.ladders);
    const period = ladder.month;
    const within = Math.random() < 0.66 ? 50 : 99;
    await this.api.post('performance', '/submissions', {
      rows: [
        {
          period,
          standard: 'fds-28',
          orgCode: ladder.provider,
          cancerType: 'Suspected lung cancer',
          route: 'URGENT SUSPECTED CANCER',
          total: 100,
          within,
          breaches: 100 - within,
        },
      ],
    });
    ladder.month = addMonths(period, 1);
    this.counts.months += 1;
  }

  /** A body meets now: everyone present, each item on its agenda decided, the next one booked. */
  private async holdAMeeting(): Promise<void> {
    const ladder = pick(this.ladders);
    const level = pick(['group', 'cag', 'board'] as const);
    const bodyId = ladder.bodies[level];
    // One worker at a time holds a body's meeting: two holding the same one would refuse
    // each other's decisions (409), which is the API right and the workload wrong.
    if (this.meeting.has(bodyId)) {
      return;
    }
    this.meeting.add(bodyId);
    try {
      await this.holdNextMeeting(bodyId, level);
    } finally {
      this.meeting.delete(bodyId);
    }
  }

  private async holdNextMeeting(bodyId: string, level: keyof typeof MEETING_KIND): Promise<void> {
    const meetings = await this.api.get<Page<{ id: string }>>(
      'meetings',
      `/bodies/${bodyId}/meetings?status=scheduled&limit=20`,
    );
    const meeting = meetings.items[0];
    if (!meeting) {
      await this.scheduleMeeting(bodyId, level);
      return;
    }
    const agenda = await this.api.get<{ id: string; externalReference: string | null }[]>(
      'meetings',
      `/meetings/${meeting.id}/agenda`,
    );
    const items = agenda.filter((item) => item.externalReference);
    if (items.length === 0) {
      return;
    }
    const startsAt = new Date(Date.now() - 60_000);
    await this.api.post('meetings', `/meetings/${meeting.id}/reschedule`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    });
    const holders = await this.api.get<{ member: { memberId: string } }[]>(
      'membership',
      `/bodies/${bodyId}/role-holders`,
    );
    const attendance = [...new Set(holders.map((holder) => holder.member.memberId))].map(
      (memberId) => ({ memberId, status: 'present' }),
    );
    await this.api.call('meetings', 'PUT', `/meetings/${meeting.id}/attendance`, { attendance });
    await this.api.call('meetings', 'POST', `/meetings/${meeting.id}/hold`, {}, { accept: [409] });
    for (const item of items) {
      await this.api.call(
        'meetings',
        'POST',
        `/agenda-items/${item.id}/decision`,
        {
          outcome: level === 'board' ? 'resolved' : 'escalated',
          rationale: 'Decided during the fault suite',
          votes: { for: attendance.length, against: 0, abstained: 0 },
        },
        { accept: [409] },
      );
      this.counts.decisions += 1;
    }
    await this.scheduleMeeting(bodyId, level);
  }
}

async function seatLadder(api: ChaosApi, index: number): Promise<ChaosLadder> {
  const code = `CHS${index}`;
  const { id: allianceId } = await api.post<{ id: string }>('membership', '/alliances', {
    code,
    name: `Chaos ${index} Alliance`,
    nation: 'england',
    kind: 'cancer-alliance',
  });
  const body = (kind: string, name: string, specialty?: string) =>
    api
      .post<{ id: string }>('membership', '/bodies', {
        allianceId,
        kind,
        name,
        ...(specialty ? { specialty } : {}),
      })
      .then((created) => created.id);
  const bodies = {
    board: await body('alliance-board', 'Board'),
    cag: await body('clinical-advisory-group', 'CAG'),
    group: await body('tumour-site-group', 'Lung Group', 'lung'),
  };
  for (const [level, bodyId] of Object.entries(bodies)) {
    for (const role of ROLES) {
      const { id: memberId } = await api.post<{ id: string }>('membership', '/members', {
        name: `${code} ${level} ${role}`,
        email: `${role}.${level}.${code.toLowerCase()}@example.org`,
        profession: role === 'secretariat' ? 'manager' : 'doctor',
      });
      await api.post('membership', '/appointments', {
        memberId,
        bodyId,
        role,
        termStart: '2025-04-01',
      });
    }
  }
  const provider = `R${String.fromCharCode(65 + (index % 26))}${index % 10}`;
  await waitFor(
    'performance to know the alliance',
    () =>
      api
        .call('performance', 'PUT', `/providers/${provider}`, {
          allianceId,
          name: `${code} Hospitals NHS Trust`,
        })
        .then(() => true)
        .catch(notYet((status) => status < 500)),
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  return { allianceId, provider, bodies, month: '2026-01' };
}

/**
 * A refusal that means "not known here yet" (a service that has not yet consumed the event that
 * tells it of a body or alliance) is waited out by `waitFor`; anything else fails.
 */
function notYet(known: (status: number) => boolean) {
  return (error: unknown): undefined => {
    if (error instanceof ApiError && known(error.status)) {
      return undefined;
    }
    throw error;
  };
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}
