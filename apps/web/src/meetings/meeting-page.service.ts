import { Inject, Injectable } from '@nestjs/common';
import { ApiError, ServicesApi } from '../api/services-api.js';
import type { Session } from '../auth/session.js';
import { ukDay } from './meeting-labels.js';
import {
  meetingView,
  type ActionResponse,
  type AgendaItemResponse,
  type AttendanceResponse,
  type BodyResponse,
  type Holder,
  type MeetingResponse,
  type TabledCase,
} from './meeting.view.js';

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Gathers what the meeting page shows from the services, with the person's token: the meeting,
 * its agenda, attendance and actions (meetings), the body and who sits on it (membership), and
 * the cases its items table (workflow).
 */
@Injectable()
export class MeetingPageService {
  constructor(@Inject(ServicesApi) private readonly api: ServicesApi) {}

  async view(id: string, session: Session, justDecided?: string) {
    const meeting = await this.api.get<MeetingResponse>(session, 'meetings', `/meetings/${id}`);
    const day = ukDay(meeting.startsAt);
    const today = ukDay(new Date());
    const holders = (on: string) =>
      this.api.get<Holder[]>(
        session,
        'membership',
        `/bodies/${meeting.bodyId}/role-holders?on=${on}`,
      );
    const [body, agenda, attendance, seatedThatDay, seatedToday, actions, heldMeetings] =
      await Promise.all([
        this.api.get<BodyResponse>(session, 'membership', `/bodies/${meeting.bodyId}`),
        this.api.get<AgendaItemResponse[]>(session, 'meetings', `/meetings/${id}/agenda`),
        this.api.get<AttendanceResponse[]>(session, 'meetings', `/meetings/${id}/attendance`),
        holders(day),
        day === today ? undefined : holders(today),
        this.api.get<Page<ActionResponse>>(
          session,
          'meetings',
          `/meetings/${id}/actions?limit=200`,
        ),
        this.heldMeetings(session, meeting.bodyId),
      ]);
    return meetingView({
      meeting,
      body,
      agenda,
      attendance,
      seatedThatDay,
      seatedToday: seatedToday ?? seatedThatDay,
      actions: actions.items,
      cases: await this.tabledCases(session, agenda),
      heldMeetings,
      viewer: session,
      now: new Date(),
      justDecided,
    });
  }

  /** The body's held meetings, the latest 200: those later than this one may approve its minutes. */
  private async heldMeetings(session: Session, bodyId: string): Promise<MeetingResponse[]> {
    const path = `/bodies/${bodyId}/meetings?status=held&limit=200`;
    const first = await this.api.get<Page<MeetingResponse>>(session, 'meetings', path);
    if (first.total <= first.items.length) {
      return first.items;
    }
    const last = await this.api.get<Page<MeetingResponse>>(
      session,
      'meetings',
      `${path}&offset=${first.total - 200}`,
    );
    return last.items;
  }

  /** The cases the agenda tables, as far as the person may see them (a refusal leaves one out). */
  private async tabledCases(
    session: Session,
    agenda: readonly AgendaItemResponse[],
  ): Promise<Map<string, TabledCase>> {
    const references = agenda
      .filter((item) => item.type === 'escalation' && item.externalReference !== null)
      .map((item) => item.externalReference as string);
    const found = await Promise.all(
      references.map((reference) =>
        this.api
          .get<TabledCase>(session, 'workflow', `/cases/${encodeURIComponent(reference)}`)
          .catch((error: unknown) => {
            if (error instanceof ApiError && error.status < 500) {
              return undefined;
            }
            throw error;
          }),
      ),
    );
    return new Map(
      found
        .filter((tabled): tabled is TabledCase => tabled !== undefined)
        .map((tabled) => [tabled.id, tabled]),
    );
  }
}
