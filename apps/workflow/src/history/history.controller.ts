import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#platform';
import { CheckpointSigner } from './checkpoint-signer.js';
import { HistoryCheckpointsService } from './history-checkpoints.service.js';

@ApiTags('cases')
@Controller()
export class HistoryController {
  constructor(
    @Inject(HistoryCheckpointsService) private readonly checkpoints: HistoryCheckpointsService,
    @Inject(CheckpointSigner) private readonly signer: CheckpointSigner,
  ) {}

  /** Checkpoints every case whose history grew since its last checkpoint, now. */
  @Post('admin/history-checkpoints')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'How many checkpoints and cases were signed, and any refused' })
  take() {
    return this.checkpoints.take();
  }

  /** The public key history checkpoints are signed with, for anyone checking them. */
  @Get('history/checkpoint-key')
  @Roles('admin', 'clinician', 'service')
  @ApiOkResponse({ description: 'The Ed25519 public key as a JWK; its kid is the keyId' })
  key() {
    return this.signer.publicJwk();
  }
}
