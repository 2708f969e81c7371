import { generateKeyPairSync } from 'node:crypto';
import { CheckpointSigner } from './checkpoint-signer.js';

const digest = 'a'.repeat(64);

describe('the checkpoint signer', () => {
  it('takes an Ed25519 key as PEM or base64 DER, and names it by its public key', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const fromPem = CheckpointSigner.fromSetting(pem, 'production');
    const fromDer = CheckpointSigner.fromSetting(der, 'production');
    expect(fromPem.keyId).toBe(fromDer.keyId);
    expect(fromDer.verifies(digest, fromPem.sign(digest))).toBe(true);
    expect(fromPem.publicJwk()).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: fromPem.keyId });
  });

  it('refuses a signature by another key or over another digest', () => {
    const signer = CheckpointSigner.fromSetting(undefined, 'test');
    const other = CheckpointSigner.fromSetting(
      generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'der' })
        .toString('base64'),
      'production',
    );
    expect(signer.verifies(digest, signer.sign(digest))).toBe(true);
    expect(signer.verifies(digest, other.sign(digest))).toBe(false);
    expect(signer.verifies('b'.repeat(64), signer.sign(digest))).toBe(false);
  });

  it('runs without a key only in development and test', () => {
    expect(CheckpointSigner.fromSetting(undefined, 'development').keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(() => CheckpointSigner.fromSetting(undefined, 'production')).toThrow(
      /HISTORY_SIGNING_KEY is required/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => CheckpointSigner.fromSetting(rsa.toString(), 'production')).toThrow(
      /must be an Ed25519 private key/,
    );
  });
});
