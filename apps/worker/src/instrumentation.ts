/**
 * OpenTelemetry for the worker, loaded before the app: `node --import ./dist/instrumentation.js
 * dist/main.js`. Nothing the app uses may be imported before this runs.
 */
import { startTelemetry } from '@libs/observability/telemetry';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

startTelemetry({ serviceName: 'worker', serviceVersion: version });
