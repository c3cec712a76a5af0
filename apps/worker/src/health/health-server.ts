import {
  Injectable,
  type OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { PrismaService } from '@libs/database';
import { pingIndicator } from '@libs/observability';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BullConnection } from '../queues/bull-connection.js';

/**
 * The worker has no API, only probes: `/health/live` (the process runs) and `/health/ready`
 * (PostgreSQL and Redis answer, and it is not shutting down), on PORT like the API's.
 */
@Injectable()
export class HealthServer implements OnApplicationShutdown {
  private server: Server | undefined;
  private stopping = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
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
      const unavailable = (checks: Record<string, string>): void => {
        json(503, { type: 'about:blank', title: 'Service Unavailable', status: 503, checks });
      };
      void this.checks().then(
        (checks) => {
          const up = !this.stopping && Object.values(checks).every((check) => check === 'up');
          if (up) json(200, { status: 'ok', checks });
          else unavailable(checks);
        },
        () => unavailable({}),
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    return (server.address() as AddressInfo).port;
  }

  /** Terminus runs the same checks as the API's readiness: each dependency pinged, bounded. */
  private async checks(): Promise<Record<string, string>> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        pingIndicator(this.indicators, 'database', () => this.prisma.ping()),
        pingIndicator(this.indicators, 'redis', () => this.bull.redis.ping()),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    return Object.fromEntries(
      Object.entries(result.details).map(([name, { status }]) => [name, status]),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
