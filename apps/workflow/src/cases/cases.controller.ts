import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SeatAccessService } from '#membership-view';
import { Clock, CurrentUser, Roles, type Principal, ParseUuidPipe } from '#platform';
import { CaseHistoryService } from '../history/case-history.service.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CasesService } from './cases.service.js';
import { CaseQuery, NoteDto, RaiseCaseDto, ResolveDto } from './cases.dto.js';

const READERS = ['admin', 'clinician', 'service'] as const;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CaseQueriesService) private readonly queries: CaseQueriesService,
    @Inject(CaseHistoryService) private readonly history: CaseHistoryService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
  ) {}

  @Get()
  @Roles(...READERS)
  list(@Query() query: CaseQuery, @CurrentUser() principal: Principal) {
    return this.queries.list(query, principal);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id', ParseUuidPipe) id: string, @CurrentUser() principal: Principal) {
    return this.queries.get(id, principal);
  }

  /** Recomputes the case's hash chain: `valid`, or where it breaks and why. */
  @Get(':id/history/verify')
  @Roles(...READERS)
  async verify(@Param('id', ParseUuidPipe) id: string, @CurrentUser() principal: Principal) {
    return this.history.verify(await this.queries.get(id, principal));
  }

  /** A member of the body, or an admin, raises an issue by hand, with a reason and evidence. */
  @Post()
  @Roles('admin', 'clinician')
  async raise(@Body() dto: RaiseCaseDto, @CurrentUser() principal: Principal) {
    await this.seats.assertMayActForBody(
      principal,
      { bodyId: dto.bodyId, on: this.clock.today() },
      'Only a member of the body or an admin raises a case there',
    );
    return this.cases.raise(dto, principal);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async acknowledge(@Param('id', ParseUuidPipe) id: string, @CurrentUser() principal: Principal) {
    // A case the caller may not see is not found, as for notes and closing: a 403 would say it exists.
    await this.queries.get(id, principal);
    return this.cases.acknowledge(id, principal);
  }

  @Post(':id/notes')
  @Roles('admin', 'clinician')
  async note(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: NoteDto,
    @CurrentUser() principal: Principal,
  ) {
    await this.queries.get(id, principal);
    return this.cases.addNote(id, dto.text, principal);
  }

  /** Closes a case offered for closure (its metric recovered) or monitored under an action plan. */
  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'clinician')
  async close(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ResolveDto,
    @CurrentUser() principal: Principal,
  ) {
    const escalation = await this.queries.get(id, principal);
    await this.seats.assertMayActForBody(
      principal,
      { bodyId: escalation.bodyId, on: this.clock.today(), roles: ['chair', 'clinical-lead'] },
      "Only the holding body's chair or clinical lead, or an admin, closes a case",
    );
    return this.cases.command(
      id,
      { type: 'close' },
      { kind: 'user', ref: principal.sub },
      { reason: dto.rationale },
    );
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('admin')
  resolve(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ResolveDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.cases.command(
      id,
      [{ type: 'resolve', reason: dto.rationale }, { type: 'close' }],
      { kind: 'user', ref: principal.sub },
      { reason: dto.rationale },
    );
  }
}
