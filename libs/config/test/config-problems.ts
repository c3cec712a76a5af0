import { ConfigError, loadConfig } from '../src/config.js';

/** What loadConfig refuses `env` for: the problems of its ConfigError (it must refuse). */
export function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
