import { Global, Module } from '@nestjs/common';
import { MemberResolver } from '#platform';
import { IdentitiesController } from './identities.controller.js';
import { IdentitiesService } from './identities.service.js';

/**
 * The links between identity providers' accounts and members. Global, because the bearer guard
 * of every route asks its MemberResolver who the caller is.
 */
@Global()
@Module({
  controllers: [IdentitiesController],
  providers: [IdentitiesService, { provide: MemberResolver, useExisting: IdentitiesService }],
  exports: [MemberResolver],
})
export class IdentitiesModule {}
