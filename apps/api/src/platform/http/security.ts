import helmet from '@fastify/helmet';
import type { Config } from '@libs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DOCS_PATH } from '../openapi/openapi.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/** An API serves no HTML: nothing may be loaded, framed or submitted. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The docs UI loads its own scripts and inline styles from this origin, nothing else. */
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Security headers, CORS allowlist and caching policy of every response. */
export async function applySecurity(app: NestFastifyApplication, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: false, // set below, per path
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const isDocs = request.url === DOCS_PATH || request.url.startsWith(`${DOCS_PATH}/`);
    reply.header('content-security-policy', isDocs ? DOCS_CSP : API_CSP);
    // Responses carry user data or tokens unless a handler explicitly allows caching.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.http.corsOrigins],
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'idempotency-key',
        'if-match',
        'if-none-match',
        REQUEST_ID_HEADER,
      ],
      exposedHeaders: [
        REQUEST_ID_HEADER,
        'etag',
        'location',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
      ],
      maxAge: 600,
    });
  }
}
