import type { Config } from '@libs/config';
import { testConfig } from '@libs/testing';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { AppModule } from '../../src/app.module.js';
import { createApp } from '../../src/app.factory.js';
import { Clock } from '../../src/platform/clock.js';
import { ContractCheckModule, contractChecked } from './contract.js';

@Module({})
class TestRootModule {}

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: Config;
  /** Hand this to supertest: `request(testApp.server)`. */
  readonly server: Server;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * The time every service of the app reads (a ManualClock from `@libs/testing/fakes`): token
   * lifetimes, session expiry, TOTP codes. Rate-limit windows keep real time.
   */
  readonly clock?: Pick<Clock, 'now'>;
}

/**
 * The real application (same factory as production) on this jest worker's database and Redis
 * prefix. `env` overrides configuration; `extraModules` adds test-only routes; `clock` fixes
 * time. In the e2e suite every response is also checked against docs/openapi.json (contract.ts).
 */
export async function startTestApp(
  env: Record<string, string | undefined> = {},
  extraModules: Type[] = [],
  { clock }: TestAppOptions = {},
): Promise<TestApp> {
  const config = testConfig(env);
  const rootModule: DynamicModule = {
    module: TestRootModule,
    imports: [
      AppModule.forRoot(config),
      ...extraModules,
      ...(contractChecked() ? [ContractCheckModule] : []),
    ],
  };
  const app = await createApp(config, rootModule);
  if (clock) {
    // Clock is one instance app-wide (PlatformModule): every service asks it for the time.
    const shared = app.get(Clock, { strict: false });
    shared.now = (): Date => clock.now();
  }
  return { app, config, server: app.getHttpServer(), close: () => app.close() };
}
