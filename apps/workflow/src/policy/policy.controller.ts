import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  notFound,
  PageQuery,
  ParseIsoDatePipe,
  Roles,
  type Principal,
} from '#platform';
import { DEFAULT_CALENDAR } from '../calendar/bank-holidays.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CalendarQuery, HolidayDto } from './policy.dto.js';
import { PolicyService } from './policy.service.js';

const READERS = ['admin', 'clinician', 'service'] as const;

/** The escalation policy's versions and the working-day calendar deadlines are counted on. */
@ApiTags('policy and calendar')
@Controller()
export class PolicyController {
  constructor(
    @Inject(PolicyService) private readonly policies: PolicyService,
    @Inject(CalendarService) private readonly calendars: CalendarService,
  ) {}

  @Get('policy')
  @Roles(...READERS)
  versions(@Query() page: PageQuery) {
    return this.policies.list(page);
  }

  @Get('policy/:version')
  @Roles(...READERS)
  version(@Param('version', ParseIntPipe) version: number) {
    return this.policies.version(version);
  }

  /** A whole policy document becomes the next version; open cases keep theirs. */
  @Post('policy')
  @Roles('admin')
  @ApiBody({ description: 'The policy document (see GET /policy for the current one)' })
  publish(@Body() document: Record<string, unknown>, @CurrentUser() principal: Principal) {
    return this.policies.publish(document, principal.sub);
  }

  // Not paged: about ten bank holidays a year a calendar; decades of them still make one small answer.
  /** The bank holidays of every calendar, or of the one named (`?calendar=scotland`). */
  @Get('calendar/bank-holidays')
  @Roles(...READERS)
  holidays(@Query() query: CalendarQuery) {
    return this.calendars.holidays(query.calendar);
  }

  /** The last day each calendar's holidays are entered for; deadlines after it are flagged. */
  @Get('calendar/coverage')
  @Roles(...READERS)
  coverage() {
    return this.calendars.coverage();
  }

  /** Sets a bank holiday in a calendar (`?calendar=`, England and Wales when not given). */
  @Put('calendar/bank-holidays/:date')
  @Roles('admin')
  setHoliday(
    @Param('date', ParseIsoDatePipe) date: string,
    @Query() query: CalendarQuery,
    @Body() dto: HolidayDto,
  ) {
    return this.calendars.setHoliday(query.calendar ?? DEFAULT_CALENDAR, date, dto.name);
  }

  @Delete('calendar/bank-holidays/:date')
  @HttpCode(204)
  @Roles('admin')
  async removeHoliday(
    @Param('date', ParseIsoDatePipe) date: string,
    @Query() query: CalendarQuery,
  ) {
    const calendar = query.calendar ?? DEFAULT_CALENDAR;
    if (!(await this.calendars.removeHoliday(calendar, date))) {
      throw notFound('Bank holiday', `${date} (${calendar})`);
    }
  }
}
