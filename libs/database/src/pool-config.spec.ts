import { describe, expect, it } from '@jest/globals';
import { poolConfig } from './pool-config.js';

const url = 'postgresql://app@db:5432/app';
const settings = {
  poolSize: 7,
  connectTimeoutMs: 5_000,
  poolTimeoutMs: 2_000,
  statementTimeoutMs: 10_000,
};

describe('poolConfig', () => {
  it('sizes and times the pool from the configuration', () => {
    expect(poolConfig(url, settings)).toMatchObject({
      connectionString: url,
      max: 7,
      connectionTimeoutMillis: 2_000,
      statement_timeout: 10_000,
      query_timeout: 11_000,
      keepAlive: true,
    });
  });

  it('leaves the client-side query timeout off when statements are not limited', () => {
    expect(poolConfig(url, { ...settings, statementTimeoutMs: 0 }).query_timeout).toBeUndefined();
  });
});
