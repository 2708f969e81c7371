import { z } from 'zod';
import { periodSchema } from './period.js';
import { defineContract, event, KEYED_BY_STANDARD_SUBJECT } from './contract.js';

/**
 * Events of the performance service: cancer waiting-time submissions, and the standards an
 * alliance's tumour site has breached or recovered. Breach and recovery events are keyed by
 * their subject (`<allianceId>:<tumourSite>:<standard>`), so one subject's events stay in order
 * and a consumer keeps one case per subject; submission events are keyed by import.
 *
 * Published names never change: a new payload shape is a new `.v2` type beside the old one.
 */

const uuid = z.uuid();
const period = periodSchema;
const share = z.number().min(0).max(1);

/** England's three standards since October 2023, and Scotland's two. */
export const WAITING_TIME_STANDARDS = [
  'fds-28',
  'combined-31',
  'combined-62',
  'scotland-31',
  'scotland-62',
] as const;
export type WaitingTimeStandard = (typeof WAITING_TIME_STANDARDS)[number];

/** CWT figures are published provisional, then revised as final. */
export const DATA_STATUSES = ['provisional', 'final'] as const;
export type DataStatus = (typeof DATA_STATUSES)[number];

export const SCREENING_PROGRAMMES = ['bowel', 'breast', 'cervical'] as const;

/**
 * The screening measures a target can be set for, one per programme and measure (uptake or
 * coverage) and, for cervical coverage, per age band: each is judged against its own thresholds.
 * Until #20 they were one per programme (`screening-bowel`, ...); the performance migration
 * 1796505836027 renamed them.
 */
export const SCREENING_TARGET_MEASURES = [
  'screening-bowel-uptake',
  'screening-bowel-coverage',
  'screening-breast-uptake',
  'screening-breast-coverage',
  'screening-cervical-uptake',
  'screening-cervical-coverage-25-49',
  'screening-cervical-coverage-50-64',
] as const;
export type ScreeningTargetMeasure = (typeof SCREENING_TARGET_MEASURES)[number];

/** Every measure a target can be set for: the waiting-time standards and the screening measures. */
export const MEASURES = [...WAITING_TIME_STANDARDS, ...SCREENING_TARGET_MEASURES] as const;
export type Measure = (typeof MEASURES)[number];

/** One month of a subject: the counts behind it and the target it was judged against. */
export const monthResultSchema = z.object({
  period,
  total: z.number().min(0),
  within: z.number().min(0),
  breaches: z.number().min(0),
  value: share,
  target: share,
});

const subject = z.object({
  allianceId: uuid,
  allianceCode: z.string().min(1),
  /** The tumour site the CWT cancer types map to, e.g. `lung`. */
  tumourSite: z.string().min(1),
  /** The alliance's network group for the tumour site; null when membership has none. */
  bodyId: uuid.nullable(),
  standard: z.enum(WAITING_TIME_STANDARDS),
});

export const performanceContract = defineContract('performance', {
  /** One per import or API submission, with what it did. */
  'performance.submission-received.v1': event(
    z.object({
      importId: uuid,
      source: z.enum(['csv', 'api']),
      layout: z.enum(['provider-extract', 'monthly-csv']).nullable(),
      fileName: z.string().nullable(),
      periods: z.array(period),
      standards: z.array(z.enum(WAITING_TIME_STANDARDS)),
      rowsRead: z.number().int().min(0),
      rowsImported: z.number().int().min(0),
      rowsRejected: z.number().int().min(0),
      aggregateRows: z.number().int().min(0),
      /** Rows of the same providers and months that this submission replaced. */
      rowsReplaced: z.number().int().min(0),
      /** The token subject of who submitted. */
      submittedBy: z.string().min(1),
    }),
    {
      summary: 'A cancer waiting-times import or API submission was processed, with what it did.',
      key: ['importId'],
      keyMeaning: 'the import',
    },
  ),
  /** Below target for the configured number of consecutive months; announced once. */
  'performance.standard-breached.v1': event(
    subject.extend({
      period,
      value: share,
      target: share,
      /** Target minus value, in share points (0.05 is five percentage points). */
      gap: z.number(),
      monthsToBreach: z.number().int().min(1),
      /** The consecutive months below target, oldest first, with their counts. */
      months: z.array(monthResultSchema).min(1),
    }),
    {
      summary:
        "An alliance's tumour site was below target for the configured consecutive months; announced once.",
      key: ['allianceId', 'tumourSite', 'standard'],
      keyMeaning: KEYED_BY_STANDARD_SUBJECT,
    },
  ),
  /** Back on target after a breach; announced once. */
  'performance.standard-recovered.v1': event(
    subject.extend({
      period,
      value: share,
      target: share,
      /** The month the breach was announced for. */
      breachedPeriod: period.nullable(),
    }),
    {
      summary: "An alliance's tumour site is back on target after a breach; announced once.",
      key: ['allianceId', 'tumourSite', 'standard'],
      keyMeaning: KEYED_BY_STANDARD_SUBJECT,
    },
  ),
  /**
   * Revised figures no longer show a breach that was announced: the breach is withdrawn (not
   * recovered: the months were never below target as now reported). Announced once.
   */
  'performance.standard-breach-withdrawn.v1': event(
    subject.extend({
      /** The month the withdrawn breach was announced for. */
      period,
      /** The import whose figures lifted it, and their status. */
      importId: uuid,
      dataStatus: z.enum(DATA_STATUSES),
      /** The breach's months as now reported, oldest first (months no longer counted are left out). */
      months: z.array(monthResultSchema),
    }),
    {
      summary:
        "Revised figures no longer show a breach announced for an alliance's tumour site; announced once.",
      key: ['allianceId', 'tumourSite', 'standard'],
      keyMeaning: KEYED_BY_STANDARD_SUBJECT,
    },
  ),
});
