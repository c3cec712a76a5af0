import { describe, expect, it } from '@jest/globals';
import { HealthIndicatorService } from '@nestjs/terminus';
import { pingIndicator } from './ping-indicator.js';

const health = new HealthIndicatorService();

describe('pingIndicator', () => {
  it('is up when the ping answers', async () => {
    const check = pingIndicator(health, 'database', () => Promise.resolve());
    await expect(check()).resolves.toEqual({ database: { status: 'up' } });
  });

  it('is down when the ping fails', async () => {
    const check = pingIndicator(health, 'redis', () => Promise.reject(new Error('refused')));
    await expect(check()).resolves.toEqual({ redis: { status: 'down' } });
  });

  it('is down when the ping hangs past the timeout', async () => {
    const check = pingIndicator(health, 'redis', () => new Promise(() => undefined), 10);
    await expect(check()).resolves.toEqual({ redis: { status: 'down' } });
  });
});
