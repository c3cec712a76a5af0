import {
  Body,
  Controller,
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
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { Scopes } from '../auth/decorators/scopes.decorator.js';
import type { AuthenticatedUser } from '../auth/guards/authenticated-user.js';
import { etagOf, versionRequiredBy } from '../platform/http/etag.js';
import { IdempotencyKey } from '../platform/idempotency/idempotency-key.decorator.js';
import { ApiProblems } from '../platform/openapi/problem-responses.js';
import type { Page } from '../platform/pagination/cursor.js';
import {
  type OrderResponse,
  listOrdersQuery,
  orderIdParam,
  orderPage,
  orderResponse,
  placeOrderBody,
  updateOrderBody,
} from './dto/order.schemas.js';
import { OrdersService, type VersionedOrder } from './orders.service.js';

function withEtag(reply: FastifyReply, { order, version }: VersionedOrder): OrderResponse {
  void reply.header('etag', etagOf(version));
  return order;
}

@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Scopes('orders:write')
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      'Unique per intended order (e.g. a UUID). Retry a request that got no answer, a 503 or a ' +
      '409 in flight with the same key and body: it places the order if no earlier attempt ' +
      'committed, or replays the committed answer (201 with `Idempotent-Replayed: true`, or the ' +
      'same 409/422 refusal). A failed attempt never keeps the key. Kept 24 h.',
  })
  @ApiOperation({ summary: 'Place an order at catalog prices; stock is taken at once.' })
  @ApiResponse({ status: 201, standardSchema: orderResponse })
  @ApiProblems(
    'email_not_verified',
    'insufficient_stock',
    'product_unavailable',
    'mixed_currencies',
    'idempotency_key_reused',
    'idempotency_in_flight',
  )
  async place(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotencyKey() key: string,
    @Body({ schema: placeOrderBody }) body: z.output<typeof placeOrderBody>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponse> {
    const { placed, replayed } = await this.orders.place(user.id, body.items, key);
    void reply.header('location', `/v1/orders/${placed.order.id}`);
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return withEtag(reply, placed);
  }

  @Get()
  @Scopes('orders:read')
  @ApiOperation({
    summary: 'Your orders, newest first; admins see everyone’s (`userId` narrows to one user).',
  })
  @ApiResponse({ status: 200, standardSchema: orderPage })
  @ApiProblems('forbidden')
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query({ schema: listOrdersQuery }) query: z.output<typeof listOrdersQuery>,
  ): Promise<Page<OrderResponse>> {
    return this.orders.list(user, query);
  }

  @Get(':id')
  @Scopes('orders:read')
  @ApiOperation({ summary: 'An order of yours (admins: any order), with an ETag.' })
  @ApiResponse({ status: 200, standardSchema: orderResponse })
  @ApiProblems('order_not_found')
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', { schema: orderIdParam }) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponse> {
    return withEtag(reply, await this.orders.get(user, id));
  }

  @Post(':id/cancel')
  @Scopes('orders:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pending or paid order; its stock goes back.' })
  @ApiResponse({ status: 200, standardSchema: orderResponse })
  @ApiProblems('order_not_found', 'order_not_cancellable')
  async cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', { schema: orderIdParam }) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponse> {
    return withEtag(reply, await this.orders.cancel(user, id));
  }

  @Patch(':id')
  @Scopes('orders:write')
  @Roles('admin')
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag you read; stale: 412.' })
  @ApiOperation({
    summary: 'Move an order along pending → paid → shipped → delivered, or cancel it (admin).',
  })
  @ApiResponse({ status: 200, standardSchema: orderResponse })
  @ApiProblems(
    'forbidden',
    'order_not_found',
    'invalid_transition',
    'order_not_cancellable',
    'precondition_failed',
  )
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', { schema: orderIdParam }) id: string,
    @Body({ schema: updateOrderBody }) body: z.output<typeof updateOrderBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponse> {
    return withEtag(
      reply,
      await this.orders.transition(user, id, body.status, versionRequiredBy(ifMatch)),
    );
  }
}
