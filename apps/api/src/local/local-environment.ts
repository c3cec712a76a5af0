/**
 * Where `npm start` listens unless HOST says otherwise: this machine only, because it prints the
 * demo accounts' passwords. Containers and production (main.ts) keep the schema's 0.0.0.0.
 */
export const LOCAL_HOST = '127.0.0.1';

/** The environment `npm start` is configured from: the process's, with the local defaults. */
export function localEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // An empty variable means unset, as in loadConfig.
  return { ...env, HOST: env.HOST === undefined || env.HOST === '' ? LOCAL_HOST : env.HOST };
}
