import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FaultProxy, eventually, targetOfUrl, workerDatabaseUrl } from '@libs/testing';
import pg from 'pg';

/** The proxy in front of the real PostgreSQL of this run. */
describe('FaultProxy', () => {
  let proxy: FaultProxy;
  const clients: pg.Client[] = [];

  const connectThroughProxy = async (): Promise<pg.Client> => {
    const client = new pg.Client({
      connectionString: proxy.via(workerDatabaseUrl()),
      connectionTimeoutMillis: 2_000,
    });
    client.on('error', () => undefined); // a cut connection is the point of some tests
    clients.push(client);
    await client.connect();
    return client;
  };

  beforeEach(async () => {
    proxy = await FaultProxy.start(targetOfUrl(workerDatabaseUrl()));
  });

  afterEach(async () => {
    await proxy.close();
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
  });

  it('passes traffic through', async () => {
    const client = await connectThroughProxy();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    expect(proxy.connections).toBe(1);
  });

  it('holds bytes while paused and delivers them, in order, on pass', async () => {
    const client = await connectThroughProxy();
    proxy.pause();
    let settled = false;
    const answer = client.query('SELECT 2 AS two').finally(() => (settled = true));
    await eventually('the query to be held', () => proxy.waitingConnections === 1);
    expect(settled).toBe(false);
    proxy.pass();
    expect((await answer).rows).toEqual([{ two: 2 }]);
  });

  it('delays bytes when slow', async () => {
    const client = await connectThroughProxy();
    proxy.slow(150);
    const started = performance.now();
    await client.query('SELECT 1');
    // There and back: each direction waits at least the delay.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('cuts open connections: queries in flight fail at once', async () => {
    const client = await connectThroughProxy();
    proxy.pause();
    const answer = client.query('SELECT 1');
    await eventually('the query to be held', () => proxy.waitingConnections === 1);
    proxy.cut();
    await expect(answer).rejects.toThrow();
    expect(proxy.connections).toBe(0);
  });

  it('refuses new connections until pass', async () => {
    proxy.refuse();
    await expect(connectThroughProxy()).rejects.toThrow();
    proxy.pass();
    const client = await connectThroughProxy();
    await client.query('SELECT 1');
  });
});
