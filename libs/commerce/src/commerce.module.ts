import { Module } from '@nestjs/common';
import { CatalogCache } from './catalog-cache.js';
import { OrdersRepository } from './orders.repository.js';

/** Order and catalog persistence; needs the (global) DatabaseModule and CacheModule. */
@Module({
  providers: [OrdersRepository, CatalogCache],
  exports: [OrdersRepository, CatalogCache],
})
export class CommerceModule {}
