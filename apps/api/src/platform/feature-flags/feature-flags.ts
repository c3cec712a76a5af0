import {
  type Client,
  type EvaluationContext,
  OpenFeature,
  type Provider,
} from '@openfeature/server-sdk';
import { randomUUID } from 'node:crypto';
import { FLAGS, type FlagKey } from './flags.js';
import { SpanEventHook } from './span-event.hook.js';

/**
 * The API's feature flags (OpenFeature). Each instance binds its provider to a domain of its own,
 * so that several apps in one process (tests) never share flags. Evaluations never throw: a
 * provider that is not ready, unreachable or without the flag yields the code's default.
 */
export class FeatureFlags {
  private readonly domain = `api-${randomUUID()}`;
  private readonly client: Client;

  constructor(private readonly provider: Provider) {
    this.client = OpenFeature.getClient(this.domain);
    this.client.addHooks(new SpanEventHook());
  }

  /** Registers the provider without waiting for it: flagd may come up after the API. */
  start(): void {
    void OpenFeature.setProvider(this.domain, this.provider);
  }

  isEnabled(key: FlagKey, context: EvaluationContext = {}): Promise<boolean> {
    return this.client.getBooleanValue(key, FLAGS[key].defaultValue, context);
  }

  async close(): Promise<void> {
    await this.provider.onClose?.();
  }
}
