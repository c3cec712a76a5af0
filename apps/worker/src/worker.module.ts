import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CacheModule } from '@libs/cache';
import { CommerceModule } from '@libs/commerce';
import { type Config, ConfigModule } from '@libs/config';
import { DatabaseModule } from '@libs/database';
import { LoggerModule, MetricsModule } from '@libs/observability';
import { AccountMailConsumer } from './accounts/account-mail.consumer.js';
import { AccountMailRepository } from './accounts/account-mail.repository.js';
import { Clock } from './clock.js';
import { HealthServer } from './health/health-server.js';
import { MaintenanceConsumer } from './maintenance/maintenance.consumer.js';
import { MaintenanceRepository } from './maintenance/maintenance.repository.js';
import { StaleOrders } from './maintenance/stale-orders.js';
import { MailSender, mailSenderFor } from './notifications/mail-sender.js';
import { NotificationsRepository } from './notifications/notifications.repository.js';
import { OrderNotificationsConsumer } from './notifications/order-notifications.consumer.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { BullConnection } from './queues/bull-connection.js';
import { DeadLettersRepository } from './queues/dead-letters.repository.js';
import { ConsumerRunner } from './queues/job-consumer.js';
import { JobMetrics } from './queues/job-metrics.js';
import { WORKER_AUTO_START, WorkerLifecycle } from './worker-lifecycle.js';

export interface WorkerOverrides {
  /** Another mail transport (tests use one that fails on purpose). Default: by SMTP_URL. */
  readonly mailSender?: MailSender;
  /** False: relay and consumers wait for `WorkerLifecycle.start()` (tests drive them by hand). */
  readonly autoStart?: boolean;
}

@Module({})
export class WorkerModule {
  static forRoot(config: Config, overrides: WorkerOverrides = {}): DynamicModule {
    const mail: Provider = overrides.mailSender
      ? { provide: MailSender, useValue: overrides.mailSender }
      : { provide: MailSender, useFactory: () => mailSenderFor(config.worker.smtpUrl) };
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(),
        MetricsModule,
        DatabaseModule,
        CacheModule.forRoot(),
        CommerceModule,
        TerminusModule.forRoot({ logger: false }),
      ],
      providers: [
        mail,
        BullConnection,
        DeadLettersRepository,
        ConsumerRunner,
        JobMetrics,
        OutboxRepository,
        OutboxRelay,
        NotificationsRepository,
        OrderNotificationsConsumer,
        AccountMailRepository,
        AccountMailConsumer,
        Clock,
        MaintenanceRepository,
        StaleOrders,
        MaintenanceConsumer,
        HealthServer,
        WorkerLifecycle,
        { provide: WORKER_AUTO_START, useValue: overrides.autoStart ?? true },
      ],
    };
  }
}
