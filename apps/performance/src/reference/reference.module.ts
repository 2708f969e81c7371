import { Module } from '@nestjs/common';
import { HealthBoardsController } from './health-boards.controller.js';
import { HealthBoardsService } from './health-boards.service.js';
import { MembershipReferenceConsumer } from './membership-reference.consumer.js';
import { ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';

/**
 * The reference data that maps submissions to alliances and tumour sites (and Scotland's health
 * boards to their regional networks): kept from membership's events, and edited by admins.
 * Other features read its entities and the board links; it exports no service.
 */
@Module({
  controllers: [ReferenceController, HealthBoardsController, MembershipReferenceConsumer],
  providers: [ReferenceService, HealthBoardsService],
})
export class ReferenceModule {}
