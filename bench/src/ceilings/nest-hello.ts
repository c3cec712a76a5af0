/**
 * The framework floor: NestJS 12 on its Fastify adapter serving one fixed JSON answer, with
 * nothing of the API's own stack (no logger, guards, pipes, filters, headers or metrics). The
 * API's `GET /health/live` next to this shows what the service's global path costs on top of
 * the framework; this next to the bare Fastify JSON ceiling shows what Nest itself costs.
 *
 *   node bench/dist/ceilings/nest-hello.js   (PORT from the suite)
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller()
class HelloController {
  @Get('hello')
  hello(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter(), {
  logger: false,
});
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
