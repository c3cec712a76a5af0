import { Module } from '@nestjs/common';
import { CatalogCache } from './catalog-cache.js';
import { ProductsController } from './products.controller.js';
import { ProductsRepository } from './products.repository.js';
import { ProductsService } from './products.service.js';

@Module({
  controllers: [ProductsController],
  providers: [ProductsRepository, ProductsService, CatalogCache],
  exports: [ProductsRepository, CatalogCache],
})
export class ProductsModule {}
