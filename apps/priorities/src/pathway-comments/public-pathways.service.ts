import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { BodyView } from '#membership-view';
import { notFound } from '#platform';
import { PathwayVersion } from '../pathways/pathway-version.entity.js';
import { Pathway } from '../pathways/pathway.entity.js';
import {
  PUBLIC_VERSION_STATUSES,
  type PublicPathwayDto,
  type PublicPathwaysDto,
  type PublicPathwayVersionDto,
  type PublicVersionStatus,
} from './public-pathways.dto.js';

/** A version anyone may see, with its pathway. */
export interface PublicVersion {
  readonly version: PathwayVersion & { status: PublicVersionStatus };
  readonly pathway: Pathway;
}

const isPublic = (version: PathwayVersion): version is PublicVersion['version'] =>
  (PUBLIC_VERSION_STATUSES as readonly string[]).includes(version.status);

/**
 * What members of the public see of a body's pathways, without signing in: the published version
 * and the version in consultation. Drafts, approved versions waiting to be published and
 * superseded ones are not shown, and a request for one is answered as for an unknown id.
 */
@Injectable()
export class PublicPathwaysService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async forBody(bodyId: string): Promise<PublicPathwaysDto> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(BodyView, { id: bodyId }))) {
      throw notFound('Body', bodyId);
    }
    const versions = await manager
      .createQueryBuilder(PathwayVersion, 'v')
      .innerJoin(Pathway, 'p', 'p.id = v.pathway_id')
      .where('p.body_id = :bodyId', { bodyId })
      .andWhere('v.status IN (:...statuses)', { statuses: PUBLIC_VERSION_STATUSES })
      // Newest first, so a pathway with two versions in consultation shows the newer.
      .orderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .getMany();
    if (versions.length === 0) {
      return { items: [] };
    }
    const pathways = await manager.find(Pathway, {
      where: { id: In([...new Set(versions.map((v) => v.pathwayId))]) },
      order: { title: 'ASC', id: 'ASC' },
    });
    return {
      items: pathways.map((pathway) => publicPathway(pathway, versions)),
    };
  }

  async version(id: string): Promise<PublicPathwayVersionDto> {
    const { version, pathway } = await this.find(this.dataSource.manager, id);
    return {
      pathwayId: pathway.id,
      bodyId: pathway.bodyId,
      title: pathway.title,
      tumourSite: pathway.tumourSite,
      scope: pathway.scope,
      versionId: version.id,
      version: version.version,
      status: version.status,
      documentUrl: version.documentUrl,
      changeSummary: version.changeSummary,
      publishedOn: version.publishedOn,
    };
  }

  /**
   * A version anyone may see, read through `manager`; 404 for any other, as for an unknown id.
   * `lock` holds its status (a share lock) until the transaction ends.
   */
  async find(manager: EntityManager, id: string, lock = false): Promise<PublicVersion> {
    const version = await manager.findOne(PathwayVersion, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!version || !isPublic(version)) {
      throw notFound('Pathway version', id);
    }
    const pathway = await manager.findOneByOrFail(Pathway, { id: version.pathwayId });
    return { version, pathway };
  }
}

function publicPathway(pathway: Pathway, versions: PathwayVersion[]): PublicPathwayDto {
  const own = versions.filter((v) => v.pathwayId === pathway.id);
  const published = own.find((v) => v.status === 'published');
  const consultation = own.find((v) => v.status === 'consultation');
  return {
    id: pathway.id,
    title: pathway.title,
    tumourSite: pathway.tumourSite,
    scope: pathway.scope,
    published: published
      ? {
          versionId: published.id,
          version: published.version,
          documentUrl: published.documentUrl,
          changeSummary: published.changeSummary,
          // A published version always has both dates (PathwaysService.publish sets them).
          publishedOn: published.publishedOn!,
          reviewDueOn: published.reviewDueOn!,
        }
      : null,
    consultation: consultation
      ? {
          versionId: consultation.id,
          version: consultation.version,
          documentUrl: consultation.documentUrl,
          changeSummary: consultation.changeSummary,
        }
      : null,
  };
}
