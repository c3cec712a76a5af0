import Router, { type HTTPMethod } from 'find-my-way';

/**
 * How Fastify's router matches paths, shared with the router below so both agree on which
 * route a path is: `/v1/orders/` is `/v1/orders`, not a different resource.
 */
export const ROUTER_OPTIONS = { ignoreTrailingSlash: true } as const;

/**
 * Knows which methods each registered route accepts, so that a request for a known path with
 * the wrong method can be answered 405 with an `Allow` header instead of Fastify's 404.
 */
export class AllowedMethods {
  private readonly router = Router(ROUTER_OPTIONS);

  add(methods: string | readonly string[], url: string): void {
    for (const method of typeof methods === 'string' ? [methods] : methods) {
      // CORS registers OPTIONS for every path; it says nothing about which resources exist.
      if (method === 'OPTIONS') continue;
      if (this.router.hasRoute(method as HTTPMethod, url)) continue;
      this.router.on(method as HTTPMethod, url, () => undefined);
    }
  }

  /** Methods accepted at `path`, e.g. `['GET', 'HEAD']`; empty when no route has this path. */
  for(path: string): string[] {
    const pathname = path.split('?', 1)[0] ?? path;
    return (['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter(
      (method) => this.router.find(method, pathname) !== null,
    );
  }
}
