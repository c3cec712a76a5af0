import { Module } from '@nestjs/common';
import { CatalogCache } from './catalog-cache.js';
import { OrderTransitions } from './order-transitions.js';
import { OrdersRepository } from './orders.repository.js';

/** Orders and the catalog cache; needs the (global) Config, Database, Cache and Metrics modules. */
@Module({
  providers: [OrdersRepository, OrderTransitions, CatalogCache],
  exports: [OrdersRepository, OrderTransitions, CatalogCache],
})
export class CommerceModule {}
