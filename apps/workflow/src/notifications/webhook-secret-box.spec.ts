import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_WEBHOOK_SECRET_KEY, WebhookSecretBox } from './webhook-secret-box.js';

describe('webhook secrets at rest', () => {
  const key = randomBytes(32).toString('base64');
  const box = new WebhookSecretBox(key);
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('seals a secret with AES-256-GCM so the stored bytes do not hold it, and opens it again', () => {
    const sealed = box.seal(secret, 'member-1');
    expect(sealed.includes(Buffer.from(secret))).toBe(false);
    expect(sealed.includes(Buffer.from(secret.slice(6), 'base64'))).toBe(false);
    // iv (12) + tag (16) + ciphertext (as long as the secret)
    expect(sealed).toHaveLength(12 + 16 + Buffer.byteLength(secret));
    expect(box.open(sealed, 'member-1')).toBe(secret);
  });

  it('uses a new iv each time', () => {
    expect(box.seal(secret, 'member-1').equals(box.seal(secret, 'member-1'))).toBe(false);
  });

  it('refuses what was altered, sealed for another member, or under another key', () => {
    const sealed = box.seal(secret, 'member-1');
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(() => box.open(altered, 'member-1')).toThrow();
    expect(() => box.open(sealed, 'member-2')).toThrow();
    expect(() =>
      new WebhookSecretBox(randomBytes(32).toString('base64')).open(sealed, 'member-1'),
    ).toThrow();
  });

  it('takes only a 32-byte key', () => {
    expect(() => new WebhookSecretBox(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(Buffer.from(DEVELOPMENT_WEBHOOK_SECRET_KEY, 'base64')).toHaveLength(32);
  });
});
