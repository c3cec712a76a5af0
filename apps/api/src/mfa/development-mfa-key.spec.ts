import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentMfaKey } from './development-mfa-key.js';

describe('developmentMfaKey', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mfa-key-'));
    file = join(dir, 'nested', 'dev-mfa-key.txt');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a 32-byte key readable by its owner only, then returns the same key', async () => {
    const first = await developmentMfaKey(file);
    expect(first.key).toHaveLength(32);
    expect(first.kid).toMatch(/^dev-/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await developmentMfaKey(file)).toEqual(first);
  });

  it('keeps it in the format of MFA_ENCRYPTION_KEYS', async () => {
    const key = await developmentMfaKey(file);
    const config = loadConfig({ MFA_ENCRYPTION_KEYS: readFileSync(file, 'utf8').trim() });
    expect(config.mfa.encryptionKeys).toEqual([key]);
  });

  it.each([
    ['garbage', 'garbage'],
    ['a short key', `k:${Buffer.alloc(8).toString('base64')}`],
    [
      'two keys',
      `a:${Buffer.alloc(32).toString('base64')},b:${Buffer.alloc(32).toString('base64')}`,
    ],
  ])('replaces a file that holds %s', async (_case, content) => {
    await developmentMfaKey(file);
    writeFileSync(file, content);
    const key = await developmentMfaKey(file);
    expect(key.key).toHaveLength(32);
    expect(readFileSync(file, 'utf8')).toBe(`${key.kid}:${key.key.toString('base64')}\n`);
  });
});
