import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { OidcModule } from '../../src/auth/oidc/oidc.module.js';
import { OidcTestProvider } from '../support/oidc-test-provider.js';
import { startTestApp } from '../support/test-app.js';
import { launchChromium } from './chromium.js';

// A browser on a busy two-core machine: each step is bounded by Playwright's own timeouts.
jest.setTimeout(90_000);

/** A port nobody listens on now: the app's public URL must be known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = await freePort();
const PUBLIC_URL = `http://127.0.0.1:${port}`;
const provider = await OidcTestProvider.start({
  redirectUri: `${PUBLIC_URL}/v1/auth/oidc/corp/callback`,
});
const t = await startTestApp(
  { PUBLIC_URL, OIDC_PROVIDERS: JSON.stringify([provider.config('corp')]) },
  [OidcModule],
);
await t.app.listen(port, '127.0.0.1');
const browser = await launchChromium();
afterAll(async () => {
  await browser.close();
  await t.close();
  await provider.close();
});

describe('OpenID Connect sign-in in Chromium', () => {
  it("follows the redirects through the provider's login page and lands with tokens", async () => {
    const account = provider.account({ name: 'Grace Hopper' });
    const page = await browser.context.newPage();

    await page.goto(`${PUBLIC_URL}/v1/auth/oidc/corp/authorize?returnTo=/orders`);
    // The provider's own login page, reached through the app's 302.
    expect(page.url().startsWith(provider.issuer)).toBe(true);
    await page.locator('input[name="email"]').fill(account.email!);
    await Promise.all([
      page.waitForURL(`${PUBLIC_URL}/v1/auth/oidc/corp/callback?**`),
      page.locator('button[type="submit"]').click(),
    ]);

    const callback = new URL(page.url());
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);
    const tokens = JSON.parse(await page.locator('body').innerText()) as {
      tokenType: string;
      accessToken: string;
      refreshToken: string;
      user: { email: string; name: string };
    };
    expect(tokens).toMatchObject({
      tokenType: 'Bearer',
      user: { email: account.email, name: 'Grace Hopper' },
    });
    expect(tokens.accessToken.split('.')).toHaveLength(3);
    expect(tokens.refreshToken.length).toBeGreaterThan(40);
  });
});
