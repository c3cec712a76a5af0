import type { Ed25519Jwk } from '@libs/config';
import { importJWK } from 'jose';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ACCESS_TOKEN_ALG, generateSigningKey } from './signing-keys.js';

/**
 * The signing key of `npm start` when JWT_SIGNING_KEYS is not set: generated once and kept in
 * `file` (under .cache, readable by its owner only), so access tokens outlive a restart. Only the
 * local entry point uses it; production refuses to start without configured keys.
 */
export async function developmentSigningKey(file: string): Promise<Ed25519Jwk> {
  const kept = await readSigningKey(file);
  if (kept) return kept;
  const key = await generateSigningKey();
  await mkdir(dirname(file), { recursive: true });
  // Written whole, then renamed: a second process starting at once never reads half a key.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(key)}\n`, { mode: 0o600 });
  await rename(partial, file);
  return key;
}

/** The key in `file`, or undefined when there is none or it is not a usable Ed25519 key. */
async function readSigningKey(file: string): Promise<Ed25519Jwk | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isPrivateEd25519Jwk(parsed)) return undefined;
  try {
    await importJWK(parsed, ACCESS_TOKEN_ALG);
    return parsed;
  } catch {
    return undefined;
  }
}

function isPrivateEd25519Jwk(value: unknown): value is Ed25519Jwk & { d: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { kty, crv, kid, x, d } = value as Record<string, unknown>;
  return (
    kty === 'OKP' &&
    crv === 'Ed25519' &&
    [kid, x, d].every((field) => typeof field === 'string' && field.length > 0)
  );
}
