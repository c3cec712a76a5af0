import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An OTLP attribute as JSON encodes it: `{ key, value: { stringValue | intValue | ... } }`. */
interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  /** 1 internal, 2 server, 3 client (OTLP's SpanKind numbers). */
  readonly kind: number;
  /** Instrumentation scope: which library made the span. */
  readonly scope: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly resource: Readonly<Record<string, unknown>>;
}

interface TracesRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      scope?: { name?: string };
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

function attributesOf(list: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, Object.values(value)[0]]));
}

/**
 * A collector stand-in: accepts OTLP/HTTP JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json) on
 * /v1/traces, /v1/logs and /v1/metrics, keeps every body (to search for secrets) and the spans.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly bodies: string[] = [];
  private readonly server: Server;
  private readonly waiters = new Set<() => void>();

  private constructor() {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        this.bodies.push(body);
        if (request.url === '/v1/traces') this.addSpans(JSON.parse(body) as TracesRequest);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        for (const wake of this.waiters) wake();
      });
    });
  }

  static async start(): Promise<OtlpReceiver> {
    const receiver = new OtlpReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves with `find()`'s first non-undefined answer, re-checked on every export received. */
  waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${what} exported within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private addSpans({ resourceSpans = [] }: TracesRequest): void {
    for (const { resource, scopeSpans = [] } of resourceSpans) {
      for (const { scope, spans = [] } of scopeSpans) {
        for (const span of spans) {
          this.spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId === '' ? undefined : span.parentSpanId,
            name: span.name,
            kind: span.kind,
            scope: scope?.name ?? '',
            attributes: attributesOf(span.attributes),
            resource: attributesOf(resource?.attributes),
          });
        }
      }
    }
  }
}
