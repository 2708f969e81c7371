import { Module } from '@nestjs/common';
import { AlliancesController } from './alliances.controller.js';
import { AlliancesService } from './alliances.service.js';

/** Cancer alliances and networks: registered and renamed by admins. */
@Module({
  controllers: [AlliancesController],
  providers: [AlliancesService],
})
export class AlliancesModule {}
