import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { PrismaService } from '@libs/database';
import { z } from 'zod';
import { Public } from '../../src/auth/decorators/public.decorator.js';
import { text } from '../../src/platform/validation/fields.js';

export const probeSchema = z.strictObject({
  name: text({ min: 1, max: 20 }),
  tags: z
    .array(text({ max: 10 }))
    .max(3)
    .optional(),
  quantity: z.number().int().min(1).max(1000),
});

/** Holds a request until the test opens it, so ordering is controlled without sleeps. */
export class Gate {
  readonly entered = Promise.withResolvers<undefined>();
  readonly opened = Promise.withResolvers<undefined>();
}

export const probeGate = { current: new Gate() };

/** Test-only routes that exercise the HTTP platform (validation, errors, shutdown). */
@Public()
@Controller('v1/probe')
export class ProbeController {
  constructor(private readonly prisma: PrismaService) {}

  @Post()
  @HttpCode(200)
  echo(@Body({ schema: probeSchema }) body: z.infer<typeof probeSchema>): unknown {
    return body;
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail at /srv/app/file.ts: SELECT * FROM users');
  }

  @Get('database')
  async database(): Promise<{ users: number }> {
    return { users: await this.prisma.user.count() };
  }

  @Get('slow')
  async slow(): Promise<{ done: true; users: number }> {
    const gate = probeGate.current;
    gate.entered.resolve(undefined);
    await gate.opened.promise;
    return { done: true, users: await this.prisma.user.count() };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
