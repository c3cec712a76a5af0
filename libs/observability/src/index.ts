export { LoggerModule, loggerParams } from './logger.module.js';
export { REDACTED_PATHS } from './redaction.js';
