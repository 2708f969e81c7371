import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BodyView, SeatAccessService } from '#membership-view';
import { Clock, notFound, type Principal } from '#platform';

/** Admins write for any body; otherwise the owning body's current chair or clinical lead. */
@Injectable()
export class OwnerAccessService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SeatAccessService) private readonly seats: SeatAccessService,
  ) {}

  async assertMayWrite(principal: Principal, bodyId: string): Promise<void> {
    if (!(await this.dataSource.manager.existsBy(BodyView, { id: bodyId }))) {
      throw notFound('Body', bodyId);
    }
    await this.seats.assertMayActForBody(
      principal,
      { bodyId, on: this.clock.today(), roles: ['chair', 'clinical-lead'] },
      "Only an admin or the body's chair or clinical lead may change this",
    );
  }
}
