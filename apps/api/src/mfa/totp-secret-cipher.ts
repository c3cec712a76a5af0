import { type Config, type EncryptionKey, InjectConfig } from '@libs/config';
import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A TOTP secret as stored: the id of the key that sealed it, and IV ‖ tag ‖ ciphertext. */
export interface SealedSecret {
  readonly keyId: string;
  readonly sealed: Buffer;
}

export class UnreadableSecretError extends Error {
  override readonly name = 'UnreadableSecretError';
}

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM under MFA_ENCRYPTION_KEYS. The first key seals;
 * every key opens, so a rotation prepends a new key, and secrets move to it as they are used (or
 * by re-enrolment) before the old key is dropped. Each secret is bound to its user id as
 * additional authenticated data: a sealed secret copied to another account's row does not open.
 * Without configured keys (tests, development) a key is generated per process; `npm start`
 * passes one kept in .cache; production refuses to start without them.
 */
@Injectable()
export class TotpSecretCipher {
  private readonly keys: readonly EncryptionKey[];

  constructor(@InjectConfig() config: Config) {
    this.keys = config.mfa.encryptionKeys ?? [{ kid: 'process', key: randomBytes(32) }];
  }

  /** The key new secrets are sealed with. */
  get currentKeyId(): string {
    return this.current().kid;
  }

  seal(secret: Buffer, userId: string): SealedSecret {
    const { kid, key } = this.current();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(userId));
    const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
    return { keyId: kid, sealed: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]) };
  }

  /** The secret, or UnreadableSecretError: unknown key id, another user's, or tampered with. */
  open({ keyId, sealed }: SealedSecret, userId: string): Buffer {
    const key = this.keys.find((candidate) => candidate.kid === keyId)?.key;
    if (!key) throw new UnreadableSecretError(`no MFA encryption key "${keyId}" is configured`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(userId));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new UnreadableSecretError('the sealed TOTP secret does not authenticate');
    }
  }

  private current(): EncryptionKey {
    const [first] = this.keys;
    if (!first) throw new Error('no MFA encryption key');
    return first;
  }
}
