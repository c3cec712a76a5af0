import { type Config, type Ed25519Jwk, InjectConfig } from '@libs/config';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CryptoKey, type JWK, exportJWK, generateKeyPair, importJWK } from 'jose';
import { randomUUID } from 'node:crypto';

export const ACCESS_TOKEN_ALG = 'EdDSA';

/**
 * The Ed25519 keys of access tokens. The first configured key signs; every configured key
 * verifies, so a rotation adds the new key first and removes the old one once its tokens have
 * expired. Without configuration (tests, a development container) a key is generated per process;
 * `npm start` configures one it keeps in .cache (development-signing-key.ts).
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private signingKid = '';
  private signingKey: CryptoKey | undefined;
  private readonly verificationKeys = new Map<string, CryptoKey>();
  private publicJwks: JWK[] = [];

  constructor(@InjectConfig() private readonly config: Config) {}

  async onModuleInit(): Promise<void> {
    const jwks = this.config.auth.signingKeys ?? [await generateSigningKey()];
    const [first] = jwks;
    if (!first) throw new Error('no signing key');
    this.signingKid = first.kid;
    this.signingKey = await importJWK(first, ACCESS_TOKEN_ALG);
    for (const { kty, crv, x, kid } of jwks) {
      const publicJwk = { kty, crv, x, kid, alg: ACCESS_TOKEN_ALG, use: 'sig' };
      this.verificationKeys.set(kid, await importJWK(publicJwk, ACCESS_TOKEN_ALG));
      this.publicJwks.push(publicJwk);
    }
  }

  signer(): { kid: string; key: CryptoKey } {
    if (!this.signingKey) throw new Error('signing keys are not loaded yet');
    return { kid: this.signingKid, key: this.signingKey };
  }

  /** Only keys we hold: a token can never bring its own (jku, x5u, jwk headers are ignored). */
  verificationKey(kid: string | undefined): CryptoKey | undefined {
    return kid === undefined ? undefined : this.verificationKeys.get(kid);
  }

  /** Public halves for /.well-known/jwks.json. */
  jwks(): { keys: JWK[] } {
    return { keys: this.publicJwks };
  }
}

/** A new Ed25519 private key as JWT_SIGNING_KEYS holds it, with a random `dev-` kid. */
export async function generateSigningKey(): Promise<Ed25519Jwk> {
  const { privateKey } = await generateKeyPair(ACCESS_TOKEN_ALG, {
    crv: 'Ed25519',
    extractable: true,
  });
  const jwk = await exportJWK(privateKey);
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x ?? '', d: jwk.d ?? '', kid: `dev-${randomUUID()}` };
}
