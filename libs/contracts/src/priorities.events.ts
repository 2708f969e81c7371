import { z } from 'zod';
import { defineContract, event, KEYED_BY_BODY } from './contract.js';

/**
 * Events of the priorities service: clinical priorities and their RAG status and milestones,
 * service gaps with their NHS 5x5 risk, workforce recommendations and clinical pathways.
 * Events are keyed by the owning body's id, so one body's items stay in order.
 *
 * Published names never change: a new payload shape is a new `.v2` type beside the old one.
 */

const uuid = z.uuid();
const isoDate = z.iso.date();

export const RAG_STATUSES = ['green', 'amber', 'red'] as const;
export const PRIORITY_SOURCES = ['alliance', 'national', 'local'] as const;
export const PRIORITY_CATEGORIES = [
  'rapid-diagnostic-pathway',
  'early-diagnosis',
  'faster-diagnosis',
  'treatment-variation',
  'personalised-care',
  'workforce',
  'prevention',
  'screening',
  'research-and-innovation',
  'other',
] as const;
export const RISK_LEVELS = ['low', 'moderate', 'high', 'extreme'] as const;
export const WORKFORCE_STATUSES = [
  'proposed',
  'endorsed',
  'rejected',
  'funded',
  'implemented',
] as const;
export const PATHWAY_SCOPES = ['national', 'alliance'] as const;
/** A team's answer to a quality measure, and the network's finding where it challenges one. */
export const MEASURE_ANSWERS = ['compliant', 'not-compliant', 'not-applicable'] as const;
export const MEASURE_REVIEW_OUTCOMES = ['agreed', 'challenged'] as const;

/** NHS 5x5 risk: likelihood x consequence, 1 to 25, with its level. */
export const riskScoreSchema = z.object({
  likelihood: z.number().int().min(1).max(5),
  consequence: z.number().int().min(1).max(5),
  score: z.number().int().min(1).max(25),
  level: z.enum(RISK_LEVELS),
});

const owned = z.object({ bodyId: uuid });

/**
 * A body's compliance with a measure set: compliant measures as a share of those that apply
 * (not-applicable measures are left out of the denominator); `percent` is null when none apply.
 */
export const complianceSchema = z.object({
  compliant: z.number().int().min(0),
  notCompliant: z.number().int().min(0),
  notApplicable: z.number().int().min(0),
  percent: z.number().min(0).max(100).nullable(),
  nonCompliantMeasureIds: z.array(z.string().min(1)),
});

/** The assessment an event is about, and the version of the measure set it answers. */
const assessed = owned.extend({
  assessmentId: uuid,
  measureSetId: uuid,
  /** The tumour site or service the set is for, e.g. `lung`. */
  measureSetCode: z.string().min(1),
  measureSetVersion: z.number().int().min(1),
});

export const prioritiesContract = defineContract('priorities', {
  'priorities.priority-created.v1': event(
    owned.extend({
      priorityId: uuid,
      programmeId: uuid.nullable(),
      title: z.string().min(1),
      source: z.enum(PRIORITY_SOURCES),
      category: z.enum(PRIORITY_CATEGORIES),
      rag: z.enum(RAG_STATUSES),
    }),
    {
      summary: 'A clinical priority was created for a body, with its RAG status.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.rag-changed.v1': event(
    owned.extend({
      priorityId: uuid,
      from: z.enum(RAG_STATUSES),
      to: z.enum(RAG_STATUSES),
      reason: z.string().min(1),
      /** The token subject of who set it. */
      setBy: z.string().min(1),
    }),
    {
      summary: "A priority's RAG status changed, with the reason and who set it.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.milestone-missed.v1': event(
    owned.extend({
      priorityId: uuid,
      milestoneId: uuid,
      title: z.string().min(1),
      dueOn: isoDate,
    }),
    {
      summary: "A priority's milestone passed its due date incomplete.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.priority-completed.v1': event(
    owned.extend({ priorityId: uuid, completedOn: isoDate }),
    { summary: 'A priority was completed.', key: ['bodyId'], keyMeaning: KEYED_BY_BODY },
  ),
  'priorities.service-gap-raised.v1': event(
    owned.extend({
      gapId: uuid,
      description: z.string().min(1),
      initialRisk: riskScoreSchema,
      currentRisk: riskScoreSchema,
      targetRisk: riskScoreSchema,
    }),
    {
      summary: 'A service gap was raised with its initial, current and target NHS 5x5 risk.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.risk-rescored.v1': event(
    owned.extend({
      gapId: uuid,
      previousRisk: riskScoreSchema,
      currentRisk: riskScoreSchema,
      reason: z.string().min(1),
    }),
    { summary: "A service gap's risk was rescored.", key: ['bodyId'], keyMeaning: KEYED_BY_BODY },
  ),
  'priorities.workforce-recommendation-raised.v1': event(
    owned.extend({
      recommendationId: uuid,
      staffGroup: z.string().min(1),
      shortfallWte: z.number().nonnegative(),
      estimatedCost: z.number().nonnegative().nullable(),
      fundingNeeded: z.boolean(),
    }),
    {
      summary: 'A workforce recommendation was raised for a staff group.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.workforce-recommendation-status-changed.v1': event(
    owned.extend({
      recommendationId: uuid,
      from: z.enum(WORKFORCE_STATUSES),
      to: z.enum(WORKFORCE_STATUSES),
    }),
    {
      summary: 'A workforce recommendation moved to a new status.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.pathway-published.v1': event(
    owned.extend({
      pathwayId: uuid,
      versionId: uuid,
      tumourSite: z.string().min(1),
      scope: z.enum(PATHWAY_SCOPES),
      version: z.string().min(1),
      publishedOn: isoDate,
      reviewDueOn: isoDate,
      supersedesVersionId: uuid.nullable(),
    }),
    {
      summary: 'A version of a clinical pathway was published.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.pathway-review-due.v1': event(
    owned.extend({
      pathwayId: uuid,
      versionId: uuid,
      reviewDueOn: isoDate,
      daysRemaining: z.number().int().min(0),
    }),
    {
      summary: "A pathway version's review date is near.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.pathway-review-overdue.v1': event(
    owned.extend({
      pathwayId: uuid,
      versionId: uuid,
      reviewDueOn: isoDate,
    }),
    {
      summary: "A pathway version's review date has passed.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.quality-assessment-submitted.v1': event(
    assessed.extend({
      submittedBy: z.string().min(1),
      /** As the team assessed itself. */
      compliance: complianceSchema,
    }),
    {
      summary: "A body's self-assessment against a quality measure set was submitted for review.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.quality-assessment-reviewed.v1': event(
    assessed.extend({
      reviewedBy: z.string().min(1),
      /** Measures whose answer the network challenged, with its own finding. */
      challengedMeasureIds: z.array(z.string().min(1)),
      seriousConcernMeasureIds: z.array(z.string().min(1)),
      /** With the network's findings in place of the challenged answers. */
      compliance: complianceSchema,
    }),
    {
      summary: "The network reviewed a body's quality self-assessment, measure by measure.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'priorities.quality-serious-concern-raised.v1': event(
    assessed.extend({
      measureId: z.string().min(1),
      measureText: z.string().min(1),
      /** The reviewer's account of the concern. */
      comment: z.string().min(1),
      raisedBy: z.string().min(1),
    }),
    {
      summary: 'A network review found a quality measure not met and flagged it a serious concern.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
});
