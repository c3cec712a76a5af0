import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OutboxMetrics } from '@libs/observability';
import { AccountMailConsumer } from './accounts/account-mail.consumer.js';
import { MaintenanceConsumer } from './maintenance/maintenance.consumer.js';
import { MailSender } from './notifications/mail-sender.js';
import { OrderNotificationsConsumer } from './notifications/order-notifications.consumer.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { ConsumerRunner } from './queues/job-consumer.js';

export const WORKER_AUTO_START = Symbol('WORKER_AUTO_START');

/**
 * Starts the relay and the consumers once the app is up; `stop` is the first step of a graceful
 * shutdown: no new batches or jobs, the ones in hand finish, then the app may close its pools.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerLifecycle.name);

  constructor(
    private readonly mail: MailSender,
    private readonly relay: OutboxRelay,
    private readonly consumers: ConsumerRunner,
    private readonly notifications: OrderNotificationsConsumer,
    private readonly accountMail: AccountMailConsumer,
    private readonly maintenance: MaintenanceConsumer,
    private readonly outbox: OutboxRepository,
    private readonly outboxMetrics: OutboxMetrics,
    @Inject(WORKER_AUTO_START) private readonly autoStart: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.outboxMetrics.observeLag(() => this.outbox.lagSeconds());
    this.logger.log(`mail: ${this.mail.description}`);
    if (this.autoStart) await this.start();
  }

  async start(): Promise<void> {
    await this.consumers.start([this.notifications, this.accountMail, this.maintenance]);
    this.relay.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.relay.stop(), this.consumers.stop()]);
  }
}
