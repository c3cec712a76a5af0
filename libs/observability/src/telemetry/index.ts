// Entry for apps' instrumentation files (`node --import`): imports nothing an app instruments.
export { startTelemetry, type Telemetry } from './start-telemetry.js';
