import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { DOCS_PATH } from '../openapi/openapi.js';

/** An API serves no HTML: nothing may be loaded, framed or submitted. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The docs UI loads its own scripts and inline styles from this origin, nothing else. */
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The Content-Security-Policy of the answer to `url`. */
export function contentSecurityPolicyFor(url: string): string {
  const path = url.split('?', 1)[0] ?? url;
  return path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`) ? DOCS_CSP : API_CSP;
}

/** The headers helmet sets on a Node.js response with these options (it only sets headers). */
function helmetHeaders(): Record<string, string> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet({
    contentSecurityPolicy: false, // per path, see contentSecurityPolicyFor
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  })(response.req, response, () => undefined);
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
  );
}

/**
 * The security headers of every answer, computed once: routed answers get them in a request hook,
 * and the answers the server gives before routing (a URL it cannot decode, a request it cannot
 * parse) get the very same ones. Responses carry user data or tokens, so nothing is cached unless
 * a handler explicitly allows it.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...helmetHeaders(),
  'content-security-policy': API_CSP,
  'cache-control': 'no-store',
};
