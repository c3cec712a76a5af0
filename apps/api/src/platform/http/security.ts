import type { Config } from '@libs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { refusalOf } from './request-checks.js';
import { REQUEST_ID_HEADER } from './request-id.js';
import { SECURITY_HEADERS, contentSecurityPolicyFor } from './security-headers.js';

/** Security headers, CORS allowlist and caching policy of every response; requests refused early. */
export function applySecurity(app: NestFastifyApplication, config: Config): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    // Handlers may override some (cache-control for public catalog data); errors keep them.
    void reply.headers(SECURITY_HEADERS);
    // After the headers, so that a refusal carries them too.
    done(refusalOf(request));
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('content-security-policy', contentSecurityPolicyFor(request.url));
    done(null, payload);
  });
  if (config.http.corsOrigins.length > 0) {
    const allowed = new Set(config.http.corsOrigins);
    app.enableCors({
      // A refused origin (or none: a plain OPTIONS) gets no CORS header at all, credentials
      // included; its OPTIONS is answered like any method the route does not serve.
      origin: (origin, callback) => {
        callback(null, origin !== undefined && allowed.has(origin) ? origin : false);
      },
      // An allowed origin's OPTIONS is a preflight even without Access-Control-Request-Method,
      // rather than a text/plain 400.
      strictPreflight: false,
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
