import { waitFor } from '#testing';
import { WebPlatform } from './web/web-platform.js';

/**
 * The web app as people use it, in Chromium against the running services: sign-in at the
 * identity provider, "my work", the case page and acknowledging, with axe on every page.
 */
describe('web app in the browser: my work and the case page', () => {
  let platform: WebPlatform<'chair' | 'member'>;
  let caseId: string;

  beforeAll(async () => {
    platform = await WebPlatform.start('WEB', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
    });
    caseId = await platform.raiseCase(
      'member',
      'No clinical lead for the lung pathway',
      'The lead stood down in March and nobody has been appointed',
    );
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('shows what the service is to someone not signed in', async () => {
    const page = await platform.newPage();
    await page.goto(platform.webBase);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Cancer network escalations',
    );
    await platform.expectAccessible(page, 'home');
    await page.context().close();
  });

  it('sends a chair who opens the case to sign in and back, and lets them acknowledge it', async () => {
    const page = await platform.signedIn('chair', `/cases/${caseId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'No clinical lead for the lung pathway',
    );
    expect(await page.locator('.nhsuk-tag').first().textContent()).toContain('Opened');
    await platform.expectAccessible(page, 'case');

    await page.getByRole('button', { name: 'Acknowledge this case' }).click();
    await page.waitForURL(/done=acknowledged/);
    expect(await page.locator('.nhsuk-notification-banner').textContent()).toContain(
      'You acknowledged the case',
    );
    expect(await page.locator('.nhsuk-tag').first().textContent()).toContain('Acknowledged');
    await platform.expectAccessible(page, 'case-acknowledged');
    await page.getByRole('link', { name: 'View the body' }).click();
    await page.waitForURL(`${platform.webBase}/bodies/${platform.ladder.groupId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Lung Group');
    await page.context().close();
  });

  it("lists the member's open cases in my work, and offers them no acknowledge button", async () => {
    const page = await platform.signedIn('member', '/my-work');
    await page.getByRole('link', { name: 'No clinical lead for the lung pathway' }).click();
    await page.waitForURL(`${platform.webBase}/cases/${caseId}`);
    expect(await page.getByRole('button', { name: 'Acknowledge this case' }).count()).toBe(0);
    // A form forged with the member's own session still meets the service's refusal.
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const forged = await page.request.post(`${platform.webBase}/cases/${caseId}/acknowledge`, {
      form: { _csrf: csrf },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    // …and one without the session's token is refused before any service is asked.
    const tokenless = await page.request.post(`${platform.webBase}/cases/${caseId}/acknowledge`, {
      form: {},
      maxRedirects: 0,
    });
    expect(tokenless.status()).toBe(403);
    await page.goto(`${platform.webBase}/my-work`);
    // Acknowledged by the chair: what the group must do next is to table it, in working days.
    expect(
      await page.locator('tr', { hasText: 'No clinical lead for the lung pathway' }).textContent(),
    ).toMatch(/Table within \d+ working days \(by \d+ \w+ \d{4}\)/);
    await platform.expectAccessible(page, 'my-work');
    await page.context().close();
  });

  it('re-shows a refused note with the error summary, and keeps a good one in the history', async () => {
    const page = await platform.signedIn('member', `/cases/${caseId}`);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.waitForURL(`${platform.webBase}/cases/${caseId}/notes`);
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain(
      'There is a problem',
    );
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain('Enter a note');
    expect(await page.title()).toMatch(/^Error: /);
    await platform.expectAccessible(page, 'case-note-error');
    await page.getByLabel('Add a note to the history').fill('The trust has advertised the post');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.waitForURL(/done=noted/);
    expect(await page.locator('main').textContent()).toContain('The trust has advertised the post');
    await page.context().close();
  });

  it('keeps notification preferences, and re-shows a webhook without its address as an error', async () => {
    const page = await platform.signedIn('member', '/my-work');
    await page.getByLabel('A webhook (for a team tool)').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.waitForURL(`${platform.webBase}/my-work/preferences`);
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain(
      'Enter the address your tool receives webhooks on',
    );
    // What the member chose is still chosen.
    expect(await page.getByLabel('A webhook (for a team tool)').isChecked()).toBe(true);
    await platform.expectAccessible(page, 'preferences-error');
    await page.getByLabel('A webhook (for a team tool)').uncheck();
    await page.getByLabel('E-mail').check();
    await page.getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.waitForURL(/done=preferences/);
    expect(await page.locator('.nhsuk-notification-banner').textContent()).toContain(
      'Your notification preferences are saved',
    );
    expect(await page.getByLabel('E-mail').isChecked()).toBe(true);
    expect(await page.getByLabel('Yes').isChecked()).toBe(true);
    await page.context().close();
  });

  it('signs out from the header, after which a page asks to sign in again', async () => {
    const page = await platform.signedIn('member', '/my-work');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/my-work'));
    await page.goto(`${platform.webBase}/my-work`);
    expect(await page.getByLabel('E-mail address').count()).toBe(1);
    await page.context().close();
  });

  it('lets an admin resolve and close a case, re-showing an empty reason as an error', async () => {
    const raised = await platform.raiseCase(
      'member',
      'Raised twice by mistake',
      'The same gap was raised last week',
    );
    const page = await platform.signedIn(['admin'], `/cases/${raised}`);
    await page.getByRole('button', { name: 'Resolve and close' }).click();
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain(
      'Enter why the case is resolved',
    );
    await page.getByLabel('Why the case is resolved').fill('A duplicate of last week’s case');
    await page.getByRole('button', { name: 'Resolve and close' }).click();
    await page.waitForURL(/done=resolved/);
    expect(await page.locator('.nhsuk-tag').first().textContent()).toContain('Closed');
    expect(await page.locator('main').textContent()).toContain('A duplicate of last week’s case');
    expect(await page.getByRole('button', { name: 'Resolve and close' }).count()).toBe(0);
    await platform.expectAccessible(page, 'case-resolved');
    await page.context().close();
  });

  it("lets the chair take a chair's action on a case, re-showing a missing choice as an error", async () => {
    const raised = await platform.raiseCase(
      'member',
      'No weekend CT-guided lung biopsy',
      'Patients wait until Monday; the next meeting is in three months',
    );
    const page = await platform.signedIn('chair', `/cases/${raised}`);
    await page.getByRole('button', { name: "Record chair's action" }).click();
    expect(await page.locator('.nhsuk-error-summary').textContent()).toContain(
      'Select what you decide',
    );
    await platform.expectAccessible(page, 'case-chairs-action-error');
    await page.getByLabel('Action plan agreed: the case is monitored').check();
    await page
      .getByLabel('Why it cannot wait for the next meeting, and what you decided')
      .fill('The trusts share a weekend list from next month; reviewed at the next meeting');
    await page.getByRole('button', { name: "Record chair's action" }).click();
    await page.waitForURL(/done=chairs-action/);
    expect(await page.locator('.nhsuk-notification-banner').textContent()).toContain(
      "You recorded a chair's action",
    );
    // The workflow applies it from the meetings service's event: the case is monitored.
    await waitFor(
      'the case to be monitored',
      async () => {
        await page.reload();
        return (await page.locator('.nhsuk-tag').first().textContent())?.includes('Monitoring');
      },
      { timeoutMs: 30_000 },
    );
    expect(await page.getByRole('button', { name: "Record chair's action" }).count()).toBe(0);
    await platform.expectAccessible(page, 'case-chairs-action');
    await page.context().close();
  });

  it('answers 404 for a case the person may not see or that does not exist', async () => {
    const page = await platform.signedIn('member', '/my-work');
    const missing = await page.goto(
      `${platform.webBase}/cases/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await platform.expectAccessible(page, 'not-found');
    await page.context().close();
  });
});
