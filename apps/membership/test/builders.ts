import { randomUUID } from 'node:crypto';
import type { RegisterAllianceDto } from '../src/alliances/alliances.dto.js';
import type { AppointDto } from '../src/appointments/appointments.dto.js';
import type { CreateBodyDto } from '../src/bodies/bodies.dto.js';
import type { RegisterMemberDto } from '../src/members/members.dto.js';
import type { RegisterOrganisationDto } from '../src/organisations/organisations.dto.js';

/**
 * Request bodies for the membership API, well formed by default: a test passes only what
 * matters to it. Plain objects typed by the API's DTOs, so a renamed field fails to compile.
 */

/** An alliance code no other test run uses (2 to 20 capitals, digits or hyphens). */
export function uniqueAllianceCode(): string {
  return `T${randomUUID().slice(0, 6).toUpperCase()}`;
}

export function anAlliance(overrides: Partial<RegisterAllianceDto> = {}): RegisterAllianceDto {
  const code = overrides.code ?? uniqueAllianceCode();
  return {
    code,
    name: `${code} Cancer Alliance`,
    nation: 'england',
    kind: 'cancer-alliance',
    ...overrides,
  };
}

export function anOrganisation(
  overrides: Partial<RegisterOrganisationDto> = {},
): RegisterOrganisationDto {
  return { odsCode: 'RGT', type: 'acute-trust', name: 'A trust', ...overrides };
}

/** A body of the alliance; a tumour-site group on lung unless `kind` says otherwise. */
export function aBody(
  overrides: Partial<CreateBodyDto> & Pick<CreateBodyDto, 'allianceId'>,
): CreateBodyDto {
  const kind = overrides.kind ?? 'tumour-site-group';
  return {
    kind,
    name: BODY_NAMES[kind],
    ...(kind === 'tumour-site-group' ? { specialty: 'lung' } : {}),
    ...overrides,
  };
}

const BODY_NAMES: Record<CreateBodyDto['kind'], string> = {
  'tumour-site-group': 'Lung Cancer Network Group',
  'cross-cutting-group': 'Cross-cutting Group',
  'operational-delivery-group': 'Operational Delivery Group',
  'clinical-advisory-group': 'Clinical Advisory Group',
  'alliance-board': 'Alliance Board',
};

/** A doctor with no registration or organisation, at an e-mail address of its own. */
export function aMember(overrides: Partial<RegisterMemberDto> = {}): RegisterMemberDto {
  return {
    name: 'Dr Test Member',
    email: `member.${randomUUID().slice(0, 8)}@example.org`,
    profession: 'doctor',
    ...overrides,
  };
}

/** An open-ended appointment as a member of the body, from 1 April 2025. */
export function anAppointment(
  overrides: Partial<AppointDto> & Pick<AppointDto, 'memberId' | 'bodyId'>,
): AppointDto {
  return { role: 'member', termStart: '2025-04-01', ...overrides };
}
