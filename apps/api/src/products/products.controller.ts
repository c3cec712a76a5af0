import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Scopes } from '../auth/decorators/scopes.decorator.js';
import { etagOf, ifNoneMatchHits, versionRequiredBy } from '../platform/http/etag.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import type { Page } from '../platform/pagination/cursor.js';
import {
  type ProductResponse,
  createProductBody,
  listProductsQuery,
  productIdParam,
  productPage,
  productResponse,
  updateProductBody,
} from './dto/product.schemas.js';
import { type CachedProduct, ProductsService } from './products.service.js';

/** Public catalog data may be stored by clients, as long as they revalidate (ETag). */
const REVALIDATE = 'no-cache';

function withEtag(reply: FastifyReply, { product, version }: CachedProduct): ProductResponse {
  void reply.header('etag', etagOf(version));
  return product;
}

@ApiTags('catalog')
@Controller('v1/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Active products, one page at a time; `q` matches names (case-insensitive).',
  })
  @ApiResponse({ status: 200, standardSchema: productPage })
  @ApiProblems('dependency_unavailable')
  list(
    @Query({ schema: listProductsQuery }) query: z.output<typeof listProductsQuery>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<ProductResponse>> {
    void reply.header('cache-control', REVALIDATE);
    return this.products.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A product, with an ETag; `If-None-Match` answers 304.' })
  @ApiResponse({ status: 200, standardSchema: productResponse })
  @ApiResponse({ status: 304, description: 'Not modified since the ETag you sent.' })
  @ApiProblems('product_not_found', 'dependency_unavailable')
  async get(
    @Param('id', { schema: productIdParam }) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductResponse | undefined> {
    const entry = await this.products.get(id);
    void reply.header('cache-control', REVALIDATE);
    const product = withEtag(reply, entry);
    if (!ifNoneMatchHits(ifNoneMatch, etagOf(entry.version))) return product;
    void reply.status(304);
    return undefined;
  }

  @Post()
  @Scopes('products:write')
  @Roles('admin')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a product (admin). Duplicate `sku`: 409.' })
  @ApiResponse({ status: 201, standardSchema: productResponse })
  @ApiProblems('forbidden', 'sku_taken')
  async create(
    @Body({ schema: createProductBody }) body: z.output<typeof createProductBody>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductResponse> {
    const entry = await this.products.create(body);
    void reply.header('location', `/v1/products/${entry.product.id}`);
    return withEtag(reply, entry);
  }

  @Patch(':id')
  @Scopes('products:write')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag you read; stale: 412.' })
  @ApiOperation({ summary: 'Change a product (admin); honours `If-Match`.' })
  @ApiResponse({ status: 200, standardSchema: productResponse })
  @ApiProblems('forbidden', 'product_not_found', 'precondition_failed')
  async update(
    @Param('id', { schema: productIdParam }) id: string,
    @Body({ schema: updateProductBody }) body: z.output<typeof updateProductBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductResponse> {
    return withEtag(reply, await this.products.update(id, body, versionRequiredBy(ifMatch)));
  }

  @Delete(':id')
  @Scopes('products:write')
  @Roles('admin')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Archive a product (admin): no longer listed or orderable.' })
  @ApiResponse({ status: 204, description: 'Archived.' })
  @ApiProblems('forbidden', 'product_not_found')
  async archive(@Param('id', { schema: productIdParam }) id: string): Promise<void> {
    await this.products.archive(id);
  }
}
