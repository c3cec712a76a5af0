import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '@libs/config';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { FeatureFlags } from './feature-flags.js';
import { createFlagProvider } from './flag-provider.js';

const started: FeatureFlags[] = [];
function flagsWith(env: Record<string, string>): FeatureFlags {
  const flags = new FeatureFlags(createFlagProvider(loadConfig(env)));
  flags.start();
  started.push(flags);
  return flags;
}

describe('feature flags (OpenFeature, built-in provider)', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => context.disable());
  afterEach(async () => {
    await Promise.all(started.splice(0).map((flags) => flags.close()));
  });

  it('serves each flag at its default', async () => {
    expect(await flagsWith({}).isEnabled('catalog-cache')).toBe(true);
  });

  it('takes values from FEATURE_FLAGS', async () => {
    const flags = flagsWith({ FEATURE_FLAGS: '{"catalog-cache":false}' });
    expect(await flags.isEnabled('catalog-cache')).toBe(false);
  });

  it('keeps instances apart (each app its own provider)', async () => {
    const off = flagsWith({ FEATURE_FLAGS: '{"catalog-cache":false}' });
    const on = flagsWith({});
    expect([await off.isEnabled('catalog-cache'), await on.isEnabled('catalog-cache')]).toEqual([
      false,
      true,
    ]);
  });

  it('refuses an unknown flag name at startup', () => {
    expect(() =>
      createFlagProvider(loadConfig({ FEATURE_FLAGS: '{"catalog-cahce":false}' })),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ FEATURE_FLAGS: '{"catalog-cache":"no"}' })).toThrow(
      /FEATURE_FLAGS: must be a JSON object of booleans/,
    );
  });

  it('records each evaluation on the active span', async () => {
    const flags = flagsWith({ FEATURE_FLAGS: '{"catalog-cache":false}' });
    const span = new TracerProvider().getTracer('test').startSpan('GET /v1/products/:id');
    await context.with(trace.setSpan(context.active(), span), () =>
      flags.isEnabled('catalog-cache'),
    );
    span.end();
    const events = (span as unknown as { events: { name: string; attributes: unknown }[] }).events;
    expect(events).toEqual([
      {
        name: 'feature_flag.evaluation',
        attributes: {
          'feature_flag.key': 'catalog-cache',
          'feature_flag.provider.name': 'in-memory',
          'feature_flag.result.reason': 'STATIC',
          'feature_flag.result.variant': 'off',
          'feature_flag.result.value': 'false',
        },
        time: expect.anything(),
        droppedAttributesCount: 0,
      },
    ]);
  });
});
