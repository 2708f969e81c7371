import { z } from 'zod';
import { defineContract, event, KEYED_BY_BODY } from './contract.js';

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
    /**
     * A member's nominated deputy, attending in their place, counts towards quorum for them.
     * Absent (as on terms announced before it was added to v1) means true, the usual provision.
     */
    deputiesCount: z.boolean().optional(),
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

/**
 * What an organisation's code is: an NHS ODS code, or, for a Scottish health board, which ODS
 * does not list, its ONS (GSS) area code (`S08` and six digits).
 */
export const ORGANISATION_CODE_SYSTEMS = ['ods', 'ons'] as const;

/** The code system of an organisation's code: ONS for `S08` and six digits, otherwise ODS. */
export function organisationCodeSystem(code: string): (typeof ORGANISATION_CODE_SYSTEMS)[number] {
  return /^S08\d{6}$/.test(code) ? 'ons' : 'ods';
}

const organisationState = z.object({
  /** The organisation's code, ODS or ONS as `codeSystem` says (the field keeps its first name). */
  odsCode: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(ORGANISATION_TYPES),
  allianceId: uuid.nullable(),
  /**
   * Added to v1 after its first release; absent on earlier events, where
   * organisationCodeSystem(odsCode) gives it.
   */
  codeSystem: z.enum(ORGANISATION_CODE_SYSTEMS).optional(),
});

/** How an identity-provider account came to be linked to a member. */
export const IDENTITY_LINK_SOURCES = ['verified-email', 'admin'] as const;

const identityLink = z.object({
  memberId: uuid,
  /** The identity provider's issuer identifier and the account's subject there. */
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(255),
});

export const membershipContract = defineContract('membership', {
  'membership.alliance-registered.v1': event(allianceState, {
    summary: 'A cancer alliance or network was registered; carries its whole state.',
    key: ['allianceId'],
    keyMeaning: 'the alliance',
  }),
  'membership.alliance-updated.v1': event(allianceState, {
    summary: 'An alliance changed; carries its whole state after the change.',
    key: ['allianceId'],
    keyMeaning: 'the alliance',
  }),
  'membership.organisation-registered.v1': event(organisationState, {
    summary: 'An organisation (trust, site, ICB, health board, practice...) was registered.',
    key: ['odsCode'],
    keyMeaning: 'the organisation, by ODS code',
  }),
  'membership.organisation-updated.v1': event(organisationState, {
    summary: 'An organisation changed; carries its whole state after the change.',
    key: ['odsCode'],
    keyMeaning: 'the organisation, by ODS code',
  }),
  'membership.body-created.v1': event(bodyState, {
    summary:
      'A governance body was created, with its escalation parent, cadence and terms of reference.',
    key: ['bodyId'],
    keyMeaning: 'the body',
  }),
  'membership.body-updated.v1': event(bodyState, {
    summary: 'A governance body changed; carries its whole state after the change.',
    key: ['bodyId'],
    keyMeaning: 'the body',
  }),
  'membership.member-registered.v1': event(memberState, {
    summary: 'A member was registered, with profession and professional registration.',
    key: ['memberId'],
    keyMeaning: 'the member',
  }),
  'membership.member-updated.v1': event(memberState, {
    summary: 'A member changed; carries their whole state after the change.',
    key: ['memberId'],
    keyMeaning: 'the member',
  }),
  'membership.member-identity-linked.v1': event(
    identityLink.extend({ linkedBy: z.enum(IDENTITY_LINK_SOURCES) }),
    {
      summary:
        "An identity provider's account was linked to a member: tokens for that issuer and subject act as the member.",
      key: ['memberId'],
      keyMeaning: 'the member',
    },
  ),
  'membership.member-identity-unlinked.v1': event(identityLink, {
    summary: "An identity provider's account no longer acts as the member.",
    key: ['memberId'],
    keyMeaning: 'the member',
  }),
  'membership.member-appointed.v1': event(
    appointmentRef.extend({
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
    {
      summary: 'A member was appointed to a role on a body for a term.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'membership.appointment-ended.v1': event(
    appointmentRef.extend({
      /** The first day the member no longer holds the role. */
      endedOn: isoDate,
      reason: z.enum(APPOINTMENT_END_REASONS),
    }),
    {
      summary: 'A member stopped holding a role on a body.',
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'membership.role-vacated.v1': event(
    z.object({
      bodyId: uuid,
      role: z.enum(SINGLE_HOLDER_ROLES),
      vacantSince: isoDate,
      previousAppointmentId: uuid.nullable(),
      previousMemberId: uuid.nullable(),
    }),
    {
      summary: "A body's chair or clinical lead role was left with nobody holding it.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
  'membership.term-ending-soon.v1': event(
    appointmentRef.extend({
      termEnd: isoDate,
      daysRemaining: z.number().int().min(0),
    }),
    {
      summary: "An appointment's term ends within the notice period.",
      key: ['bodyId'],
      keyMeaning: KEYED_BY_BODY,
    },
  ),
});
