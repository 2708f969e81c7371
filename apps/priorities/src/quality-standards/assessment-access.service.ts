import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APPOINTMENT_ROLES } from '#contracts';
import { BodyView, SeatAccessService, type Seat } from '#membership-view';
import { Clock, notFound, RefusedError, type Principal } from '#platform';

/** Who answers for a body's team: every seat but an observer's. */
export const ASSESSORS: readonly Seat['role'][] = APPOINTMENT_ROLES.filter(
  (role) => role !== 'observer',
);

/** Who reviews for the network: the officers of the body's escalation parent (its CAG). */
export const REVIEWERS: readonly Seat['role'][] = [
  'chair',
  'deputy-chair',
  'clinical-lead',
  'secretariat',
];

/**
 * A body's members assess their own team; the network reviews it: an admin, or an officer of
 * the body's escalation parent who does not sit on the body itself (no team reviews itself).
 */
@Injectable()
export class AssessmentAccessService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
  ) {}

  async assertMayAssess(principal: Principal, bodyId: string): Promise<void> {
    await this.body(bodyId);
    await this.seats.assertMayActForBody(
      principal,
      { bodyId, on: this.clock.today(), roles: ASSESSORS },
      "Only an admin or a member of the body (not an observer) may answer for the body's team",
    );
  }

  async assertMayReview(principal: Principal, bodyId: string): Promise<void> {
    const body = await this.body(bodyId);
    if (principal.roles.includes('admin')) {
      return;
    }
    const on = this.clock.today();
    const officerAbove =
      body.parentBodyId !== null &&
      (await this.seats.principalHoldsSeat(principal, {
        bodyId: body.parentBodyId,
        on,
        roles: REVIEWERS,
      }));
    if (!officerAbove || (await this.seats.principalHoldsSeat(principal, { bodyId, on }))) {
      throw new RefusedError(
        "Only an admin or an officer of the body's escalation parent who does not sit on the body may review its assessment",
      );
    }
  }

  private async body(bodyId: string): Promise<BodyView> {
    const body = await this.dataSource.manager.findOneBy(BodyView, { id: bodyId });
    if (!body) {
      throw notFound('Body', bodyId);
    }
    return body;
  }
}
