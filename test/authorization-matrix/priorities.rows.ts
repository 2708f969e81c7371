import { adminRow, CALLERS, CHAIR_OR_LEAD, only, type Row } from './matrix.js';
import type { World } from './world.js';
import { outboxRequeueRow } from './outbox.rows.js';

/**
 * Priorities: a body's priorities, milestones, service gaps, pathways, workforce
 * recommendations and audits are written by its chair or clinical lead as of today, or an admin
 * (OwnerAccessService; each controller says so). Another body's records are refused (403).
 * Programmes belong to an alliance and are set up by admins. Anyone comments on a pathway in
 * consultation (a public route); the comments are read by the body's chair, clinical lead or
 * secretariat, or an admin. Quality measure sets are published by admins; a body's
 * self-assessment is answered and submitted by its members (any seat but an observer's) and
 * reviewed by an officer of its escalation parent who does not sit on it, or an admin (no
 * caller here sits on the parent, so an admin alone).
 */
const OWNER_RULE = "the owning body's chair or clinical lead as of today, or an admin";

function ownerRow(method: 'POST', path: string, build: Row<World>['build']): Row<World> {
  return {
    service: 'priorities',
    method,
    path,
    scope: 'body',
    expected: { own: only(CHAIR_OR_LEAD), other: only(['admin']) },
    rule: OWNER_RULE,
    build,
  };
}

const aPriority = (world: World, bodyId: string) =>
  world.create('priorities', '/priorities', {
    bodyId,
    title: 'Lung RDP in every trust',
    source: 'alliance',
    category: 'rapid-diagnostic-pathway',
  });

// A low risk, so that no escalation is triggered by the matrix's gaps.
const aGap = (bodyId: string) => ({
  bodyId,
  description: 'No EBUS service in the north of the county',
  organisationsAffected: ['RCX'],
  initialRisk: { likelihood: 2, consequence: 2 },
  targetRisk: { likelihood: 1, consequence: 2 },
});

const aPathway = (bodyId: string) => ({
  bodyId,
  title: 'Lung optimal pathway',
  tumourSite: 'lung',
  scope: 'alliance',
});

const aVersion = (version: string) => ({
  version,
  documentUrl: `https://example.org/lung-${version}.pdf`,
  changeSummary: `Version ${version}`,
});

const aRecommendation = (bodyId: string) => ({
  bodyId,
  staffGroup: 'Lung CNS',
  shortfallWte: 1.5,
  recommendation: 'Fund a shared post',
  estimatedCost: 60000,
  fundingNeeded: false,
});

const anAudit = (bodyId: string) => ({
  bodyId,
  audit: 'National Lung Cancer Audit 2026',
  organisations: ['RGT'],
});

async function aVersionOf(world: World, bodyId: string): Promise<string> {
  const pathwayId = await world.create('priorities', '/pathways', aPathway(bodyId));
  return world.create('priorities', `/pathways/${pathwayId}/versions`, aVersion('1.0'));
}

/** A version of a new pathway of the body, out to consultation. */
async function aConsultationOf(world: World, bodyId: string): Promise<string> {
  const id = await aVersionOf(world, bodyId);
  await world.asAdmin('priorities', 'POST', `/pathway-versions/${id}/advance`, {
    status: 'consultation',
  });
  return id;
}

const aComment = {
  comment: 'Nobody told me how long the CT result would take',
  relationship: 'patient',
};

/** A fresh measure set of two measures, so that each cell's body may assess against it. */
const aMeasureSet = (world: World, unique: string) =>
  world.create('priorities', '/measure-sets', {
    code: `matrix-${unique}`,
    title: 'Matrix measures',
    measures: [
      { id: 'M-1', text: 'The team has a named clinical lead', evidence: 'The job plan' },
      { id: 'M-2', text: 'The team meets weekly', evidence: 'Attendance records' },
    ],
  });

const allAnswered = [
  { measureId: 'M-1', answer: 'compliant', evidenceUrl: 'https://example.org/job-plan.pdf' },
  { measureId: 'M-2', answer: 'not-compliant', comment: 'Fortnightly at present' },
];

/** A body's assessment against a fresh set, answered in full, submitted when asked. */
async function anAssessment(
  world: World,
  bodyId: string,
  unique: string,
  submitted = false,
): Promise<string> {
  const measureSetId = await aMeasureSet(world, unique);
  const id = await world.create('priorities', '/quality-assessments', {
    bodyId,
    measureSetId,
    answers: allAnswered,
  });
  if (submitted) {
    await world.asAdmin('priorities', 'POST', `/quality-assessments/${id}/submit`, {});
  }
  return id;
}

