import { Module } from '@nestjs/common';
import { GovernanceReadModelConsumer } from './governance-read-model.consumer.js';

/**
 * The workflow's copy of the governance calendar and its loose ends (meetings, open actions,
 * empty roles), kept from the meetings and membership services' events. Other features read
 * its entities.
 */
@Module({
  controllers: [GovernanceReadModelConsumer],
})
export class GovernanceModule {}
