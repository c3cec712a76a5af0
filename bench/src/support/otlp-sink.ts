import { once } from 'node:events';
import { type Server, createServer } from 'node:http';

interface Received {
  requests: number;
  bytes: number;
}

/**
 * A local OTLP/HTTP trace receiver that accepts every export and keeps nothing: the app's
 * OpenTelemetry pipeline runs in full (spans recorded, batched, serialized, sent) without a
 * collector. It counts what arrives, so a run can show that spans were really exported.
 */
export class OtlpSink {
  private constructor(
    private readonly server: Server,
    private readonly counted: Received,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<OtlpSink> {
    const counted: Received = { requests: 0, bytes: 0 };
    const server = createServer((req, res) => {
      req.on('data', (chunk: Buffer) => {
        counted.bytes += chunk.length;
      });
      req.on('end', () => {
        counted.requests += 1;
        // An empty ExportTraceServiceResponse: everything accepted.
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    return new OtlpSink(server, counted, `http://127.0.0.1:${port}`);
  }

  /** Export requests and bytes received so far. */
  get received(): Readonly<Received> {
    return { ...this.counted };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
