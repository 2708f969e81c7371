import { waitFor } from '#testing';
import { anFdsLine, csv, PROVIDER_HEADER } from '../apps/performance/test/builders.js';
import { WebPlatform } from './web/web-platform.js';

/** A month of lung FDS for the alliance's two trusts, and the published ALL CANCERS total. */
const lungMonth = (period: string, share: number) => [
  anFdsLine({ period, orgCode: 'RGT', total: 100, within: Math.round(100 * share) }),
  anFdsLine({ period, orgCode: 'RGN', total: 50, within: Math.round(50 * share) }),
  anFdsLine({ period, cancerType: 'ALL CANCERS', total: 150, within: 150 }),
];

/**
 * The alliance's performance analyst in Chromium (the scenario 4): uploads a CWT file
 * with a bad line and sees that line's problem, then a good file and its figures, then reads
 * the alliance's standards by tumour site against their targets, with the chart.
 */
describe('web app in the browser: the CWT upload and the performance dashboard', () => {
  let platform: WebPlatform<never>;

  beforeAll(async () => {
    platform = await WebPlatform.start('CWT', {});
    const admin = await platform.token(['admin']);
    await platform.mapProviders(admin, {
      RGT: 'Cambridge University Hospitals',
      RGN: 'North West Anglia',
    });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('shows a bad line of an upload, then the figures of a good file, then the dashboard', async () => {
    const page = await platform.signedIn(['admin'], '/performance/upload');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Upload a CWT file');

    // The page's script sends the file itself, showing progress: no page load until the answer.
    let loads = 0;
    page.on('framenavigated', (frame) => {
      loads += frame === page.mainFrame() ? 1 : 0;
    });
    const bad = csv(
      PROVIDER_HEADER,
      anFdsLine({ period: '2026-05' }),
      anFdsLine({ period: '2026-05', orgCode: 'RGN', total: 10, within: 12, breaches: 0 }),
    );
    await page.locator('input[type=file][name=file]').setInputFiles({
      name: 'cwt-may-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForSelector('.nhsuk-error-summary');
    expect(loads).toBe(0);
    expect(await page.title()).toMatch(/^Error: /);
    const summary = await page.locator('.nhsuk-error-summary').textContent();
    expect(summary).toContain('nothing was imported');
    expect(summary).toContain('Line 3:');
    expect(await page.locator('#problems').textContent()).toBe('Lines with problems');
    expect(await page.locator('.nhsuk-error-message').textContent()).toContain(
      'nothing was imported',
    );
    await platform.expectAccessible(page, 'upload-problems');

    const good = csv(PROVIDER_HEADER, lungMonth('2026-04', 0.82), lungMonth('2026-05', 0.7));
    await page.locator('input[type=file][name=file]').setInputFiles({
      name: 'cwt-may.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good),
    });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForURL(/\/performance\/imports\//);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Imported 6 lines');
    const figures = await page.locator('.nhsuk-summary-list').textContent();
    expect(figures).toMatch(/Lines read\s*6/);
    expect(figures).toMatch(/Totals set aside\s*2/);
    expect(figures).toContain('April 2026, May 2026');
    expect(figures).toContain('28-day Faster Diagnosis Standard');
    // Each month's lines counted (the two trusts) and its ALL CANCERS total set aside.
    const counts = page.locator('table', { hasText: 'Lines by standard and period' });
    expect(await counts.textContent()).toMatch(
      /28-day Faster Diagnosis Standard\s*April 2026\s*2\s*1\s*28-day Faster Diagnosis Standard\s*May 2026\s*2\s*1/,
    );
    await platform.expectAccessible(page, 'upload-imported');

    await page.goto(`${platform.webBase}/performance?allianceId=${platform.ladder.allianceId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Cancer waiting times performance',
    );
    const latest = page.locator('table').first();
    await expect(latest.textContent()).resolves.toMatch(
      /Tumour site Lung\s*Month May 2026\s*Performance 70\.0%[\s\S]*Below target/,
    );
    const chart = page.locator('img[src^="/performance/chart.svg"]').first();
    expect(await chart.getAttribute('alt')).toContain('In May 2026: 70.0% against a target');
    await waitFor('the chart to load', () =>
      chart.evaluate((element) => {
        const image = element as unknown as { complete: boolean; naturalWidth: number };
        return image.complete && image.naturalWidth > 0;
      }),
    );
    await platform.expectAccessible(page, 'performance');
    await page.context().close();
  });

  it('refuses an upload without the form token before any service is asked', async () => {
    const page = await platform.signedIn(['admin'], '/performance/upload');
    const tokenless = await page.request.post(`${platform.webBase}/performance/upload`, {
      multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n') } },
      maxRedirects: 0,
    });
    expect(tokenless.status()).toBe(403);
    await page.context().close();
  });
});
