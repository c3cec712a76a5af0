import { describe, expect, it } from '@jest/globals';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { RedactingSpanProcessor } from './redacting-span-processor.js';

function exportedAttributes(attributes: Record<string, string>): Record<string, unknown> {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    spanProcessors: [new RedactingSpanProcessor(), new SimpleSpanProcessor({ exporter })],
  });
  provider.getTracer('test').startSpan('request', { attributes }).end();
  const [span] = exporter.getFinishedSpans();
  return { ...span?.attributes };
}

describe('RedactingSpanProcessor', () => {
  it('replaces values of credential-looking attributes', () => {
    expect(
      exportedAttributes({
        'http.request.header.authorization': 'Bearer eyJ.secret',
        'http.request.header.cookie': 'sid=1',
        'app.refresh_token': 'rt',
        'db.query.text': 'SELECT 1',
      }),
    ).toEqual({
      'http.request.header.authorization': '[redacted]',
      'http.request.header.cookie': '[redacted]',
      'app.refresh_token': '[redacted]',
      'db.query.text': 'SELECT 1',
    });
  });

  it('keeps URL paths and query names but not query values', () => {
    expect(
      exportedAttributes({
        'url.full': '/v1/auth/oidc/corp/callback?code=abc&state=xyz',
        'url.path': '/v1/users/me?access_token=t',
        'url.query': 'code=abc&state=',
        'http.route': '/v1/users/:id',
      }),
    ).toEqual({
      'url.full': '/v1/auth/oidc/corp/callback?code=[redacted]&state=[redacted]',
      'url.path': '/v1/users/me?access_token=[redacted]',
      'url.query': 'code=[redacted]&state=[redacted]',
      'http.route': '/v1/users/:id',
    });
  });
});
