import { afterAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { register } from '../support/identity.js';
import { startTestApp } from '../support/test-app.js';
import { launchChromium } from './chromium.js';

// A browser on a busy two-core machine: each step is bounded by Playwright's own timeouts.
jest.setTimeout(90_000);

/** The Swagger UI at /docs, in Chromium, under the CSP the app really sends. */
const t = await startTestApp();
await t.app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
const browser = await launchChromium();
afterAll(async () => {
  await browser.close();
  await t.close();
});

let page: Page;
/** Console errors and CSP violations: the page must have none. */
let complaints: string[];

beforeEach(async () => {
  page = await browser.context.newPage();
  complaints = [];
  page.on('console', (message) => {
    if (message.type() === 'error') complaints.push(message.text());
  });
  page.on('pageerror', (error) => complaints.push(error.message));
  await page.goto(`${base}/docs`);
  // Rendered by the UI's script: nothing shows if the CSP blocks it.
  await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
});

async function expand(operationId: string): Promise<ReturnType<Page['locator']>> {
  const operation = page.locator(`[id$="-${operationId}"]`);
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('.opblock-body').waitFor();
  return operation;
}

describe('/docs in Chromium', () => {
  it('renders every operation with its schemas and no error panel', async () => {
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    const register = await expand('AuthController_register');
    // The 201 example is the named TokenResponse schema, resolved (not a bare "string").
    await expect(register.locator('.responses-wrapper').innerText()).resolves.toContain(
      'accessToken',
    );
    await expand('UsersController_me');
    expect(await page.locator('.errors-wrapper').count()).toBe(0);
    expect(await page.getByText('Resolver error').count()).toBe(0);
    expect(complaints).toEqual([]);
  });

  it('"Authorize" with a login token, then "Try it out" on GET /v1/users/me answers 200', async () => {
    const { accessToken, user } = await register(t.server);
    await page.locator('.auth-wrapper button.authorize').click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input').first().fill(accessToken);
    await dialog.locator('button.authorize').click();
    await dialog.locator('button.btn-done').click();

    const me = await expand('UsersController_me');
    await me.locator('button.try-out__btn').click();
    await me.locator('button.execute').click();
    const status = me.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('200');
    await expect(
      me.locator('.live-responses-table .microlight').first().innerText(),
    ).resolves.toContain(user.email);
    expect(complaints).toEqual([]);
  });
});
