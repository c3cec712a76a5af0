import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@libs/database';

/** Jobs that failed for good, copied from Redis to PostgreSQL where they are durable and queryable. */
@Injectable()
export class DeadLettersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async record(letter: {
    queue: string;
    jobId: string;
    name: string;
    data: unknown;
    error: string;
    attempts: number;
  }): Promise<void> {
    const { queue, jobId, ...rest } = letter;
    const fields = {
      ...rest,
      data: rest.data as Prisma.InputJsonValue,
      error: rest.error.slice(0, 2000),
    };
    await this.prisma.deadLetter.upsert({
      where: { queue_jobId: { queue, jobId } },
      create: { queue, jobId, ...fields },
      update: fields,
    });
  }
}
