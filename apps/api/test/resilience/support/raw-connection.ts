import { type Socket, connect } from 'node:net';
import { type RawResponse, parseRawResponse } from '../../hostile-input/support/raw-http.js';

/** An answer, or how the connection failed instead (ECONNRESET, ended by the server, ...). */
export type RawExchange = RawResponse | { readonly error: string };

/**
 * One kept-alive connection written to directly: `get` has put its request on the wire when it
 * returns (no client library decides when), so a test can land a request at an exact moment,
 * e.g. from an event listener of the server. Reads one answer at a time, framed by its
 * Content-Length.
 */
export class RawConnection {
  /** Resolves when the connection is gone, whoever closed it. */
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    // Reported to the exchange waiting, if any; otherwise the connection is simply gone.
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.off('error', reject);
        resolve(new RawConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  get(path: string): Promise<RawExchange> {
    const socket = this.socket;
    let received = Buffer.alloc(0);
    const answer = new Promise<RawExchange>((resolve) => {
      const settle = (exchange: RawExchange): void => {
        socket.off('data', onData).off('error', onError).off('end', onEnd);
        resolve(exchange);
      };
      const onData = (chunk: Buffer): void => {
        received = Buffer.concat([received, chunk]);
        const response = parseRawResponse(received.toString('latin1'));
        const length = Number(response?.headers['content-length'] ?? Number.NaN);
        if (response && response.body.length >= length) settle(response);
      };
      const onError = (error: NodeJS.ErrnoException): void =>
        settle({ error: error.code ?? error.message });
      const onEnd = (): void => settle({ error: 'closed by the server without an answer' });
      socket.on('data', onData).on('error', onError).on('end', onEnd);
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    return answer;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
