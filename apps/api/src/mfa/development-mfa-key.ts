import { type EncryptionKey, parseEncryptionKeys } from '@libs/config';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The MFA encryption key of `npm start` when MFA_ENCRYPTION_KEYS is not set: generated once and
 * kept in `file` (under .cache, readable by its owner only) in the variable's own format, so
 * TOTP secrets enrolled on this machine still open after a restart. Only the local entry point
 * uses it; production refuses to start without configured keys.
 */
export async function developmentMfaKey(file: string): Promise<EncryptionKey> {
  const kept = await readKey(file);
  if (kept) return kept;
  const line = `dev-${randomUUID()}:${randomBytes(32).toString('base64')}`;
  await mkdir(dirname(file), { recursive: true });
  // Written whole, then renamed: a second process starting at once never reads half a key.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${line}\n`, { mode: 0o600 });
  await rename(partial, file);
  const [key] = parseEncryptionKeys(line).keys;
  if (!key) throw new Error('generated MFA key does not parse');
  return key;
}

async function readKey(file: string): Promise<EncryptionKey | undefined> {
  try {
    const { keys, problems } = parseEncryptionKeys((await readFile(file, 'utf8')).trim());
    return problems.length === 0 && keys.length === 1 ? keys[0] : undefined;
  } catch {
    return undefined;
  }
}
