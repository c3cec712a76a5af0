import type { EvaluationDetails, FlagValue, Hook, HookContext } from '@openfeature/server-sdk';
import { trace } from '@opentelemetry/api';

/**
 * Records each evaluation on the active span as a `feature_flag.evaluation` event with the
 * OpenTelemetry semantic-convention attributes, so a trace shows which variant served it.
 */
export class SpanEventHook implements Hook {
  after(hookContext: Readonly<HookContext>, details: EvaluationDetails<FlagValue>): void {
    trace.getActiveSpan()?.addEvent('feature_flag.evaluation', {
      'feature_flag.key': hookContext.flagKey,
      'feature_flag.provider.name': hookContext.providerMetadata.name,
      'feature_flag.result.reason': details.reason ?? 'UNKNOWN',
      ...(details.variant === undefined ? {} : { 'feature_flag.result.variant': details.variant }),
      'feature_flag.result.value': JSON.stringify(details.value),
    });
  }

  error(hookContext: Readonly<HookContext>, error: unknown): void {
    trace.getActiveSpan()?.addEvent('feature_flag.evaluation', {
      'feature_flag.key': hookContext.flagKey,
      'feature_flag.provider.name': hookContext.providerMetadata.name,
      'error.type': error instanceof Error ? error.name : 'unknown',
    });
  }
}
