import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';

/** Provides the one PrismaService of the application (needs ConfigModule). */
@Global()
@Module({
  providers: [PrismaService],
  exports: [PrismaService],
})
export class DatabaseModule {}
