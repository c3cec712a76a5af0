import { AsyncLocalStorage } from 'node:async_hooks';

/** Who made a request, as its credential says (null before or without authentication). */
export type RequestActor =
  | { readonly type: 'user'; readonly id: string }
  | { readonly type: 'api_key'; readonly id: string; readonly userId: string };

/** What the platform knows about the request being handled, for code far from the controller. */
export interface RequestScope {
  readonly requestId: string;
  readonly clientAddress: string | null;
  readonly userAgent: string | null;
  readonly actor: RequestActor | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * The request being handled, or undefined outside one (the worker, a startup task). Set by
 * RequestContextInterceptor around every route handler, after authentication.
 */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `work`, and everything it awaits, as part of the request `scope`. */
export function runInRequest<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}
