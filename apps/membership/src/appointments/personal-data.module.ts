import { Global, Module } from '@nestjs/common';
import { PersonalDataPolicy } from '../members/personal-data.policy.js';
import { SecretariatPersonalDataPolicy } from './secretariat-personal-data.policy.js';

/**
 * Provides members' PersonalDataPolicy from appointments, which know the seats it depends on.
 * Global, because members (which appointments import) read through it too.
 */
@Global()
@Module({
  providers: [{ provide: PersonalDataPolicy, useClass: SecretariatPersonalDataPolicy }],
  exports: [PersonalDataPolicy],
})
export class PersonalDataModule {}
