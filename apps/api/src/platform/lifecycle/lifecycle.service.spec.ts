import { describe, expect, it } from '@jest/globals';
import { LifecycleService } from './lifecycle.service.js';

describe('LifecycleService', () => {
  it('is idle at once when no request is in flight', async () => {
    await expect(new LifecycleService().idle()).resolves.toBeUndefined();
  });

  it('turns idle only when the last request in flight ends', async () => {
    const lifecycle = new LifecycleService();
    lifecycle.requestStarted();
    lifecycle.requestStarted();
    let idle = false;
    const waiting = lifecycle.idle().then(() => {
      idle = true;
    });
    lifecycle.requestEnded();
    await Promise.resolve();
    expect(idle).toBe(false);
    lifecycle.requestEnded();
    await waiting;
    expect(idle).toBe(true);
  });

  it('says it is shutting down from the moment shutdown begins', () => {
    const lifecycle = new LifecycleService();
    expect(lifecycle.isShuttingDown).toBe(false);
    lifecycle.beginShutdown();
    expect(lifecycle.isShuttingDown).toBe(true);
  });
});
