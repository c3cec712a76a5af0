export {
  type Config,
  ConfigError,
  type Ed25519Jwk,
  type EncryptionKey,
  loadConfig,
  parseEncryptionKeys,
  type OidcProviderConfig,
} from './config.js';
export { APP_CONFIG, ConfigModule, InjectConfig } from './config.module.js';
export { envSchema, type Env } from './env.schema.js';
export { SECRET_VARIABLES } from './secret-files.js';
