import type { JoinAuditDto } from '../src/audits/audits.dto.js';
import type { PostCommentDto } from '../src/pathway-comments/pathway-comments.dto.js';
import type { AddVersionDto, CreatePathwayDto } from '../src/pathways/pathways.dto.js';
import type { CreatePriorityDto } from '../src/priorities/priorities.dto.js';
import type { CreateProgrammeDto } from '../src/programmes/programmes.dto.js';
import type { RaiseGapDto } from '../src/service-gaps/service-gaps.dto.js';
import type { RaiseWorkforceRecommendationDto } from '../src/workforce/workforce.dto.js';

/*
 * Request bodies that the API accepts as they are; a test overrides only what matters to it.
 * Each names the body (or alliance) it belongs to, as no default could be a real one.
 */

type For<T, K extends keyof T> = Pick<T, K> & Partial<T>;

export function aPriority(overrides: For<CreatePriorityDto, 'bodyId'>): CreatePriorityDto {
  return {
    title: 'Lung RDP in every trust',
    source: 'alliance',
    category: 'rapid-diagnostic-pathway',
    ...overrides,
  };
}

export function aServiceGap(overrides: For<RaiseGapDto, 'bodyId'>): RaiseGapDto {
  return {
    description: 'No EBUS service in the north of the county',
    organisationsAffected: ['RCX'],
    initialRisk: { likelihood: 3, consequence: 5 },
    targetRisk: { likelihood: 1, consequence: 5 },
    ...overrides,
  };
}

export function aPathway(overrides: For<CreatePathwayDto, 'bodyId'>): CreatePathwayDto {
  return { title: 'Lung optimal pathway', tumourSite: 'lung', scope: 'alliance', ...overrides };
}

/** A pathway version; its document is named after its number unless given. */
export function aVersion(overrides: Partial<AddVersionDto> = {}): AddVersionDto {
  const version = overrides.version ?? '1.0';
  return {
    version,
    documentUrl: `https://example.org/lung-${version}.pdf`,
    changeSummary: `Version ${version}`,
    ...overrides,
  };
}

export function aWorkforceRecommendation(
  overrides: For<RaiseWorkforceRecommendationDto, 'bodyId'>,
): RaiseWorkforceRecommendationDto {
  return {
    staffGroup: 'Lung CNS',
    shortfallWte: 3.4,
    recommendation: 'Fund three shared posts',
    estimatedCost: 210000,
    fundingNeeded: true,
    ...overrides,
  };
}

export function anAudit(overrides: For<JoinAuditDto, 'bodyId'>): JoinAuditDto {
  return { audit: 'National Lung Cancer Audit 2026', organisations: ['RGT', 'RM1'], ...overrides };
}

export function aProgramme(overrides: For<CreateProgrammeDto, 'allianceId'>): CreateProgrammeDto {
  return {
    name: 'Cancer programme',
    firstYear: '2023/24',
    lastYear: '2027/28',
    intendedOutcomes: ['FDS at 80% by March 2026'],
    ...overrides,
  };
}

/** A comment from a patient, anonymous unless a name or e-mail address is given. */
export function aComment(overrides: Partial<PostCommentDto> = {}): PostCommentDto {
  return {
    comment: 'Nobody told me how long the CT result would take',
    relationship: 'patient',
    ...overrides,
  };
}
