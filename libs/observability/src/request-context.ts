import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the request being served, for every log line written while serving it: the HTTP
 * layer runs each request inside `requestIds.run(id, …)`, and the logger's mixin reads it. One
 * string per request instead of a child logger per request.
 */
export const requestIds = new AsyncLocalStorage<string>();

/** pino mixin: the current request's id as `reqId` (nothing outside a request). */
export function requestIdMixin(): { reqId?: string } {
  const reqId = requestIds.getStore();
  return reqId === undefined ? {} : { reqId };
}
