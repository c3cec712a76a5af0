import { connect, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface ProxyTarget {
  readonly host: string;
  readonly port: number;
}

/** Where to connect; a function is asked on each new connection (for targets started later). */
export type TargetOf = ProxyTarget | (() => ProxyTarget);

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  'postgres:': 5432,
  'postgresql:': 5432,
  'redis:': 6379,
  'http:': 80,
};

/** The host and port a service URL points at (postgresql://, redis://, http://). */
export function targetOfUrl(url: string): ProxyTarget {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : DEFAULT_PORTS[parsed.protocol];
  if (port === undefined) throw new Error(`no default port for ${parsed.protocol}`);
  return { host: parsed.hostname === 'localhost' ? '127.0.0.1' : parsed.hostname, port };
}

const END = Symbol('end');

/** One direction of a connection: bytes in order, each released no earlier than its due time. */
class Pipe {
  private readonly queue: { chunk: Buffer | typeof END; due: number }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly to: Socket,
    private readonly proxy: { readonly paused: boolean; readonly delayMs: number },
  ) {}

  get waiting(): boolean {
    return this.queue.length > 0;
  }

  push(chunk: Buffer | typeof END): void {
    this.queue.push({ chunk, due: Date.now() + this.proxy.delayMs });
    this.drain();
  }

  drain(): void {
    if (this.timer) return;
    for (
      let head = this.queue[0];
      head && !this.proxy.paused && !this.to.destroyed;
      head = this.queue[0]
    ) {
      const wait = head.due - Date.now();
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.drain();
        }, wait);
        return;
      }
      this.queue.shift();
      if (head.chunk === END) this.to.end();
      else this.to.write(head.chunk);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }
}

interface Link {
  readonly client: Socket;
  readonly upstream: Socket;
  readonly toUpstream: Pipe;
  readonly toClient: Pipe;
}

/**
 * A TCP proxy on loopback in front of a real server (PostgreSQL, Redis, an HTTP service) that a
 * test drives into the failures production sees: bytes held (a hung peer or a partition), bytes
 * delayed (a slow network or server), every connection cut (a crash), new connections refused (a
 * stopped server). It works the same in front of containers and of local services, and each test
 * gets its own, so faults never leak into tests running next to it.
 */
export class FaultProxy {
  private readonly links = new Set<Link>();
  private refusing = false;
  private pausedState = false;
  private delay = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: TargetOf,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async start(target: TargetOf): Promise<FaultProxy> {
    const server = createServer({ noDelay: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FaultProxy(server, target);
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy is not listening');
    return address.port;
  }

  get paused(): boolean {
    return this.pausedState;
  }

  get delayMs(): number {
    return this.delay;
  }

  /** Open connections through the proxy. */
  get connections(): number {
    return this.links.size;
  }

  /** Connections whose client sent bytes the proxy is still holding (paused or delayed). */
  get waitingConnections(): number {
    return [...this.links].filter((link) => link.toUpstream.waiting).length;
  }

  /** `url` with its host and port replaced by the proxy's: give it to the client under test. */
  via(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  /** Back to normal: held bytes flow (in order), new connections are accepted, no delay. */
  pass(): void {
    this.refusing = false;
    this.pausedState = false;
    this.delay = 0;
    this.drainAll();
  }

  /** Holds every byte in both directions; connections stay open, nothing arrives: a hung peer. */
  pause(): void {
    this.pausedState = true;
  }

  /** Every byte from now on arrives `ms` later than it was sent: a slow network or server. */
  slow(ms: number): void {
    this.delay = ms;
    this.pausedState = false;
    this.drainAll();
  }

  /** Resets every open connection at once (held bytes are lost): the server crashed. */
  cut(): void {
    for (const link of this.links) this.drop(link);
  }

  /** Cuts every connection and resets each new one at once: the server is down. */
  refuse(): void {
    this.refusing = true;
    this.cut();
  }

  /**
   * Stops accepting, gives open connections up to `graceMs` to close on their own (a client that
   * just sent QUIT), then cuts the rest. Clients see a peer that shut down, not one that crashed.
   */
  async close(graceMs = 1_000): Promise<void> {
    this.pass();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const deadline = Date.now() + graceMs;
    while (this.links.size > 0 && Date.now() < deadline) await delay(10);
    this.cut();
    await closed;
  }

  private accept(client: Socket): void {
    if (this.refusing) {
      client.resetAndDestroy();
      return;
    }
    const { host, port } = typeof this.target === 'function' ? this.target() : this.target;
    const upstream = connect({ host, port, noDelay: true });
    const link: Link = {
      client,
      upstream,
      toUpstream: new Pipe(upstream, this),
      toClient: new Pipe(client, this),
    };
    this.links.add(link);
    client.on('data', (chunk: Buffer) => link.toUpstream.push(chunk));
    upstream.on('data', (chunk: Buffer) => link.toClient.push(chunk));
    client.on('end', () => link.toUpstream.push(END));
    upstream.on('end', () => link.toClient.push(END));
    for (const socket of [client, upstream]) {
      socket.on('error', () => this.drop(link));
      // A graceful close of one side reaches the other through its pipe (after any held bytes);
      // resetting it here could destroy a last answer still on its way (Redis QUIT's +OK).
      socket.on('close', () => {
        if (client.destroyed && upstream.destroyed) this.drop(link);
      });
    }
  }

  private drop(link: Link): void {
    if (!this.links.delete(link)) return;
    link.toUpstream.stop();
    link.toClient.stop();
    if (!link.client.destroyed) link.client.resetAndDestroy();
    link.upstream.destroy();
  }

  private drainAll(): void {
    for (const link of this.links) {
      link.toUpstream.drain();
      link.toClient.drain();
    }
  }
}
