import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

/**
 * The key a checkpoint of the case histories is signed with: Ed25519, held by the service and
 * not by its database, so a database writer can rewrite a history but cannot sign a checkpoint
 * that agrees with the rewrite. `HISTORY_SIGNING_KEY` is the PKCS #8 private key, PEM or
 * base64 DER; only development and test may run without one, on a fixed key named for what it is.
 */
export class CheckpointSigner {
  /** Names the key in each checkpoint: the hex SHA-256 of its public key's DER. */
  readonly keyId: string;
  private readonly publicKey: KeyObject;

  private constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error(
        `HISTORY_SIGNING_KEY must be an Ed25519 private key, not ${privateKey.asymmetricKeyType ?? 'a secret key'}`,
      );
    }
    this.publicKey = createPublicKey(privateKey);
    this.keyId = createHash('sha256')
      .update(this.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
  }

  static fromSetting(setting: string | undefined, nodeEnv: string): CheckpointSigner {
    if (setting === undefined || setting === '') {
      if (nodeEnv !== 'development' && nodeEnv !== 'test') {
        throw new Error(
          'HISTORY_SIGNING_KEY is required outside development and test: an Ed25519 private key (PKCS #8, PEM or base64 DER), e.g. from `openssl genpkey -algorithm ed25519`',
        );
      }
      return new CheckpointSigner(developmentOnlyKey());
    }
    const key = setting.includes('-----BEGIN')
      ? createPrivateKey(setting)
      : createPrivateKey({ key: Buffer.from(setting, 'base64'), format: 'der', type: 'pkcs8' });
    return new CheckpointSigner(key);
  }

  /** The base64url Ed25519 signature of `digest` (a hex string, signed as its UTF-8 text). */
  sign(digest: string): string {
    return sign(null, Buffer.from(digest, 'utf8'), this.privateKey).toString('base64url');
  }

  /** Whether `signature` is this key's signature of `digest`. */
  verifies(digest: string, signature: string): boolean {
    return verify(
      null,
      Buffer.from(digest, 'utf8'),
      this.publicKey,
      Buffer.from(signature, 'base64url'),
    );
  }

  /** The public key as a JWK, for anyone checking the published checkpoints. */
  publicJwk(): Record<string, unknown> {
    return { ...this.publicKey.export({ format: 'jwk' }), kid: this.keyId, use: 'sig' };
  }
}

// The PKCS #8 DER header of an Ed25519 private key, followed by its 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A fixed key for development and tests only: its seed is in this source file. */
function developmentOnlyKey(): KeyObject {
  const seed = createHash('sha256').update('cancer-network development history key').digest();
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}
