import { describe, expect, it } from '@jest/globals';
import { MemoryStore } from './memory.store.js';

describe('MemoryStore', () => {
  it('returns a value until its TTL passes', async () => {
    let now = 1_000;
    const store = new MemoryStore(() => now);
    await store.set('k', 'v', 500);
    expect(await store.get('k')).toBe('v');
    now = 1_499;
    expect(await store.get('k')).toBe('v');
    now = 1_500;
    expect(await store.get('k')).toBeNull();
  });

  it('deletes keys', async () => {
    const store = new MemoryStore();
    await store.set('a', '1', 10_000);
    await store.set('b', '2', 10_000);
    await store.delete('a', 'b');
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBeNull();
  });
});
