import { Global, Module } from '@nestjs/common';
import { MemberResolver } from '#platform';
import { MembershipReadModelConsumer } from './membership-read-model.consumer.js';
import { SeatAccessService } from './seat-access.service.js';
import { ViewMemberResolverService } from './view-member-resolver.service.js';

/**
 * A service's copy of membership: the consumer that keeps it from membership events, the seat
 * checks that read it, and the MemberResolver the bearer guard asks who a caller is (hence
 * global). Import it in a service module beside `serviceImports`.
 */
@Global()
@Module({
  controllers: [MembershipReadModelConsumer],
  providers: [
    SeatAccessService,
    ViewMemberResolverService,
    { provide: MemberResolver, useExisting: ViewMemberResolverService },
  ],
  exports: [SeatAccessService, MemberResolver],
})
export class MembershipViewModule {}
