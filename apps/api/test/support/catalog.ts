import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer } from './identity.js';

export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly priceCents: number;
  readonly currency: string;
  readonly stock: number;
  readonly active: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A unique SKU, so tests never collide on the unique index. */
export const newSku = (): string => `SKU-${randomUUID()}`;

/** Creates a product through the API as `adminToken`; fields default to a cheap EUR item. */
export async function createProduct(
  server: Server,
  adminToken: string,
  fields: Partial<Omit<Product, 'id' | 'active' | 'createdAt' | 'updatedAt'>> = {},
): Promise<Product> {
  const res = await request(server)
    .post('/v1/products')
    .set(...bearer(adminToken))
    .send({
      sku: newSku(),
      name: 'Test product',
      priceCents: 1_000,
      currency: 'EUR',
      stock: 10,
      ...fields,
    })
    .expect(201);
  return res.body as Product;
}

/** A product row as the API shows it. */
export function toProduct(
  row: Omit<Product, 'createdAt' | 'updatedAt'> & {
    createdAt: Date;
    updatedAt: Date;
  },
): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    priceCents: row.priceCents,
    currency: row.currency,
    stock: row.stock,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
