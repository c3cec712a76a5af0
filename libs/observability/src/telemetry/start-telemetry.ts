import { NodeSDK } from '@opentelemetry/sdk-node';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { register as registerImportHooks } from 'import-in-the-middle/register-hooks.mjs';
import { instrumentations } from './instrumentations.js';
import { spanProcessorsFromEnv } from './span-processors.js';

/** Semantic-conventions name, still "incubating" there, hence spelled out. */
const ATTR_DEPLOYMENT_ENVIRONMENT = 'deployment.environment.name';

export interface TelemetryOptions {
  /** Default `service.name`; OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES override it. */
  readonly serviceName: string;
  readonly serviceVersion: string;
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK. Call it from an app's instrumentation entry, loaded with
 * `node --import`, so that it runs before the app imports anything it instruments: patching
 * works only on modules loaded after it. Exporters, endpoints, sampling and resource
 * attributes come from the standard OTEL_* variables only (OTEL_SDK_DISABLED=true turns it off).
 */
export function startTelemetry(
  { serviceName, serviceVersion }: TelemetryOptions,
  env: NodeJS.ProcessEnv = process.env,
): Telemetry {
  if (env.OTEL_SDK_DISABLED === 'true') return { shutdown: () => Promise.resolve() };
  // The apps are native ESM: instrumentations see `import`ed modules only through these
  // (in-thread, synchronous) loader hooks.
  registerImportHooks();
  const sdk = new NodeSDK({
    // Lowest priority: the resource detectors (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES) win.
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: serviceName,
        [ATTR_SERVICE_VERSION]: serviceVersion,
        [ATTR_DEPLOYMENT_ENVIRONMENT]: env.NODE_ENV ?? 'development',
      }),
    ),
    spanProcessors: spanProcessorsFromEnv(env),
    instrumentations: instrumentations(),
  });
  sdk.start();
  // The apps exit by draining their event loop after a graceful shutdown; flush spans then.
  process.once('beforeExit', () => void sdk.shutdown());
  return sdk;
}
