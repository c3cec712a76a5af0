import { afterAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { paths } from './support/generated/api-schema.js';
import { PASSWORD, newEmail, registerAdmin } from './support/identity.js';
import { startTestApp } from './support/test-app.js';

/**
 * A consumer's view: a client generated from docs/openapi.json (openapi-typescript types,
 * openapi-fetch) over real HTTP. If the document lied about a path, a parameter or a shape, this
 * would not compile or would fail here.
 */
const t = await startTestApp();
await t.app.listen(0, '127.0.0.1');
const { port } = t.app.getHttpServer().address() as AddressInfo;
const api = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` });
afterAll(() => t.close());

describe('a client generated from docs/openapi.json', () => {
  it('registers, lists products, places an order, fetches it and cancels it', async () => {
    const admin = await registerAdmin(t);
    const name = `Generated-client mug ${randomUUID()}`;
    const created = await api.POST('/v1/products', {
      headers: { Authorization: `Bearer ${admin.accessToken}` },
      body: { sku: `GEN-${randomUUID()}`, name, priceCents: 1290, currency: 'EUR', stock: 5 },
    });
    expect(created.response.status).toBe(201);

    const registered = await api.POST('/v1/auth/register', {
      body: { email: newEmail('client'), password: PASSWORD, name: 'Client' },
    });
    expect(registered.response.status).toBe(201);
    const tokens = registered.data!;
    expect(tokens.tokenType).toBe('Bearer');
    const auth = { Authorization: `Bearer ${tokens.accessToken}` };

    const listed = await api.GET('/v1/products', { params: { query: { q: name, limit: 10 } } });
    expect(listed.data?.data.map((product) => product.name)).toEqual([name]);
    const product = listed.data!.data[0]!;

    const placed = await api.POST('/v1/orders', {
      headers: auth,
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { items: [{ productId: product.id, quantity: 2 }] },
    });
    expect(placed.response.status).toBe(201);
    expect(placed.data).toMatchObject({ status: 'pending', totalCents: 2580, currency: 'EUR' });
    const orderId = placed.data!.id;

    const fetched = await api.GET('/v1/orders/{id}', {
      headers: auth,
      params: { path: { id: orderId } },
    });
    expect(fetched.data?.items).toEqual([
      { productId: product.id, sku: product.sku, name, quantity: 2, unitPriceCents: 1290 },
    ]);
    expect(fetched.response.headers.get('etag')).toMatch(/^"\d+"$/);

    const cancelled = await api.POST('/v1/orders/{id}/cancel', {
      headers: auth,
      params: { path: { id: orderId } },
    });
    expect(cancelled.data?.status).toBe('cancelled');

    const again = await api.POST('/v1/orders/{id}/cancel', {
      headers: auth,
      params: { path: { id: orderId } },
    });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ type: '/problems/order-not-cancellable', status: 409 });
  });
});