const BODY_MEMBERS = only(['admin', 'chair', 'clinical-lead', 'secretariat', 'member']);
const MEMBERS_RULE = "the body's members seated today, any seat but an observer's, or an admin";

function memberRow(path: string, build: Row<World>['build']): Row<World> {
  return {
    service: 'priorities',
    method: 'POST',
    path,
    scope: 'body',
    expected: { own: BODY_MEMBERS, other: only(['admin']) },
    rule: MEMBERS_RULE,
    build,
  };
}

export const prioritiesRows: Row<World>[] = [
  ownerRow('POST', '/priorities', ({ bodyId }) => ({
    path: '/priorities',
    body: {
      bodyId,
      title: 'Faster diagnosis for lung',
      source: 'national',
      category: 'faster-diagnosis',
    },
  })),
  ownerRow('POST', '/priorities/{id}/rag', async ({ world, bodyId }) => {
    const id = await aPriority(world, bodyId);
    // Amber, not red: red would open an escalation case.
    return {
      path: `/priorities/${id}/rag`,
      body: { rag: 'amber', reason: 'Two trusts late' },
      target: id,
    };
  }),
  ownerRow('POST', '/priorities/{id}/milestones', async ({ world, bodyId }) => {
    const id = await aPriority(world, bodyId);
    return {
      path: `/priorities/${id}/milestones`,
      body: { title: 'RDP live in all trusts', dueOn: '2027-06-30' },
      target: id,
    };
  }),
  ownerRow('POST', '/priorities/{id}/complete', async ({ world, bodyId }) => {
    const id = await aPriority(world, bodyId);
    return { path: `/priorities/${id}/complete`, body: {}, target: id };
  }),
  ownerRow('POST', '/milestones/{id}/met', async ({ world, bodyId }) => {
    const priorityId = await aPriority(world, bodyId);
    const id = await world.create('priorities', `/priorities/${priorityId}/milestones`, {
      title: 'Business case approved',
      dueOn: '2027-06-30',
    });
    return { path: `/milestones/${id}/met`, body: {}, target: id };
  }),
  ownerRow('POST', '/service-gaps', ({ bodyId }) => ({
    path: '/service-gaps',
    body: aGap(bodyId),
  })),
  ownerRow('POST', '/service-gaps/{id}/rescore', async ({ world, bodyId }) => {
    const id = await world.create('priorities', '/service-gaps', aGap(bodyId));
    return {
      path: `/service-gaps/${id}/rescore`,
      body: { currentRisk: { likelihood: 1, consequence: 2 }, reason: 'Mobile EBUS agreed' },
      target: id,
    };
  }),
  ownerRow('POST', '/service-gaps/{id}/status', async ({ world, bodyId }) => {
    const id = await world.create('priorities', '/service-gaps', aGap(bodyId));
    return { path: `/service-gaps/${id}/status`, body: { status: 'mitigated' }, target: id };
  }),
  ownerRow('POST', '/pathways', ({ bodyId }) => ({
    path: '/pathways',
    body: aPathway(bodyId),
  })),
  ownerRow('POST', '/pathways/{id}/versions', async ({ world, bodyId }) => {
    const id = await world.create('priorities', '/pathways', aPathway(bodyId));
    return { path: `/pathways/${id}/versions`, body: aVersion('2.0'), target: id };
  }),
  ownerRow('POST', '/pathway-versions/{id}/advance', async ({ world, bodyId }) => {
    const id = await aVersionOf(world, bodyId);
    return {
      path: `/pathway-versions/${id}/advance`,
      body: { status: 'consultation' },
      target: id,
    };
  }),
  ownerRow('POST', '/pathway-versions/{id}/publish', async ({ world, bodyId }) => {
    const id = await aVersionOf(world, bodyId);
    for (const status of ['consultation', 'approved']) {
      await world.asAdmin('priorities', 'POST', `/pathway-versions/${id}/advance`, { status });
    }
    return { path: `/pathway-versions/${id}/publish`, body: {}, target: id };
  }),
  {
    service: 'priorities',
    method: 'POST',
    path: '/public/pathway-versions/{id}/comments',
    scope: 'body',
    expected: { own: only(CALLERS), other: only(CALLERS) },
    rule: 'public: anyone comments on a version in consultation, with a token or without',
    build: async ({ world, bodyId }) => ({
      path: `/public/pathway-versions/${await aConsultationOf(world, bodyId)}/comments`,
      body: aComment,
    }),
  },
  {
    service: 'priorities',
    method: 'POST',
    path: '/pathway-comments/{id}/read',
    scope: 'body',
    expected: {
      own: only(['admin', 'chair', 'clinical-lead', 'secretariat']),
      other: only(['admin']),
    },
    rule: "the comment's body's chair, clinical lead or secretariat as of today, or an admin",
    build: async ({ world, bodyId }) => {
      const versionId = await aConsultationOf(world, bodyId);
      const id = await world.create(
        'priorities',
        `/public/pathway-versions/${versionId}/comments`,
        aComment,
      );
      return { path: `/pathway-comments/${id}/read`, body: {}, target: id };
    },
  },
  ownerRow('POST', '/workforce-recommendations', ({ bodyId }) => ({
    path: '/workforce-recommendations',
    body: aRecommendation(bodyId),
  })),
  ownerRow('POST', '/workforce-recommendations/{id}/status', async ({ world, bodyId }) => {
    const id = await world.create(
      'priorities',
      '/workforce-recommendations',
      aRecommendation(bodyId),
    );
    return {
      path: `/workforce-recommendations/${id}/status`,
      body: { status: 'endorsed' },
      target: id,
    };
  }),
  ownerRow('POST', '/audits', ({ bodyId }) => ({ path: '/audits', body: anAudit(bodyId) })),
  ownerRow('POST', '/audits/{id}/status', async ({ world, bodyId }) => {
    const id = await world.create('priorities', '/audits', anAudit(bodyId));
    return { path: `/audits/${id}/status`, body: { status: 'collecting' }, target: id };
  }),
  adminRow(
    'priorities',
    'POST',
    '/programmes',
    ({ world, unique }) => ({
      path: '/programmes',
      body: {
        allianceId: world.allianceId,
        name: `Programme ${unique}`,
        firstYear: '2023/24',
        lastYear: '2027/28',
      },
    }),
    "admin only; an alliance's, about no body, so one column",
  ),
  adminRow('priorities', 'POST', '/admin/daily-check', () => ({
    path: '/admin/daily-check',
    body: {},
  })),
  adminRow(
    'priorities',
    'POST',
    '/measure-sets',
    ({ unique }) => ({
      path: '/measure-sets',
      body: {
        code: `matrix-${unique}`,
        title: 'Matrix measures',
        measures: [{ id: 'M-1', text: 'The team meets weekly', evidence: 'Attendance records' }],
      },
    }),
    'admin only: measure sets are reference data, about no body, so one column',
  ),
  memberRow('/quality-assessments', async ({ world, bodyId, unique }) => ({
    path: '/quality-assessments',
    body: { bodyId, measureSetId: await aMeasureSet(world, unique) },
  })),
  memberRow('/quality-assessments/{id}/answers', async ({ world, bodyId, unique }) => {
    const id = await anAssessment(world, bodyId, unique);
    return {
      path: `/quality-assessments/${id}/answers`,
      body: {
        answers: [
          { measureId: 'M-2', answer: 'compliant', evidenceUrl: 'https://example.org/a.pdf' },
        ],
      },
      target: id,
    };
  }),
  memberRow('/quality-assessments/{id}/submit', async ({ world, bodyId, unique }) => {
    const id = await anAssessment(world, bodyId, unique);
    return { path: `/quality-assessments/${id}/submit`, body: {}, target: id };
  }),
  {
    service: 'priorities',
    method: 'POST',
    path: '/quality-assessments/{id}/review',
    scope: 'body',
    expected: { own: only(['admin']), other: only(['admin']) },
    rule: "an officer of the body's escalation parent not seated on the body, or an admin: here, an admin",
    build: async ({ world, bodyId, unique }) => {
      const id = await anAssessment(world, bodyId, unique, true);
      // Agreed, with no serious concern: a concern would open an escalation case.
      return {
        path: `/quality-assessments/${id}/review`,
        body: { reviews: [{ measureId: 'M-2', outcome: 'agreed' }] },
        target: id,
      };
    },
  },
  outboxRequeueRow('priorities'),
];
