import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { PageQuery, Roles, type Page } from '#platform';
import { AuditEntry } from './audit-entry.entity.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'An identifier the write touched (a case, meeting, body…)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  target?: string;

  @ApiPropertyOptional({
    description: 'Who acted: `member:<id>`, `user:<subject>`, `service:<subject>` or `system`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(/^(system|(member|user|service):\S+)$/, {
    message: 'actor must be system, or member:, user: or service: followed by an id',
  })
  actor?: string;
}

/** The service's audit log, newest first, for admins: who did what, to what, when. */
@ApiTags('audit')
@Controller('admin/audit')
export class AuditController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: 'Audit entries matching every filter given, newest first' })
  async entries(@Query() query: AuditQuery): Promise<Page<AuditEntry>> {
    const builder = this.dataSource
      .createQueryBuilder(AuditEntry, 'entry')
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .take(query.limit)
      .skip(query.offset);
    if (query.target !== undefined) {
      // Containment, which the GIN index on targets answers.
      builder.andWhere('entry.targets @> ARRAY[:target]::varchar[]', { target: query.target });
    }
    if (query.actor !== undefined) {
      builder.andWhere('entry.actor = :actor', { actor: query.actor });
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
