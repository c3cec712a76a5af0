import type { Ed25519Jwk } from '@libs/config';
import { type JWTPayload, SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import { randomUUID } from 'node:crypto';

/** A fresh Ed25519 signing key as JWT_SIGNING_KEYS expects it. */
export async function newSigningKey(kid = `test-${randomUUID()}`): Promise<Ed25519Jwk> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x ?? '', d: jwk.d ?? '', kid };
}

/** Signs arbitrary header and claims with `key`: for tokens the service must refuse (or accept). */
export async function forge(
  key: Ed25519Jwk,
  header: Record<string, unknown>,
  claims: JWTPayload,
): Promise<string> {
  const privateKey = await importJWK(key, 'EdDSA');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: key.kid, ...header })
    .sign(privateKey);
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
} {
  const [header = '', claims = ''] = token.split('.');
  const decode = (part: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;
  return { header: decode(header), claims: decode(claims) };
}
