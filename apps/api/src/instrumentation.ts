/**
 * OpenTelemetry for the API, loaded before the app: `node --import ./dist/instrumentation.js
 * dist/main.js` (the image's command). Instrumentation patches modules as they load, so nothing
 * the app uses may be imported before this runs; this file imports only the SDK.
 */
import { startTelemetry } from '@libs/observability/telemetry';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

startTelemetry({ serviceName: 'api', serviceVersion: version });
