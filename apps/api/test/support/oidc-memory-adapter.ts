import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/**
 * oidc-provider's state (codes, sessions, grants, interactions) in a Map, for the test provider.
 * The built-in memory adapter behaves the same but warns on every start. Expiry is left to
 * oidc-provider, which checks each payload's own `exp` when it reads it.
 */
export function memoryAdapter(): AdapterFactory {
  const entries = new Map<string, AdapterPayload>();
  return (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;
    const findBy = (match: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
      for (const [stored, payload] of entries) {
        if (stored.startsWith(`${model}:`) && match(payload)) return payload;
      }
      return undefined;
    };
    return {
      upsert: (id, payload) => Promise.resolve(void entries.set(key(id), payload)),
      find: (id) => Promise.resolve(entries.get(key(id))),
      findByUid: (uid) => Promise.resolve(findBy((payload) => payload.uid === uid)),
      findByUserCode: (code) => Promise.resolve(findBy((payload) => payload.userCode === code)),
      consume: (id) => {
        const payload = entries.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy: (id) => Promise.resolve(void entries.delete(key(id))),
      revokeByGrantId: (grantId) => {
        for (const [stored, payload] of entries) {
          if (payload.grantId === grantId) entries.delete(stored);
        }
        return Promise.resolve();
      },
    };
  };
}
