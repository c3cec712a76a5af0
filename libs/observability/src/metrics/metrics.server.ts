import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MetricsRegistry } from './metrics.registry.js';

export const METRICS_PATH = '/metrics';

/**
 * Prometheus scrape endpoint on its own port (METRICS_PORT), apart from the API: it is never
 * exposed through the Ingress, and scraping it never competes with API rate limits or routes.
 * Started by the app's entry point; closed last on shutdown, so a drain stays observable.
 */
@Injectable()
export class MetricsServer implements OnApplicationShutdown {
  private server: Server | undefined;

  constructor(private readonly metrics: MetricsRegistry) {}

  /** Listens and resolves with the bound port (0 picks a free one). */
  async listen(host: string, port: number): Promise<number> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== METRICS_PATH) {
        response.writeHead(404).end();
        return;
      }
      this.metrics.render().then(
        (body) => response.writeHead(200, { 'content-type': this.metrics.contentType }).end(body),
        () => response.writeHead(500).end(),
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
    return (server.address() as AddressInfo).port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
