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

  it('takes a value exactly once, even when asked concurrently', async () => {
    const store = new MemoryStore();
    await store.set('once', 'v', 10_000);
    expect(await Promise.all([store.take('once'), store.take('once')])).toEqual(['v', null]);
    expect(await store.get('once')).toBeNull();
  });

  it('takes nothing once the TTL has passed', async () => {
    let now = 1_000;
    const store = new MemoryStore(() => now);
    await store.set('k', 'v', 500);
    now = 1_500;
    expect(await store.take('k')).toBeNull();
  });
});

describe('MemoryStore.increment', () => {
  const window = { windowMs: 60_000, limit: 2, blockMs: 30_000 };

  it('counts hits in a window that starts with the first hit', async () => {
    let now = 1_000;
    const store = new MemoryStore(() => now);
    expect(await store.increment('k', window)).toEqual({ hits: 1, ttlMs: 60_000 });
    now = 11_000;
    expect(await store.increment('k', window)).toEqual({ hits: 2, ttlMs: 50_000 });
    expect(await store.increment('other', window)).toEqual({ hits: 1, ttlMs: 60_000 });
  });

  it('restarts the window for blockMs at the hit that goes over the limit, then starts afresh', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    await store.increment('k', window);
    await store.increment('k', window);
    now = 50_000;
    expect(await store.increment('k', window)).toEqual({ hits: 3, ttlMs: 30_000 });
    now = 70_000;
    expect(await store.increment('k', window)).toEqual({ hits: 4, ttlMs: 10_000 });
    now = 80_000;
    expect(await store.increment('k', window)).toEqual({ hits: 1, ttlMs: 60_000 });
  });

  it('keeps the window as it is when blockMs is 0', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    const noBlock = { ...window, blockMs: 0 };
    await store.increment('k', noBlock);
    await store.increment('k', noBlock);
    now = 50_000;
    expect(await store.increment('k', noBlock)).toEqual({ hits: 3, ttlMs: 10_000 });
  });

  it('refuses to count a value that is not an integer', async () => {
    const store = new MemoryStore();
    await store.set('k', 'text', 10_000);
    await expect(store.increment('k', window)).rejects.toThrow('not an integer');
  });

  it('sweeps expired entries that are never read again', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    await store.increment('a', { ...window, windowMs: 1_000 });
    await store.set('b', 'v', 1_000);
    await store.set('c', 'v', 600_000);
    expect(store.size).toBe(3);
    now = 60_000;
    await store.increment('d', window);
    expect(store.size).toBe(2);
    expect(await store.get('c')).toBe('v');
  });
});
