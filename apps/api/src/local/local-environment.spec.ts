import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import { LOCAL_HOST, localEnvironment } from './local-environment.js';

describe('localEnvironment', () => {
  it('binds to this machine only unless HOST is set', () => {
    expect(loadConfig(localEnvironment({})).http.host).toBe(LOCAL_HOST);
    expect(loadConfig(localEnvironment({ HOST: '' })).http.host).toBe(LOCAL_HOST);
    expect(loadConfig(localEnvironment({ HOST: '0.0.0.0' })).http.host).toBe('0.0.0.0');
  });

  it('leaves the production default alone', () => {
    expect(loadConfig({}).http.host).toBe('0.0.0.0');
  });

  it('keeps every other variable', () => {
    expect(localEnvironment({ PORT: '8080', HOST: '::1' })).toEqual({ PORT: '8080', HOST: '::1' });
  });
});
