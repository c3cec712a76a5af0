import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaService } from '@libs/database';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BullConnection } from '../queues/bull-connection.js';

const PROBE_TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref()),
  ]);
}

/**
 * The worker has no API, only probes: `/health/live` (the process runs) and `/health/ready`
 * (PostgreSQL and Redis answer, and it is not shutting down), on PORT like the API's.
 */
@Injectable()
export class HealthServer implements OnApplicationShutdown {
  private server: Server | undefined;
  private stopping = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly bull: BullConnection,
  ) {}

  /** Readiness turns 503 from here on. */
  shuttingDown(): void {
    this.stopping = true;
  }

  async listen(host: string, port: number): Promise<number> {
    const server = createServer((request, response) => {
      const path = request.url?.split('?')[0];
      const json = (status: number, body: object): void => {
        response
          .writeHead(status, {
            'content-type': status === 200 ? 'application/json' : 'application/problem+json',
            'cache-control': 'no-store',
          })
          .end(JSON.stringify(body));
      };
      if (request.method !== 'GET') {
        json(405, { status: 405, title: 'Method Not Allowed' });
        return;
      }
      if (path === '/health/live') {
        json(200, { status: 'ok' });
        return;
      }
      if (path !== '/health/ready') {
        json(404, { status: 404, title: 'Not Found' });
        return;
      }
      void this.checks().then((checks) => {
        const up = !this.stopping && Object.values(checks).every((check) => check === 'up');
        if (up) json(200, { status: 'ok', checks });
        else json(503, { type: 'about:blank', title: 'Service Unavailable', status: 503, checks });
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    return (server.address() as AddressInfo).port;
  }

  private async checks(): Promise<{ database: string; redis: string }> {
    const [database, redis] = await Promise.allSettled([
      within(this.prisma.ping(), PROBE_TIMEOUT_MS),
      within(this.bull.redis.ping(), PROBE_TIMEOUT_MS),
    ]);
    return {
      database: database.status === 'fulfilled' ? 'up' : 'down',
      redis: redis.status === 'fulfilled' ? 'up' : 'down',
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
