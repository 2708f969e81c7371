import { z } from 'zod';
import { defineContract } from './contract.js';

/**
 * Events of the membership service: who the governance bodies are, who sits on them in
 * which role, and where an issue goes when a body cannot resolve it. Every body and member
 * event carries the whole state after the change, so a consumer reading the topic from the
 * start rebuilds each body's chair, clinical lead, members and escalation parent.
 *
 * Published names never change: a new payload shape is a new `.v2` type beside the old one.
 */

const isoDate = z.iso.date();
const uuid = z.uuid();

export const NATIONS = ['england', 'scotland', 'wales', 'northern-ireland'] as const;
export const ALLIANCE_KINDS = ['cancer-alliance', 'regional-network', 'national-network'] as const;
export const ORGANISATION_TYPES = [
  'acute-trust',
  'trust-site',
  'integrated-care-board',
  'health-board',
  'primary-care-network',
  'gp-practice',
  'hospice',
  'other',
] as const;
export const BODY_KINDS = [
  'tumour-site-group',
  'cross-cutting-group',
  'operational-delivery-group',
  'clinical-advisory-group',
  'alliance-board',
] as const;
export const MEETING_CADENCES = [
  'monthly',
  'bimonthly',
  'quarterly',
  'biannual',
  'annual',
] as const;
export const APPOINTMENT_ROLES = [
  'chair',
  'deputy-chair',
  'clinical-lead',
  'member',
  'patient-representative',
  'secretariat',
  'observer',
] as const;
/** Roles a body holds one at a time; leaving one empty is announced as role vacated. */
export const SINGLE_HOLDER_ROLES = ['chair', 'clinical-lead'] as const;
export const PROFESSIONS = [
  'doctor',
  'nurse',
  'allied-health-professional',
  'pharmacist',
  'healthcare-scientist',
  'manager',
  'commissioner',
  'patient-representative',
  'carer-representative',
  'other',
] as const;
export const APPOINTMENT_END_REASONS = ['stood-down', 'succeeded', 'term-ended'] as const;

export const termsOfReferenceSchema = z.object({
  quorum: z.object({
    /** The chair or a deputy chair must be present. */
    chairOrDeputy: z.boolean(),
    /** Fraction of current voting members that must be present, e.g. 1/3. */
    minimumFraction: z.number().min(0).max(1),
    /** At least one registered clinician present. */
    requireClinician: z.boolean(),
  }),
  /** Papers go out this many days before a meeting. */
  papersDueDaysBefore: z.number().int().min(0).max(60),
  reviewedOn: isoDate.nullable(),
});

const bodyState = z.object({
  bodyId: uuid,
  allianceId: uuid,
  kind: z.enum(BODY_KINDS),
  name: z.string().min(1),
  specialty: z.string().nullable(),
  /** Where an issue goes when this body cannot resolve it; null for an Alliance Board. */
  parentBodyId: uuid.nullable(),
  meetingCadence: z.enum(MEETING_CADENCES),
  termsOfReference: termsOfReferenceSchema,
  guidance: z.array(z.object({ title: z.string().min(1), url: z.url() })),
});

const memberState = z.object({
  memberId: uuid,
  name: z.string().min(1),
  email: z.email(),
  organisationOdsCode: z.string().nullable(),
  profession: z.enum(PROFESSIONS),
  /** A registered clinician (counts towards a clinical quorum). */
  clinician: z.boolean(),
  registration: z
    .object({ register: z.enum(['gmc', 'nmc']), number: z.string().min(1) })
    .nullable(),
});

const appointmentRef = z.object({
  appointmentId: uuid,
  memberId: uuid,
  bodyId: uuid,
  role: z.enum(APPOINTMENT_ROLES),
});

const allianceState = z.object({
  allianceId: uuid,
  code: z.string().min(1),
  name: z.string().min(1),
  nation: z.enum(NATIONS),
  kind: z.enum(ALLIANCE_KINDS),
});

const organisationState = z.object({
  odsCode: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(ORGANISATION_TYPES),
  allianceId: uuid.nullable(),
});

export const membershipContract = defineContract('membership', {
  'membership.alliance-registered.v1': allianceState,
  'membership.alliance-updated.v1': allianceState,
  'membership.organisation-registered.v1': organisationState,
  'membership.organisation-updated.v1': organisationState,
  'membership.body-created.v1': bodyState,
  'membership.body-updated.v1': bodyState,
  'membership.member-registered.v1': memberState,
  'membership.member-updated.v1': memberState,
  'membership.member-appointed.v1': appointmentRef.extend({
    termStart: isoDate,
    /** Last day of the term; null when open-ended. */
    termEnd: isoDate.nullable(),
    agreedTime: z
      .object({
        unit: z.enum(['hours-per-week', 'programmed-activities-per-week']),
        amount: z.number().positive(),
      })
      .nullable(),
    /** The appointment this one succeeds (a chair or clinical lead replaced). */
    succeedsAppointmentId: uuid.nullable(),
  }),
  'membership.appointment-ended.v1': appointmentRef.extend({
    /** The first day the member no longer holds the role. */
    endedOn: isoDate,
    reason: z.enum(APPOINTMENT_END_REASONS),
  }),
  'membership.role-vacated.v1': z.object({
    bodyId: uuid,
    role: z.enum(SINGLE_HOLDER_ROLES),
    vacantSince: isoDate,
    previousAppointmentId: uuid.nullable(),
    previousMemberId: uuid.nullable(),
  }),
  'membership.term-ending-soon.v1': appointmentRef.extend({
    termEnd: isoDate,
    daysRemaining: z.number().int().min(0),
  }),
});
