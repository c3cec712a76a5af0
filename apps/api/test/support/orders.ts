import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './identity.js';

export interface OrderItem {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

export interface Order {
  readonly id: string;
  readonly userId: string;
  readonly status: 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled';
  readonly items: readonly OrderItem[];
  readonly totalCents: number;
  readonly currency: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Line {
  productId: string;
  quantity: number;
}

/** POST /v1/orders with a fresh Idempotency-Key unless one is given; returns the raw response. */
export function postOrder(
  server: Server,
  token: string,
  body: unknown,
  key: string | null = randomUUID(),
): request.Test {
  const req = request(server)
    .post('/v1/orders')
    .set(...bearer(token));
  if (key !== null) void req.set('Idempotency-Key', key);
  return req.send(body as object);
}

/** Places an order that must succeed. */
export async function placeOrder(server: Server, token: string, items: Line[]): Promise<Order> {
  const res = await postOrder(server, token, { items }).expect(201);
  return res.body as Order;
}
