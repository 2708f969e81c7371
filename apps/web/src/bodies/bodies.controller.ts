import { Controller, Get, Inject, Param, ParseUUIDPipe, Render } from '@nestjs/common';
import { ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { CurrentSession } from '../auth/signed-in.guard.js';
import {
  bodyView,
  type BodyCase,
  type BodyPriority,
  type BodyResponse,
  type BodyRoleHolder,
} from './body.view.js';

/** The body page: who leads it and sits on it, what is vacant, its open cases and priorities. */
@Controller('bodies')
export class BodiesController {
  constructor(@Inject(ServicesApi) private readonly api: ServicesApi) {}

  @Get(':id')
  @Render('bodies/body.njk')
  async show(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @CurrentSession() session: Session,
  ) {
    // The body first, so one the person may not see (or that is not there) is a 404 page.
    const body = await this.api.get<BodyResponse>(session, 'membership', `/bodies/${id}`);
    const [holders, cases, priorities] = await Promise.all([
      this.api.get<BodyRoleHolder[]>(session, 'membership', `/bodies/${id}/role-holders`),
      this.api.get<{ items: BodyCase[] }>(session, 'workflow', `/cases?bodyId=${id}&limit=50`),
      this.api.get<{ items: BodyPriority[] }>(
        session,
        'priorities',
        `/bodies/${id}/priorities?limit=50`,
      ),
    ]);
    return {
      pageTitle: body.name,
      section: 'my-work',
      body: bodyView(body, holders, cases.items, priorities.items),
    };
  }
}
