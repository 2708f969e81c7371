import request from 'supertest';
import { addressOf, SmtpSink, TEST_PASSWORD, waitFor } from '#testing';
import { anFdsLine, csv, PROVIDER_HEADER } from '../apps/performance/test/builders.js';
import { signInAtProvider } from './web/browser.js';
import { WebPlatform } from './web/web-platform.js';

/** A month of lung FDS for the alliance's two trusts, and the published ALL CANCERS total. */
const lungMonth = (period: string, share: number) => [
  anFdsLine({ period, orgCode: 'RGT', total: 100, within: Math.round(100 * share) }),
  anFdsLine({ period, orgCode: 'RGN', total: 50, within: Math.round(50 * share) }),
  anFdsLine({ period, cancerType: 'ALL CANCERS', total: 150, within: 150 }),
];

/**
 * The scenario 1 in Chromium: a lung FDS breach imported at the performance service
 * opens a case; the group's chair gets the e-mail (read at a real SMTP server), follows its
 * link, signs in at the identity provider on the way, lands on the case and acknowledges it.
 * A later e-mail about the case replies in the same thread.
 */
describe('web app in the browser: from the e-mail a breach sent to the case page', () => {
  let platform: WebPlatform<'chair'>;
  let smtp: SmtpSink;
  let chairAddress: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    platform = await WebPlatform.start(
      'MAIL',
      { chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' } },
      { workflow: { NOTIFICATIONS_ENABLED: 'true', SMTP_URL: smtp.url } },
    );
    chairAddress = `chair.${platform.run}_membership@example.org`;
    const admin = await platform.token(['admin']);
    await platform.mapProviders(admin, {
      RGT: 'Cambridge University Hospitals',
      RGN: 'North West Anglia',
    });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp?.close();
  });

  it('leads the chair from the breach’s e-mail to the case, through sign-in, to acknowledge it', async () => {
    const admin = await platform.token(['admin']);
    const imported = await request(platform.url('performance'))
      .post('/imports?fileName=cwt-lung.csv')
      .set('authorization', admin)
      .set('content-type', 'text/csv')
      .send(csv(PROVIDER_HEADER, lungMonth('2026-03', 0.7), lungMonth('2026-04', 0.7)));
    expect(imported.status).toBeLessThan(300);
    expect(imported.body).toMatchObject({ detection: { breached: 1 } });

    const mail = await waitFor('the chair’s e-mail', () => smtp.to(chairAddress)[0], {
      timeoutMs: 60_000,
    });
    expect(mail.subject).toMatch(/^Action needed: .*lung/i);
    const link = /Open the case: (\S+)/.exec(mail.text)?.[1] ?? '';
    expect(link).toMatch(new RegExp(`^${platform.webBase}/cases/[0-9a-f-]{36}$`));
    const caseId = link.slice(link.lastIndexOf('/') + 1);
    expect(mail.headers['x-escalation-case']).toBe(caseId);
    expect(mail.text).toContain(`${platform.webBase}/my-work#preferences`);
    // The HTML alternative says the same, with the same links.
    expect(mail.html).toContain(`<a href="${link}"`);
    expect(mail.html).toContain(`<a href="${platform.webBase}/my-work#preferences"`);
    expect(mail.html).toContain(mail.subject.replace(/&/g, '&amp;'));
    // The case's first e-mail to the chair is the root of its thread.
    const root = `<case-${caseId}.${platform.ladder.members.chair}@cancer-network.invalid>`;
    expect(mail.messageId).toBe(root);
    expect(mail.headers['in-reply-to']).toBeUndefined();

    const page = await platform.newPage();
    await page.goto(link);
    await signInAtProvider(
      page,
      addressOf(['clinician'], platform.ladder.members.chair),
      TEST_PASSWORD,
    );
    await page.waitForURL(link);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/lung/i);
    // Why it opened: the breach's months against the target, and the standard's chart.
    const why = page.locator('#why ~ .nhsuk-summary-list').first();
    expect(await why.textContent()).toContain('28-day Faster Diagnosis Standard');
    expect(await why.textContent()).toMatch(/Below target\s*\d+ consecutive months?/);
    const chart = page.getByRole('img', { name: /^Line chart of 28-day Faster Diagnosis/ });
    await chart.scrollIntoViewIfNeeded();
    // The browser fetched and decoded the SVG: an image that failed to load has no width.
    expect(
      await chart.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await page.locator('table', { hasText: 'Within the standard' }).textContent()).toContain(
      'Below target',
    );
    await platform.expectAccessible(page, 'case-from-email');
    await page.getByRole('button', { name: 'Acknowledge this case' }).click();
    await page.waitForURL(/done=acknowledged/);
    expect(await page.locator('.nhsuk-tag').first().textContent()).toContain('Acknowledged');
    // The e-mail's other link: the chair's notification preferences.
    await page.goto(`${platform.webBase}/my-work#preferences`);
    expect(await page.locator('#preferences').textContent()).toBe('My notification preferences');
    await page.context().close();

    // A later step of the case comes to the chair in the same thread.
    await request(platform.url('workflow'))
      .post(`/cases/${caseId}/resolve`)
      .set('authorization', admin)
      .send({ rationale: 'Recovery plan agreed with both trusts' })
      .expect(200);
    const title = mail.subject.replace(/^Action needed: /, '');
    await waitFor('the chair’s e-mail of the resolution', () =>
      smtp.to(chairAddress).some((later) => later.subject === `Resolved: ${title}`),
    );
    // (With no meeting of the group scheduled, the chair was also asked for chair's action.)
    const later = smtp.to(chairAddress).slice(1);
    expect(later.map((each) => each.subject)).toContain(`Resolved: ${title}`);
    for (const each of later) {
      expect(each.messageId).not.toBe(root);
      expect(each.headers['in-reply-to']).toBe(root);
      expect(each.headers['references']).toBe(root);
    }
  });
});
