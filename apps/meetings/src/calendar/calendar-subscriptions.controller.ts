import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentUser,
  NotFoundError,
  type Principal,
  Public,
  Roles,
  ParseUuidPipe,
  StrictRateLimit,
} from '#platform';
import { icsFile } from './calendar-file.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import {
  CalendarSubscriptionsService,
  type IssuedSubscription,
} from './calendar-subscriptions.service.js';
import { assertOwnOrAdmin } from './member-access.js';

/**
 * A member's calendar feed at a secret URL of its own, for calendar apps that subscribe by
 * address and cannot send a bearer token. The URL is the credential: the member asks for one,
 * and revokes it (or asks for another) when it may have leaked.
 */
@ApiTags('calendar')
@Controller()
export class CalendarSubscriptionsController {
  constructor(
    @Inject(CalendarSubscriptionsService)
    private readonly subscriptions: CalendarSubscriptionsService,
    @Inject(CalendarFeedsService) private readonly feeds: CalendarFeedsService,
  ) {}

  @Post('members/:memberId/calendar-subscription')
  @Roles('admin', 'clinician')
  @ApiCreatedResponse({
    description:
      "A new subscription URL for the member's calendar feed (the previous one stops working); for the member themself or an admin",
  })
  issue(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @CurrentUser() principal: Principal,
  ): Promise<IssuedSubscription> {
    assertOwnOrAdmin(principal, memberId);
    return this.subscriptions.issue(memberId);
  }

  @Delete('members/:memberId/calendar-subscription')
  @HttpCode(204)
  @Roles('admin', 'clinician')
  @ApiNoContentResponse({ description: "The member's subscription URL no longer works" })
  async revoke(
    @Param('memberId', ParseUuidPipe) memberId: string,
    @CurrentUser() principal: Principal,
  ): Promise<void> {
    assertOwnOrAdmin(principal, memberId);
    await this.subscriptions.revoke(memberId);
  }

  @Get('calendar-subscriptions/:token/calendar.ics')
  @Public()
  // Bearer-less and so guessable in principle: the strict budget, per address.
  @StrictRateLimit()
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: "The subscribed member's calendar feed, as members/:id/calendar.ics",
  })
  @ApiNotFoundResponse({ description: 'No such subscription: unknown, malformed or revoked alike' })
  async subscribed(@Param('token') token: string): Promise<StreamableFile> {
    const memberId = await this.subscriptions.memberOf(token);
    if (memberId === undefined) {
      throw noSuchSubscription();
    }
    // A member gone from the read model answers as a revoked URL would, naming no one.
    const feed = await this.feeds.forMember(memberId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? noSuchSubscription() : error;
    });
    return icsFile(feed);
  }
}

const noSuchSubscription = () => new NotFoundError('No such calendar subscription');
