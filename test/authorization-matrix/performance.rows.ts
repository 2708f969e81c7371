import { adminRow, type Row } from './matrix.js';
import type { World } from './world.js';
import { outboxRequeueRow } from './outbox.rows.js';

/**
 * Performance: standards, targets, the reference data and every kind of figure are kept by
 * admins (the alliance's analysts); none of it is about one governance body, so each row has
 * one column. Clinicians and services read.
 */
const code = (unique: string) =>
  unique
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8);

/**
 * An alliance trajectory for a year of its own: trajectories of one measure and scope may not
 * overlap, and each cell of the matrix sets its own (the world's alliance is new each run).
 */
let trajectories = 0;
const aTrajectory = () => {
  const year = 2000 + trajectories;
  trajectories += 1;
  return {
    measure: 'fds-28',
    scopeKind: 'alliance',
    startsOn: `${year}-04`,
    reachBy: `${year + 1}-03`,
    value: 0.8,
    source: 'Alliance trajectory',
  };
};

/** A health board code of the cell's own, as PHS writes one (`S` and eight digits). */
const boardCode = (unique: string) =>
  `S1${(parseInt(unique, 36) % 10_000_000).toString().padStart(7, '0')}`;

/** RGT, the provider the matrix's figures come from, belongs to the world's alliance. */
const mapped = new Map<string, Promise<unknown>>();
const withRgtMapped = (world: World) => {
  let done = mapped.get(world.run);
  if (!done) {
    done = world.asAdmin('performance', 'PUT', '/providers/RGT', {
      allianceId: world.allianceId,
      name: 'Royal Papworth',
    });
    mapped.set(world.run, done);
  }
  return done;
};

const PROVIDER_HEADER =
  'PERIOD,STANDARD,ORG CODE,CANCER TYPE,STAGE/ROUTE,TREATMENT MODALITY,TOTAL,WITHIN STANDARD,BREACHES';

export const performanceRows: Row<World>[] = [
  adminRow('performance', 'PATCH', '/standards/{code}', () => ({
    path: '/standards/combined-62',
    body: { monthsToBreach: 3 },
    target: 'combined-62',
  })),
  adminRow('performance', 'POST', '/targets', ({ world }) => ({
    path: '/targets',
    body: {
      measure: 'fds-28',
      scopeKind: 'alliance',
      scopeValue: world.allianceId,
      value: 0.78,
      effectiveFrom: '2026-01-01',
      source: 'Alliance trajectory 2025/26',
    },
  })),
  adminRow('performance', 'PATCH', '/targets/{id}', async ({ world, unique }) => {
    const id = await world.create('performance', '/targets', {
      measure: 'combined-31',
      scopeKind: 'tumour-site',
      scopeValue: `site-${unique.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
      value: 0.96,
      effectiveFrom: '2025-01-01',
      source: 'National',
    });
    return { path: `/targets/${id}`, body: { source: 'National, amended' }, target: id };
  }),
  adminRow('performance', 'POST', '/trajectories', ({ world }) => ({
    path: '/trajectories',
    body: { ...aTrajectory(), scopeValue: world.allianceId },
  })),
  adminRow('performance', 'PATCH', '/trajectories/{id}', async ({ world }) => {
    const id = await world.create('performance', '/trajectories', {
      ...aTrajectory(),
      scopeValue: world.allianceId,
    });
    return { path: `/trajectories/${id}`, body: { source: 'Alliance, amended' }, target: id };
  }),
  adminRow('performance', 'PUT', '/alliances/{allianceId}/performance-policy', ({ world }) => ({
    path: `/alliances/${world.allianceId}/performance-policy`,
    body: { breachBasis: 'standard', figuresBasis: 'provider' },
    target: world.allianceId,
  })),
  adminRow('performance', 'PUT', '/providers/{odsCode}', ({ world, unique }) => ({
    path: `/providers/P${code(unique)}`,
    body: { allianceId: world.allianceId, name: `Trust ${unique}` },
    target: `P${code(unique)}`,
  })),
  adminRow('performance', 'POST', '/providers/import', ({ world, unique }) => ({
    path: '/providers/import',
    contentType: 'text/csv',
    body: `ORG_CODE,ALLIANCE,NAME\nQ${code(unique)},${world.allianceCode},Trust ${unique}\n`,
    target: `Q${code(unique)}`,
  })),
  adminRow('performance', 'PUT', '/health-boards/{boardCode}', ({ world, unique }) => ({
    path: `/health-boards/${boardCode(unique)}`,
    body: { networkCode: world.allianceCode, name: `Board ${unique}` },
    target: boardCode(unique),
  })),
  adminRow('performance', 'PUT', '/cancer-types', ({ unique }) => ({
    path: '/cancer-types',
    body: { label: `Suspected ${code(unique)} cancer`, tumourSite: 'lung' },
    // The audit log names a cancer type by its label's key.
    target: `SUSPECTED ${code(unique)} CANCER`,
  })),
  adminRow('performance', 'POST', '/cancer-types/import', ({ unique }) => ({
    path: '/cancer-types/import',
    contentType: 'text/csv',
    body: `CANCER TYPE,TUMOUR SITE\nSuspected ${code(unique)} cancer,lung\n`,
    target: `SUSPECTED ${code(unique)} CANCER`,
  })),
  adminRow('performance', 'POST', '/imports', async ({ world, unique }) => {
    await withRgtMapped(world);
    return {
      path: `/imports?fileName=matrix-${code(unique)}.csv`,
      contentType: 'text/csv',
      body: `${PROVIDER_HEADER}\n2026-05,28-day FDS,RGT,Suspected lung cancer,URGENT SUSPECTED CANCER,,10,9,1\n`,
    };
  }),
  adminRow('performance', 'POST', '/submissions', async ({ world }) => {
    await withRgtMapped(world);
    return {
      path: '/submissions',
      body: {
        rows: [
          {
            period: '2026-07',
            standard: 'combined-31',
            orgCode: 'RGT',
            cancerType: 'Lung',
            route: 'First Treatment',
            modality: 'Surgery',
            total: 20,
            within: 20,
            breaches: 0,
          },
        ],
      },
    };
  }),
  adminRow('performance', 'POST', '/detection/run', () => ({
    path: '/detection/run',
    body: {},
  })),
  adminRow('performance', 'PUT', '/screening-uptake', ({ world }) => ({
    path: '/screening-uptake',
    body: {
      rows: [
        {
          allianceId: world.allianceId,
          programme: 'breast',
          period: '2026-03',
          eligible: 1000,
          screened: 750,
        },
      ],
    },
    target: world.allianceId,
  })),
  adminRow('performance', 'PUT', '/treatment-baselines', ({ world }) => ({
    path: '/treatment-baselines',
    body: { rows: [{ allianceId: world.allianceId, tumourSite: 'lung', month: 1, volume: 120 }] },
    target: world.allianceId,
  })),
  adminRow('performance', 'PUT', '/backlog', () => {
    return {
      path: '/backlog',
      body: {
        rows: [
          {
            weekEnding: '2026-03-01',
            orgCode: 'RGT',
            tumourSite: 'lung',
            days0To28: 40,
            days29To62: 20,
            days63To104: 10,
            daysOver104: 2,
          },
        ],
      },
      target: 'RGT',
    };
  }),
  outboxRequeueRow('performance'),
];
