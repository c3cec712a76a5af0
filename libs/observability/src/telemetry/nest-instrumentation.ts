import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';

/**
 * Nest versions whose router and factory internals the instrumentation patches. Its own range
 * stops below Nest 12, whose `RouterExecutionContext.create` and `NestFactoryStatic.create` are
 * unchanged; the telemetry e2e test proves the spans still appear, so this range is checked.
 */
const NEST_VERSIONS = '>=4.0.0 <13';

/** The Nest instrumentation with its supported range extended to the Nest this repo runs. */
export class NestCoreInstrumentation extends NestInstrumentation {
  override init(): ReturnType<NestInstrumentation['init']> {
    const definition = super.init();
    definition.supportedVersions = [NEST_VERSIONS];
    for (const file of definition.files) file.supportedVersions = [NEST_VERSIONS];
    return definition;
  }
}
