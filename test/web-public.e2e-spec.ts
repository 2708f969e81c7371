import request from 'supertest';
import { waitFor } from '#testing';
import { WebPlatform } from './web/web-platform.js';

type Person = 'chair' | 'secretary' | 'member';

/**
 * The public pages in Chromium against the running services, nobody signed in: the Board's
 * decisions once its minutes are approved, and a comment on a pathway under consultation, which
 * then shows to the owning group's secretariat on its body page and to nobody else. axe on every
 * page.
 */
describe('web app in the browser: the public pages', () => {
  let platform: WebPlatform<Person>;
  let decidedMeetingId: string;
  let consultationVersionId: string;

  const meetings = () => request(platform.url('meetings'));
  const priorities = () => request(platform.url('priorities'));

  /**
   * A Board meeting that started `daysAgo` days ago with `item` on its agenda (if any), held
   * with its chair present; its id and the item's.
   */
  async function heldBoardMeeting(
    admin: string,
    title: string,
    daysAgo: number,
    item?: string,
  ): Promise<{ id: string; itemId?: string }> {
    const ahead = Date.now() + 30 * 86_400_000;
    const scheduled = await meetings()
      .post(`/bodies/${platform.ladder.boardId}/meetings`)
      .set('authorization', admin)
      .send({
        kind: 'alliance-board',
        title,
        startsAt: new Date(ahead).toISOString(),
        endsAt: new Date(ahead + 7_200_000).toISOString(),
      });
    expect(scheduled.status).toBe(201);
    const id = (scheduled.body as { id: string }).id;
    let itemId: string | undefined;
    if (item) {
      const added = await meetings()
        .post(`/meetings/${id}/agenda`)
        .set('authorization', admin)
        .send({ type: 'for-decision', title: item })
        .expect(201);
      itemId = (added.body as { id: string }).id;
    }
    const started = Date.now() - daysAgo * 86_400_000;
    await meetings()
      .post(`/meetings/${id}/reschedule`)
      .set('authorization', admin)
      .send({
        startsAt: new Date(started).toISOString(),
        endsAt: new Date(started + 7_200_000).toISOString(),
      })
      .expect(200);
    await meetings()
      .put(`/meetings/${id}/attendance`)
      .set('authorization', admin)
      .send({ attendance: [{ memberId: platform.ladder.members.chair, status: 'present' }] })
      .expect(200);
    await meetings().post(`/meetings/${id}/hold`).set('authorization', admin).expect(200);
    return { id, ...(itemId && { itemId }) };
  }

  beforeAll(async () => {
    platform = await WebPlatform.start('PUB', {
      chair: { name: 'Dr Chair', profession: 'doctor', role: 'chair' },
      secretary: { name: 'Network Manager', profession: 'manager', role: 'secretariat' },
      member: { name: 'Nurse Member', profession: 'nurse', role: 'member' },
    });
    const admin = await platform.token(['admin']);
    // The group's chair chairs the Board too, so a Board meeting can be quorate.
    await platform.membership.create('/appointments', {
      memberId: platform.ladder.members.chair,
      bodyId: platform.ladder.boardId,
      role: 'chair',
      termStart: '2025-04-01',
    });
    await waitFor(
      'meetings to seat the chair on the Board',
      async () => {
        const meeting = await meetings()
          .post(`/bodies/${platform.ladder.boardId}/meetings`)
          .set('authorization', await platform.token('chair'))
          .send({
            kind: 'alliance-board',
            title: 'Seat probe',
            startsAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 90 * 86_400_000 + 3_600_000).toISOString(),
          });
        return meeting.status === 201;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    const decided = await heldBoardMeeting(
      admin,
      'Alliance Board, November',
      7,
      'Fund a second EBUS list',
    );
    decidedMeetingId = decided.id;
    await meetings()
      .post(`/agenda-items/${decided.itemId}/decision`)
      .set('authorization', admin)
      .send({ outcome: 'approved', rationale: 'Patients travel to another alliance for EBUS' })
      .expect(201);
    await meetings()
      .put(`/meetings/${decidedMeetingId}/minutes`)
      .set('authorization', admin)
      .send({ text: 'The Board met.\n\nIt agreed to fund a second EBUS list.' })
      .expect(200);
    const approving = await heldBoardMeeting(admin, 'Alliance Board, December', 1);
    await meetings()
      .post(`/meetings/${decidedMeetingId}/minutes/approve`)
      .set('authorization', admin)
      .send({ atMeetingId: approving.id })
      .expect(200);

    // The group's lung pathway: version 1 published, version 2 out for consultation.
    const pathway = await priorities()
      .post('/pathways')
      .set('authorization', admin)
      .send({
        bodyId: platform.ladder.groupId,
        title: 'Lung cancer optimal pathway',
        tumourSite: 'lung',
        scope: 'alliance',
      })
      .expect(201);
    const pathwayId = (pathway.body as { id: string }).id;
    const version = async (number: string, summary: string) => {
      const added = await priorities()
        .post(`/pathways/${pathwayId}/versions`)
        .set('authorization', admin)
        .send({
          version: number,
          documentUrl: `https://example.org/lung-${number}.pdf`,
          changeSummary: summary,
        })
        .expect(201);
      return (added.body as { id: string }).id;
    };
    const advance = (id: string, status: string) =>
      priorities()
        .post(`/pathway-versions/${id}/advance`)
        .set('authorization', admin)
        .send({ status })
        .expect(200);
    const first = await version('1.0', 'The first pathway');
    await advance(first, 'consultation');
    await advance(first, 'approved');
    await priorities()
      .post(`/pathway-versions/${first}/publish`)
      .set('authorization', admin)
      .send({})
      .expect(200);
    consultationVersionId = await version('2.0', 'Adds the straight-to-CT step from primary care');
    await advance(consultationVersionId, 'consultation');
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it("lets anyone read the Board's decisions and approved minutes without signing in", async () => {
    const page = await platform.newPage();
    await page.goto(`${platform.webBase}/`);
    await page.getByRole('link', { name: 'decisions, minutes and pathways', exact: true }).click();
    await page.waitForURL(`${platform.webBase}/public`);
    await platform.expectAccessible(page, 'public-bodies');

    await page.getByRole('link', { name: 'Board', exact: true }).click();
    await page.waitForURL(`${platform.webBase}/public/bodies/${platform.ladder.boardId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Board');
    const decision = page.locator('.nhsuk-summary-list').first();
    expect(await page.getByRole('heading', { name: 'Fund a second EBUS list' }).count()).toBe(1);
    expect(await decision.textContent()).toContain('Approved');
    expect(await decision.textContent()).toContain('Patients travel to another alliance for EBUS');
    // Nothing of the approving meeting shows: its own minutes are not approved.
    expect(await page.locator('main').textContent()).not.toContain('Alliance Board, December');
    await platform.expectAccessible(page, 'public-body');

    await page.getByRole('link', { name: 'Alliance Board, November' }).first().click();
    await page.waitForURL(`${platform.webBase}/public/meetings/${decidedMeetingId}`);
    expect(await page.locator('main').textContent()).toContain(
      'It agreed to fund a second EBUS list.',
    );
    await platform.expectAccessible(page, 'public-minutes');
    expect(
      await page
        .getByRole('link', { name: "The body's decisions and pathways" })
        .getAttribute('href'),
    ).toBe(`/public/bodies/${platform.ladder.boardId}`);
    // Nobody signed in on the way: the header still offers sign-in.
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    await page.context().close();
  });

  it('takes a comment on a pathway under consultation for the secretariat alone', async () => {
    const page = await platform.newPage();
    await page.goto(`${platform.webBase}/public/bodies/${platform.ladder.groupId}`);
    expect(await page.locator('main').textContent()).toContain('Lung cancer optimal pathway');
    await page.getByRole('link', { name: /Lung cancer optimal pathway \(version 2\.0\)/ }).click();
    await page.waitForURL(`${platform.webBase}/public/pathways/${consultationVersionId}`);

    // Sent empty: the NHS error summary names both missing answers, linked to their fields.
    await page.getByRole('button', { name: 'Send comment' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    expect(await summary.textContent()).toContain('Select who you are commenting as');
    expect(await summary.textContent()).toContain('Enter your comment');
    expect(await page.title()).toMatch(/^Error: /);
    await platform.expectAccessible(page, 'public-pathway-error');

    const comment = 'Please say who the lung CNS is and how to reach them after the CT.';
    await page.getByRole('radio', { name: 'A carer, relative or friend of a patient' }).check();
    await page.getByLabel('Your comment').fill(comment);
    await page.getByLabel('Your name (optional)').fill('Jo Carer');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await page.waitForURL(/comment-sent$/);
    expect(await page.locator('.nhsuk-panel').textContent()).toContain(
      'Your comment has been sent',
    );
    await platform.expectAccessible(page, 'public-comment-sent');
    // It is not published: the public pages do not show it.
    await page.goto(`${platform.webBase}/public/bodies/${platform.ladder.groupId}`);
    expect(await page.locator('main').textContent()).not.toContain(comment);
    await page.context().close();

    const secretary = await platform.signedIn('secretary', `/bodies/${platform.ladder.groupId}`);
    const comments = secretary.locator('.nhsuk-card', { hasText: comment });
    expect(await comments.textContent()).toContain('Jo Carer');
    expect(await comments.textContent()).toContain('New');
    await platform.expectAccessible(secretary, 'body-comments');
    await comments.getByRole('button', { name: 'Mark as read' }).click();
    await secretary.waitForURL(/done=read/);
    expect(
      await secretary.locator('.nhsuk-card', { hasText: comment }).getByRole('button').count(),
    ).toBe(0);
    await secretary.context().close();

    const member = await platform.signedIn('member', `/bodies/${platform.ladder.groupId}`);
    expect(await member.getByRole('heading', { name: 'Comments from the public' }).count()).toBe(0);
    expect(await member.locator('main').textContent()).not.toContain(comment);
    await member.context().close();
  });

  it('answers a pathway that is not open to the public, or not there, with the 404 page', async () => {
    const page = await platform.newPage();
    const missing = await page.goto(
      `${platform.webBase}/public/pathways/00000000-0000-4000-8000-000000000000`,
    );
    expect(missing?.status()).toBe(404);
    const garbled = await page.goto(`${platform.webBase}/public/bodies/not-a-body`);
    expect(garbled?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.context().close();
  });
});
