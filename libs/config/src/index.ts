export { type Config, ConfigError, describeEnv, loadConfig } from './config.js';
export { APP_CONFIG, ConfigModule, InjectConfig } from './config.module.js';
export { envSchema, type Env } from './env.schema.js';
