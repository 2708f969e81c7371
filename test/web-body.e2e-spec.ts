import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { WebPlatform } from './web/web-platform.js';

/**
 * The body page in Chromium against the running services: who chairs the body, the clinical
 * lead shown as vacant, its open case linked to the case page, its priority's RAG as a tag,
 * with axe; an unknown body is a
 * 404 page.
 */
describe('web app in the browser: the body page', () => {
  let platform: WebPlatform<'chair' | 'member'>;
  let caseId: string;

  beforeAll(async () => {
    platform = await WebPlatform.start('BODY', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
    });
    caseId = await platform.raiseCase(
      'member',
      'Lung clinic rota has no cover in August',
      'Two consultants are on leave and no locum is booked',
    );
    const chair = await platform.token('chair');
    const priority = await request(platform.url('priorities'))
      .post('/priorities')
      .set('authorization', chair)
      .send({
        bodyId: platform.ladder.groupId,
        title: 'Lung RDP in every trust',
        source: 'alliance',
        category: 'rapid-diagnostic-pathway',
      })
      .expect(201);
    await request(platform.url('priorities'))
      .post(`/priorities/${(priority.body as { id: string }).id}/rag`)
      .set('authorization', chair)
      .send({ rag: 'amber', reason: 'Two trusts have not started' })
      .expect(200);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it("shows a member the body's chair, its vacant clinical lead and its open case", async () => {
    const page = await platform.signedIn('member', `/bodies/${platform.ladder.groupId}`);
    const summary = page.locator('.nhsuk-summary-list');
    expect(await summary.textContent()).toContain('Dr Chair');
    const lead = page.locator('.nhsuk-summary-list__row', { hasText: 'Clinical lead' });
    expect((await lead.locator('.nhsuk-summary-list__value').textContent())?.trim()).toBe('Vacant');
    expect(await page.locator('main').textContent()).toContain('Nurse Member');
    expect(await page.getByRole('link', { name: /^Meetings of / }).getAttribute('href')).toBe(
      `/bodies/${platform.ladder.groupId}/meetings`,
    );
    const priority = page.locator('tr', { hasText: 'Lung RDP in every trust' });
    expect(await priority.locator('.nhsuk-tag--orange').textContent()).toContain('Amber');
    await platform.expectAccessible(page, 'body');

    await page.getByRole('link', { name: 'Lung clinic rota has no cover in August' }).click();
    await page.waitForURL(`${platform.webBase}/cases/${caseId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Lung clinic rota has no cover in August',
    );
    await page.context().close();
  });

  it('answers an unknown body with the page-not-found page', async () => {
    const page = await platform.signedIn('member', `/bodies/${randomUUID()}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    const response = await page.request.get(`${platform.webBase}/bodies/${randomUUID()}`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
    await page.context().close();
  });
});
