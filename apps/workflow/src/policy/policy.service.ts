import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidError, notFound, schemaOf, type Page, type PageQuery } from '#platform';
import { escalationPolicySchema, type EscalationPolicy } from './policy.schema.js';
import { PolicyVersion } from './policy-version.entity.js';
import { readOnce } from '../common/read-once.js';
import { WorkflowPublisher } from '../workflow.publisher.js';

/** The escalation policy's versions: the newest applies to new cases, each case keeps its own. */
@Injectable()
export class PolicyService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowPublisher) private readonly events: WorkflowPublisher,
  ) {}

  /**
   * The newest version. Read once per transaction (as `version` is): a published version is
   * never changed, and opening a case asked for the policy three times.
   */
  current(manager: EntityManager = this.dataSource.manager): Promise<EscalationPolicy> {
    return readOnce(manager, 'policy:current', async () => {
      const [latest] = await manager.find(PolicyVersion, { order: { version: 'DESC' }, take: 1 });
      if (!latest) {
        throw new Error('No escalation policy: the migrations seed version 1');
      }
      const policy = parsed(latest);
      // The newest is also its own version: a case opened on it asks by number next.
      await readOnce(manager, `policy:${latest.version}`, () => Promise.resolve(policy));
      return policy;
    });
  }

  version(
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EscalationPolicy> {
    return readOnce(manager, `policy:${version}`, async () => {
      const row = await manager.findOneBy(PolicyVersion, { version });
      if (!row) {
        throw notFound('Policy version', String(version));
      }
      return parsed(row);
    });
  }

  /** A page of the versions, newest first (the version number is the key). */
  async list(page: PageQuery): Promise<Page<PolicyVersion>> {
    const [items, total] = await this.dataSource.manager.findAndCount(PolicyVersion, {
      order: { version: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total, limit: page.limit, offset: page.offset };
  }

  /** A new version from a whole policy document; its number is the next one, whatever was sent. */
  async publish(document: unknown, createdBy: string): Promise<PolicyVersion> {
    return this.dataSource.transaction(async (manager) => {
      // Two publishers at once must not both take the next number.
      await manager.query(
        `LOCK TABLE "${schemaOf(this.dataSource)}"."policy_version" IN EXCLUSIVE MODE`,
      );
      const [latest] = await manager.find(PolicyVersion, { order: { version: 'DESC' }, take: 1 });
      const version = (latest?.version ?? 0) + 1;
      const parsed = escalationPolicySchema.safeParse({ ...(document as object), version });
      if (!parsed.success) {
        throw new InvalidError(
          parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || '(policy)',
            messages: [issue.message],
          })),
        );
      }
      await this.events.audit(manager, {
        action: 'workflow.policy-published',
        changes: { version, policy: parsed.data },
        targets: [`policy-version:${version}`],
      });
      return manager.save(
        manager.create(PolicyVersion, { version, policy: parsed.data, createdBy }),
      );
    });
  }
}

/** Parsed on the way out, so a version stored before a field was added gets its default. */
function parsed(row: PolicyVersion): EscalationPolicy {
  return escalationPolicySchema.parse(row.policy);
}
