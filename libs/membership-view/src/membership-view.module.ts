import { Module } from '@nestjs/common';
import { MembershipReadModelConsumer } from './membership-read-model.consumer.js';
import { SeatAccessService } from './seat-access.service.js';

/**
 * A service's copy of membership: the consumer that keeps it from membership events, and the
 * seat checks that read it. Import it in a service module beside `serviceImports`.
 */
@Module({
  controllers: [MembershipReadModelConsumer],
  providers: [SeatAccessService],
  exports: [SeatAccessService],
})
export class MembershipViewModule {}
