import { Agent, request } from 'node:http';

/** An HTTP answer, or the socket error that came instead (ECONNRESET, ECONNREFUSED, ...). */
export type Exchange =
  | {
      readonly status: number;
      readonly headers: Readonly<Record<string, string | string[] | undefined>>;
      readonly body: string;
      /** Whether the request went out on a connection an earlier request had used. */
      readonly reusedSocket: boolean;
    }
  | { readonly error: string; readonly reusedSocket: boolean };

/**
 * A client that keeps its connections alive between requests, as browsers and HTTP client
 * libraries do: the next request goes out on an idle connection of an earlier one.
 */
export class KeepAliveClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly baseUrl: string) {}

  send(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<Exchange> {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve) => {
      const req = request(
        new URL(path, this.baseUrl),
        {
          method,
          agent: this.agent,
          headers: {
            ...options.headers,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: text,
              reusedSocket: req.reusedSocket,
            }),
          );
          res.on('error', (error: NodeJS.ErrnoException) =>
            resolve({ error: error.code ?? error.message, reusedSocket: req.reusedSocket }),
          );
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ error: error.code ?? error.message, reusedSocket: req.reusedSocket }),
      );
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
