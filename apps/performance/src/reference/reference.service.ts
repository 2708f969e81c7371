import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound, type Page } from '#platform';
import { rowProblems, type RowProblem } from '../common/unprocessable-rows.error.js';
import { upsertRows } from '../common/upsert-rows.js';
import { PerformancePublisher } from '../performance.publisher.js';
import { AllianceRef } from './alliance-ref.entity.js';
import { CancerType, cancerTypeKey } from './cancer-type.entity.js';
import type { CsvTable } from './csv-body.js';
import { HealthBoard } from './health-board.entity.js';
import type { MapCancerTypeDto, MapProviderDto, ProviderQuery } from './reference.dto.js';
import { Provider } from './provider.entity.js';

const ODS_CODE = /^[A-Z0-9]{1,9}$/;
const SITE = /^[a-z0-9-]{2,60}$/;

/**
 * The reference data that turns submissions into alliance and tumour-site figures: providers
 * to alliances, CWT cancer types to tumour sites. An edit applies to data already imported,
 * since performance is computed through the mapping when asked.
 */
@Injectable()
export class ReferenceService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PerformancePublisher) private readonly events: PerformancePublisher,
  ) {}

  /** A page of providers by ODS code (their key, so the order is stable). */
  async providers(query: ProviderQuery): Promise<Page<Provider>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Provider, {
      where: query.allianceId ? { allianceId: query.allianceId } : {},
      order: { odsCode: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async mapProvider(odsCode: string, dto: MapProviderDto): Promise<Provider> {
    const code = odsCode.toUpperCase();
    if (!ODS_CODE.test(code)) {
      throw rowProblems([{ line: 0, problem: `invalid ODS code "${odsCode}"` }]);
    }
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(HealthBoard, { boardCode: code })) {
        throw rowProblems([{ line: 0, problem: boardProblem(code) }]);
      }
      if (dto.allianceId && !(await manager.existsBy(AllianceRef, { id: dto.allianceId }))) {
        throw notFound('Alliance', dto.allianceId);
      }
      const existing = await manager.findOneBy(Provider, { odsCode: code });
      await manager.upsert(
        Provider,
        {
          odsCode: code,
          allianceId: dto.allianceId,
          name: dto.name ?? existing?.name ?? null,
          source: 'admin',
        },
        ['odsCode'],
      );
      await this.events.audit(manager, {
        action: 'performance.provider-mapped',
        changes: { odsCode: code, ...dto },
        targets: [code, ...(dto.allianceId ? [dto.allianceId] : [])],
      });
      return manager.findOneByOrFail(Provider, { odsCode: code });
    });
  }

  /** `ORG_CODE` (or `ODS CODE`), `ALLIANCE` (its code or id, empty for none), optional `NAME`; all or nothing. */
  async loadProviders({ header, rows }: CsvTable): Promise<{ loaded: number }> {
    const column = columns(
      header,
      {
        code: ['ORG CODE', 'ODS CODE'],
        alliance: ['ALLIANCE', 'ALLIANCE CODE', 'ALLIANCE ID'],
        name: ['NAME', 'ORG NAME'],
      },
      ['code', 'alliance'],
    );
    return this.dataSource.transaction(async (manager) => {
      const alliances = await manager.find(AllianceRef);
      const byCodeOrId = new Map(
        alliances.flatMap(
          (a) =>
            [
              [a.code.toUpperCase(), a.id],
              [a.id, a.id],
            ] as const,
        ),
      );
      const boards = new Set((await manager.find(HealthBoard)).map((board) => board.boardCode));
      const problems: RowProblem[] = [];
      const values: Partial<Provider>[] = [];
      const seen = new Map<string, number>();
      for (const { line, cells } of rows) {
        const code = (cells[column.code] ?? '').toUpperCase();
        const alliance = cells[column.alliance] ?? '';
        const allianceId =
          alliance === ''
            ? null
            : (byCodeOrId.get(alliance.toUpperCase()) ?? byCodeOrId.get(alliance));
        if (!ODS_CODE.test(code)) {
          problems.push({ line, problem: `invalid ODS code "${cells[column.code] ?? ''}"` });
        } else if (boards.has(code)) {
          problems.push({ line, problem: boardProblem(code) });
        } else if (allianceId === undefined) {
          problems.push({ line, problem: `no alliance "${alliance}" is known` });
        } else if (seen.has(code)) {
          problems.push({ line, problem: `${code} is already mapped on line ${seen.get(code)}` });
        } else {
          seen.set(code, line);
          const name = column.name === undefined ? '' : (cells[column.name] ?? '');
          values.push({
            odsCode: code,
            allianceId,
            name: name === '' ? null : name.slice(0, 200),
            source: 'admin',
          });
        }
      }
      if (problems.length > 0) {
        throw rowProblems(problems);
      }
      await upsertRows(manager, Provider, values, ['odsCode']);
      await this.events.audit(manager, {
        action: 'performance.providers-loaded',
        changes: { rows: values.length },
        targets: values.map((value) => value.odsCode!),
      });
      return { loaded: values.length };
    });
  }

  cancerTypes(): Promise<CancerType[]> {
    return this.dataSource.manager.find(CancerType, { order: { tumourSite: 'ASC', label: 'ASC' } });
  }

  async mapCancerType(dto: MapCancerTypeDto): Promise<CancerType> {
    const key = cancerTypeKey(dto.label);
    const cancerType = { key, label: dto.label.trim(), tumourSite: dto.tumourSite };
    return this.dataSource.transaction(async (manager) => {
      await manager.upsert(CancerType, cancerType, ['key']);
      await this.events.audit(manager, {
        action: 'performance.cancer-type-mapped',
        changes: cancerType,
        targets: [key],
      });
      return manager.findOneByOrFail(CancerType, { key });
    });
  }

  /** `CANCER TYPE`, `TUMOUR SITE` (empty when it is no site); all or nothing. */
  async loadCancerTypes({ header, rows }: CsvTable): Promise<{ loaded: number }> {
    const column = columns(header, { label: ['CANCER TYPE'], site: ['TUMOUR SITE', 'SITE'] }, [
      'label',
      'site',
    ]);
    const problems: RowProblem[] = [];
    const values: Partial<CancerType>[] = [];
    const seen = new Map<string, number>();
    for (const { line, cells } of rows) {
      const label = cells[column.label] ?? '';
      const site = (cells[column.site] ?? '').toLowerCase();
      const key = cancerTypeKey(label);
      if (label === '' || label.length > 200) {
        problems.push({ line, problem: 'a cancer type is 1 to 200 characters' });
      } else if (site !== '' && !SITE.test(site)) {
        problems.push({
          line,
          problem: `invalid tumour site "${cells[column.site] ?? ''}" (lower case, such as lung)`,
        });
      } else if (seen.has(key)) {
        problems.push({ line, problem: `"${label}" is already mapped on line ${seen.get(key)}` });
      } else {
        seen.set(key, line);
        values.push({ key, label, tumourSite: site === '' ? null : site });
      }
    }
    if (problems.length > 0) {
      throw rowProblems(problems);
    }
    await this.dataSource.transaction(async (manager) => {
      await upsertRows(manager, CancerType, values, ['key']);
      await this.events.audit(manager, {
        action: 'performance.cancer-types-loaded',
        changes: { rows: values.length },
        targets: values.map((value) => value.key!),
      });
    });
    return { loaded: values.length };
  }
}

/** A board's network is the health_board table's to say, so an import cannot undo an edit. */
function boardProblem(code: string): string {
  return `${code} is a health board: map it to its network with PUT /health-boards/${code}`;
}

/** Finds each named column by its accepted spellings; a missing required one is a 422 on line 1. */
function columns<K extends string, R extends K>(
  header: readonly string[],
  spellings: Record<K, readonly string[]>,
  required: readonly R[],
): Record<R, number> & Partial<Record<K, number>> {
  const found = {} as Record<R, number> & Partial<Record<K, number>>;
  for (const [key, names] of Object.entries(spellings) as [K, readonly string[]][]) {
    const index = header.findIndex((column) => names.includes(column));
    if (index >= 0) {
      (found as Partial<Record<K, number>>)[key] = index;
    }
  }
  const missing = required.filter(
    (key) => (found as Partial<Record<K, number>>)[key] === undefined,
  );
  if (missing.length > 0) {
    throw rowProblems(
      missing.map((key) => ({ line: 1, problem: `no ${spellings[key].join(' or ')} column` })),
    );
  }
  return found;
}
