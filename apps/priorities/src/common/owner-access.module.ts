import { Module } from '@nestjs/common';
import { MembershipViewModule } from '#membership-view';
import { OwnerAccessService } from './owner-access.service.js';

/** Who may write for a body: every feature's controller asks OwnerAccessService. */
@Module({
  imports: [MembershipViewModule],
  providers: [OwnerAccessService],
  exports: [OwnerAccessService],
})
export class OwnerAccessModule {}
