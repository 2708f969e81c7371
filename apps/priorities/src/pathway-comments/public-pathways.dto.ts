import { ApiProperty } from '@nestjs/swagger';
import { PATHWAY_SCOPES } from '#contracts';
import type { VersionStatus } from '../pathways/version-lifecycle.js';

/** The versions anyone may see: those in consultation and the published one. */
export const PUBLIC_VERSION_STATUSES = [
  'consultation',
  'published',
] as const satisfies readonly VersionStatus[];
export type PublicVersionStatus = (typeof PUBLIC_VERSION_STATUSES)[number];

/** The version in force. */
export class PublicPublishedVersionDto {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ example: '2.0' })
  version!: string;

  @ApiProperty()
  documentUrl!: string;

  @ApiProperty()
  changeSummary!: string;

  @ApiProperty({ format: 'date' })
  publishedOn!: string;

  @ApiProperty({ format: 'date' })
  reviewDueOn!: string;
}

/** The version out to consultation, open for comments. */
export class PublicConsultationVersionDto {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ example: '3.0' })
  version!: string;

  @ApiProperty()
  documentUrl!: string;

  @ApiProperty()
  changeSummary!: string;
}

/** A pathway as the public see it: its published version, its version in consultation, or both. */
export class PublicPathwayDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: 'lung' })
  tumourSite!: string;

  @ApiProperty({ enum: PATHWAY_SCOPES })
  scope!: (typeof PATHWAY_SCOPES)[number];

  @ApiProperty({ type: PublicPublishedVersionDto, nullable: true })
  published!: PublicPublishedVersionDto | null;

  @ApiProperty({ type: PublicConsultationVersionDto, nullable: true })
  consultation!: PublicConsultationVersionDto | null;
}

export class PublicPathwaysDto {
  @ApiProperty({ type: [PublicPathwayDto] })
  items!: PublicPathwayDto[];
}

/** A published version, or one in consultation, with its pathway. */
export class PublicPathwayVersionDto {
  @ApiProperty({ format: 'uuid' })
  pathwayId!: string;

  @ApiProperty({ format: 'uuid' })
  bodyId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  tumourSite!: string;

  @ApiProperty({ enum: PATHWAY_SCOPES })
  scope!: (typeof PATHWAY_SCOPES)[number];

  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty()
  version!: string;

  @ApiProperty({ enum: PUBLIC_VERSION_STATUSES })
  status!: PublicVersionStatus;

  @ApiProperty()
  documentUrl!: string;

  @ApiProperty()
  changeSummary!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  publishedOn!: string | null;
}
