import request from 'supertest';
import { waitFor } from '#testing';
import { WebPlatform } from './web/web-platform.js';

type Person = 'chair' | 'secretary' | 'member' | 'observer';

/**
 * The meeting page in Chromium against the running services: the secretariat records attendance
 * until quorum is met, holds the meeting and escalates the case tabled on it, which the case page
 * then shows at the CAG; an observer sees the meeting without its forms, and a forged decision
 * from their session meets the service's refusal. axe on every page.
 */
describe('web app in the browser: running a meeting', () => {
  let platform: WebPlatform<Person>;
  let meetingId: string;
  let caseId: string;
  let itemId: string;

  beforeAll(async () => {
    platform = await WebPlatform.start('WMT', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      secretary: { name: 'Network Manager', profession: 'manager', role: 'secretariat' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
      observer: { name: 'Visiting Observer', profession: 'doctor', role: 'observer' },
    });
    const meetings = () => request(platform.url('meetings'));
    const secretary = await platform.token('secretary');
    // Far enough ahead for the case's papers to be due in time, so workflow's request places it.
    const startsAt = Date.now() + 14 * 86_400_000;
    const scheduled = await meetings()
      .post(`/bodies/${platform.ladder.groupId}/meetings`)
      .set('authorization', secretary)
      .send({
        kind: 'quarterly-network-meeting',
        title: 'Lung Cancer Network Group, Q3',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 7_200_000).toISOString(),
        location: 'Boardroom, Addenbrooke’s Hospital',
      })
      .expect(201);
    meetingId = (scheduled.body as { id: string }).id;
    caseId = await platform.raiseCase(
      'member',
      'No EBUS capacity for lung diagnostics',
      'Patients travel to another alliance for EBUS',
    );
    const item = await waitFor(
      'the case on the meeting’s agenda',
      async () => {
        const agenda = await meetings()
          .get(`/meetings/${meetingId}/agenda`)
          .set('authorization', secretary)
          .expect(200);
        return (agenda.body as { id: string; externalReference: string | null }[]).find(
          (entry) => entry.externalReference === caseId,
        );
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    itemId = item.id;
    // The day comes: the meeting started a minute ago, so it can be recorded as held.
    const started = Date.now() - 60_000;
    await meetings()
      .post(`/meetings/${meetingId}/reschedule`)
      .set('authorization', secretary)
      .send({
        startsAt: new Date(started).toISOString(),
        endsAt: new Date(started + 7_200_000).toISOString(),
      })
      .expect(200);
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('lets the secretariat record attendance until quorum is met, hold the meeting and escalate the case', async () => {
    const page = await platform.signedIn('secretary', `/meetings/${meetingId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Lung Cancer Network Group, Q3',
    );
    const caseLink = page.getByRole('link', { name: /Escalation case/ });
    expect(await caseLink.getAttribute('href')).toBe(`/cases/${caseId}`);
    await platform.expectAccessible(page, 'meeting');

    const quorum = page.locator('#quorum');
    const attend = async (legend: string, status: string) =>
      page.getByRole('group', { name: legend }).getByRole('radio', { name: status }).check();
    // The member alone is not enough: the terms of reference want the chair or a deputy there.
    await attend('Nurse Member (Member)', 'Present');
    await attend('Dr Chair (Chair)', 'Apologies');
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await page.waitForURL(/done=attendance/);
    expect(await quorum.textContent()).toContain('Quorum not met yet');
    expect(await quorum.textContent()).toContain('Neither the chair nor a deputy chair is present');
    await attend('Dr Chair (Chair)', 'Present');
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await page.waitForURL(/done=attendance/);
    expect(await quorum.textContent()).toContain('Quorum met');

    await page.getByRole('button', { name: 'Record the meeting as held' }).click();
    await page.waitForURL(/done=held/);
    expect(await quorum.textContent()).toContain('The meeting was quorate');

    // A decision without its reason comes back with the NHS error summary, not an error page.
    await page.getByRole('radio', { name: 'Escalated', exact: true }).check();
    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain(
      'Enter why the body decided this',
    );
    expect(await page.getByRole('radio', { name: 'Escalated', exact: true }).isChecked()).toBe(
      true,
    );
    await platform.expectAccessible(page, 'meeting-decision-error');
    await page
      .getByLabel('Why the body decided this')
      .fill('The group cannot fund EBUS capacity; the CAG must.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.waitForURL(/done=decided/);
    expect(await page.locator('.nhsuk-notification-banner').textContent()).toContain(
      'Decision recorded',
    );
    expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);

    await page.getByLabel('What needs to be done').fill('Cost an EBUS list for the CAG');
    await page.getByLabel('Owner').selectOption({ label: 'Dr Chair' });
    const due = page.getByRole('group', { name: 'Due date' });
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('1');
    await due.getByLabel('Year').fill(String(new Date().getFullYear() + 1));
    await page.getByRole('button', { name: 'Assign action' }).click();
    await page.waitForURL(/done=action/);
    expect(await page.locator('table').last().textContent()).toContain('Cost an EBUS list');

    await page.getByLabel('Draft minutes').fill('Quorate. The EBUS gap goes to the CAG.');
    await page.getByRole('button', { name: 'Save draft minutes' }).click();
    await page.waitForURL(/done=minutes/);
    await platform.expectAccessible(page, 'meeting-held');

    // The decision moves the case: its page shows it at the Clinical Advisory Group.
    await waitFor(
      'the case page to show the CAG',
      async () => {
        await page.goto(`${platform.webBase}/cases/${caseId}`);
        return (await page.locator('.nhsuk-summary-list').textContent())?.includes(
          'Clinical Advisory Group',
        );
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    await page.context().close();
  });

  it('shows an observer the meeting without its forms, and refuses their forged decision', async () => {
    const page = await platform.signedIn('observer', `/meetings/${meetingId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Lung Cancer Network Group, Q3',
    );
    expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
    expect(await page.locator('form[action*="/meetings/"]').count()).toBe(0);
    expect(await page.locator('table').first().textContent()).toContain('Present');
    await platform.expectAccessible(page, 'meeting-observer');

    await page.getByRole('link', { name: /Meetings of/ }).click();
    await page.waitForURL(`${platform.webBase}/bodies/${platform.ladder.groupId}/meetings`);
    expect(
      await page.getByRole('link', { name: 'Lung Cancer Network Group, Q3' }).getAttribute('href'),
    ).toBe(`/meetings/${meetingId}`);
    await platform.expectAccessible(page, 'body-meetings');

    // The observer's own session token, from a form they may use (a note on the case).
    await page.goto(`${platform.webBase}/cases/${caseId}`);
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const forged = await page.request.post(
      `${platform.webBase}/meetings/${meetingId}/items/${itemId}/decision`,
      {
        form: { _csrf: csrf, outcome: 'resolved', rationale: 'Forged' },
        maxRedirects: 0,
      },
    );
    expect(forged.status()).toBe(403);
    await page.context().close();
  });
});
