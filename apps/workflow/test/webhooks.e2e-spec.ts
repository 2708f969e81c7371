import { createHmac, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  deleteRedisKeys,
  httpSink,
  type HttpSink,
  isolatedTopicPrefix,
  serviceTestEnv,
  testKafka,
  TestIdentity,
  uniqueName,
  waitFor,
} from '#testing';
import { createWorkflowApp } from '../src/bootstrap.js';

interface Problem {
  status: number;
  errors: { field: string; messages: string[] }[];
}

/**
 * Webhooks cannot be pointed at the service's own network, are not redirected, and are signed as
 * Standard Webhooks says with a secret the server issues, shows once and keeps encrypted. Two
 * services: one configured as production is (https, public addresses only), and one that may
 * reach this machine's sinks over http, as development may.
 */
describe('webhooks (real PostgreSQL and Redis)', () => {
  const run = uniqueName('wwh');
  const kafka = testKafka();
  const queuePrefix = `q_${run}`;
  let identity: TestIdentity;
  let admin: string;
  let strict: INestApplication;
  let local: INestApplication;
  const sinks: HttpSink[] = [];
  const open = async (status: number, location?: string) => {
    const opened = await httpSink(status, location);
    sinks.push(opened);
    return opened;
  };
  const setWebhook = (app: INestApplication, memberId: string, webhookUrl: string) =>
    request(app.getHttpServer())
      .put(`/members/${memberId}/preferences`)
      .set('authorization', admin)
      .send({ channels: ['webhook', 'inbox'], digest: false, webhookUrl });
  /** A pending webhook notification, as the planner writes one; the delivery sweep sends it. */
  async function aPendingWebhook(memberId: string, address: string): Promise<string> {
    const id = randomUUID();
    await local.get(DataSource).query(
      `INSERT INTO "${run}_local".notification
         (id, dedup_key, member_id, channel, address, subject, body, urgent, status)
       VALUES ($1, $2, $3, 'webhook', $4, 'Case opened', 'A case was opened', true, 'pending')`,
      [id, `test:${id}`, memberId, address],
    );
    return id;
  }
  const notification = async (id: string) => {
    const [row] = await local
      .get(DataSource)
      .query<{ status: string; attempts: number; last_error: string | null }[]>(
        `SELECT status, attempts, last_error FROM "${run}_local".notification WHERE id = $1`,
        [id],
      );
    return row;
  };

  beforeAll(async () => {
    const prefix = await isolatedTopicPrefix(kafka, run);
    identity = await TestIdentity.start();
    admin = await identity.token(['admin']);
    strict = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema: `${run}_strict`, prefix, identity }),
      QUEUE_PREFIX: `${queuePrefix}_strict`,
      NOTIFICATIONS_ENABLED: 'false',
      TIMERS_ENABLED: 'false',
    });
    await strict.init();
    local = await createWorkflowApp({
      ...serviceTestEnv('workflow', { schema: `${run}_local`, prefix, identity }),
      QUEUE_PREFIX: `${queuePrefix}_local`,
      TIMERS_ENABLED: 'false',
      TIMER_SWEEP_SECONDS: '0.5',
      NOTIFICATION_BACKOFF_MS: '20',
      WEBHOOK_ALLOW_INSECURE: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    });
    await local.init();
  }, 120_000);

  afterEach(async () => {
    await Promise.all(sinks.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    for (const [app, schema] of [
      [strict, `${run}_strict`],
      [local, `${run}_local`],
    ] as const) {
      await app?.get(DataSource).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await app?.close();
    }
    await identity?.stop();
    await deleteRedisKeys(`${queuePrefix}_strict`);
    await deleteRedisKeys(`${queuePrefix}_local`);
  });

  it.each([
    ['loopback', 'https://127.0.0.1/hook'],
    ['the cloud metadata service', 'https://169.254.169.254/latest/meta-data/'],
    ['a private network', 'https://10.0.0.1/hook'],
    ['an IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['a name that resolves to loopback', 'https://localhost/hook'],
  ])('refuses a webhook URL that reaches %s, naming the field', async (_what, url) => {
    const refused = await setWebhook(strict, randomUUID(), url).expect(400);
    expect((refused.body as Problem).errors).toEqual([
      { field: 'webhookUrl', messages: [expect.stringMatching(/is not public/)] },
    ]);
  });

  it('refuses http://127.0.0.1 on both counts: not https, and not public', async () => {
    const hook = await open(204);
    const refused = await setWebhook(strict, randomUUID(), hook.url).expect(400);
    expect((refused.body as Problem).errors).toEqual([
      {
        field: 'webhookUrl',
        messages: [
          expect.stringMatching(/https/),
          expect.stringMatching(/127\.0\.0\.1 is not public/),
        ],
      },
    ]);
    expect(hook.calls).toHaveLength(0);
  });

  it('issues the secret itself, shows it once, keeps it encrypted, and issues a new one on rotation', async () => {
    const memberId = randomUUID();
    const set = await setWebhook(strict, memberId, 'https://8.8.8.8/hook').expect(200);
    const secret = (set.body as { webhookSecret: string }).webhookSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const shown = await request(strict.getHttpServer())
      .get(`/members/${memberId}/preferences`)
      .set('authorization', admin)
      .expect(200);
    expect(shown.body).toEqual(
      expect.objectContaining({
        webhookUrl: 'https://8.8.8.8/hook',
        channels: ['webhook', 'inbox'],
      }),
    );
    expect(JSON.stringify(shown.body)).not.toContain(secret.slice(6, 20));
    const [stored] = await strict
      .get(DataSource)
      .query<{ row: string }[]>(
        `SELECT row_to_json(p)::text AS row FROM "${run}_strict".member_preference p WHERE member_id = $1`,
        [memberId],
      );
    expect(stored!.row).not.toContain(secret.slice(6, 20));
    expect(stored!.row).not.toContain(Buffer.from(secret.slice(6), 'base64').toString('hex'));

    // Setting the same URL again keeps the secret; asking for a new one replaces it.
    const again = await setWebhook(strict, memberId, 'https://8.8.8.8/hook').expect(200);
    expect(again.body).not.toHaveProperty('webhookSecret');
    const rotated = await request(strict.getHttpServer())
      .post(`/members/${memberId}/webhook-secret`)
      .set('authorization', admin)
      .expect(200);
    expect((rotated.body as { webhookSecret: string }).webhookSecret).toMatch(/^whsec_/);
    expect((rotated.body as { webhookSecret: string }).webhookSecret).not.toBe(secret);
  });

  it('takes no secret from the member: the server issues it', async () => {
    const refused = await request(strict.getHttpServer())
      .put(`/members/${randomUUID()}/preferences`)
      .set('authorization', admin)
      .send({
        channels: ['webhook'],
        digest: false,
        webhookUrl: 'https://8.8.8.8/hook',
        webhookSecret: 'a-secret-of-my-own-choosing',
      })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('webhookSecret');
  });

  it('has no secret to rotate for a member without a webhook', async () => {
    await request(strict.getHttpServer())
      .post(`/members/${randomUUID()}/webhook-secret`)
      .set('authorization', admin)
      .expect(422);
  });

  it('delivers a notification signed with the secret given at registration, with a recent timestamp', async () => {
    const hook = await open(204);
    const memberId = randomUUID();
    const set = await setWebhook(local, memberId, hook.url).expect(200);
    const secret = (set.body as { webhookSecret: string }).webhookSecret;

    const id = await aPendingWebhook(memberId, hook.url);
    await waitFor('the webhook to be called', () => hook.calls.length === 1);
    const { headers, body } = hook.calls[0]!;
    expect(headers['webhook-id']).toBe(id);
    const timestamp = Number(headers['webhook-timestamp']);
    expect(Math.abs(Date.now() / 1000 - timestamp)).toBeLessThan(60);
    const signed = `${id}.${timestamp}.${body}`;
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    expect(headers['webhook-signature']).toBe(
      `v1,${createHmac('sha256', key).update(signed).digest('base64')}`,
    );
    expect(JSON.parse(body)).toMatchObject({ notificationId: id, memberId, urgent: true });
    await waitFor(
      'the notification to be recorded sent',
      async () => (await notification(id))?.status === 'sent',
    );
  });

  it('does not follow a redirect: the delivery fails and the redirect target is never called', async () => {
    const target = await open(204);
    const redirecting = await open(302, target.url);
    const memberId = randomUUID();
    await setWebhook(local, memberId, redirecting.url).expect(200);

    const id = await aPendingWebhook(memberId, redirecting.url);
    const row = await waitFor('the delivery to be given up', async () => {
      const current = await notification(id);
      return current?.status === 'failed' && current;
    });
    expect(row).toMatchObject({
      attempts: 5,
      last_error: 'The webhook answered 302: redirects are not followed',
    });
    expect(redirecting.calls).toHaveLength(5);
    expect(target.calls).toHaveLength(0);
  });
});
