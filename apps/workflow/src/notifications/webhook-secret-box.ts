import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The key development and tests seal webhook secrets with when WEBHOOK_SECRET_KEY is unset: the
 * ASCII of "development-only-webhook-key-32b", published here, so it protects nothing.
 * Production must set its own key and may not use this one (config.ts refuses both).
 */
export const DEVELOPMENT_WEBHOOK_SECRET_KEY = 'ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLWtleS0zMmI=';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Keeps members' webhook secrets encrypted at rest with AES-256-GCM: what is stored is the iv,
 * the authentication tag and the ciphertext, in that order. The member's id is authenticated
 * with it, so a sealed secret copied onto another member's row does not open.
 */
export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, 'base64');
    if (this.key.length !== 32) {
      throw new Error('The webhook secret key must be 32 bytes, base64');
    }
  }

  seal(secret: string, memberId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(memberId));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The secret; throws when the bytes were altered, belong to another member or another key. */
  open(sealed: Buffer, memberId: string): string {
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(memberId));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}
