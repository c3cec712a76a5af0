import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { REDACTED, redactQuery, redactUrl } from '../url-redaction.js';

/** Attribute keys whose value is a credential, whatever instrumentation wrote them. */
const SECRET_KEY = /authorization|cookie|password|passwd|secret|token|api[._-]?key/i;
/** Attribute keys holding a URL (or its target): query values may carry codes or tokens. */
const URL_KEY = /(^|\.)(url|target|full|path)$/i;
/** Attribute keys holding just a query string (`url.query`). */
const QUERY_KEY = /(^|\.)query$/i;

/**
 * Scrubs span attributes before a span becomes read-only and is exported: credential-looking
 * keys lose their value, and URLs keep their path but not their query values (an OIDC callback
 * carries the authorization code there). Instrumentations differ in what they record; this is
 * the one place that guarantees none of it leaves the process.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _parentContext: Context): void {
    // Attributes are still being written; they are checked once, when the span ends.
  }

  onEnding(span: Span): void {
    for (const [key, value] of Object.entries(span.attributes)) {
      if (SECRET_KEY.test(key)) span.setAttribute(key, REDACTED);
      else if (typeof value !== 'string') continue;
      else if (QUERY_KEY.test(key)) span.setAttribute(key, redactQuery(value));
      else if (URL_KEY.test(key)) span.setAttribute(key, redactUrl(value));
    }
  }

  onEnd(_span: ReadableSpan): void {
    // Nothing to do: exporting is the next processor's job.
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
