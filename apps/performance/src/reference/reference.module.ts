import { Module } from '@nestjs/common';
import { MembershipReferenceConsumer } from './membership-reference.consumer.js';
import { ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';

/**
 * The reference data that maps submissions to alliances and tumour sites: kept from membership's
 * events, and edited by admins. Other features read its entities; it exports no service.
 */
@Module({
  controllers: [ReferenceController, MembershipReferenceConsumer],
  providers: [ReferenceService],
})
export class ReferenceModule {}
