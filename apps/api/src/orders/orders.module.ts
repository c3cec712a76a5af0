import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../platform/idempotency/idempotency.module.js';
import { CommerceModule } from '@libs/commerce';
import { UsersModule } from '../users/users.module.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

@Module({
  imports: [CommerceModule, IdempotencyModule, UsersModule],
  controllers: [OrdersController],
  providers: [OrdersService],
  exports: [OrdersService],
})
export class OrdersModule {}
