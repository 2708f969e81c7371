import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemberResolver } from '#platform';
import { IdentityLink } from './identity-link.entity.js';

/** Who a caller is, from the service's copy of membership's identity links. */
@Injectable()
export class ViewMemberResolverService extends MemberResolver {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    super();
  }

  async memberOf(issuer: string, subject: string): Promise<string | undefined> {
    const link = await this.dataSource.manager.findOneBy(IdentityLink, { issuer, subject });
    return link?.memberId;
  }
}
