import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { ManualClock } from '@libs/testing/fakes';
import request from 'supertest';
import { Clock } from '../src/platform/clock.js';
import { createProduct } from './support/catalog.js';
import { PASSWORD, bearer, login, newEmail, register, registerAdmin } from './support/identity.js';
import { MailPipeline } from './support/mail-pipeline.js';
import { postOrder } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const VERIFY = 'Confirm your email address';
const RESET = 'Reset your password';
const CHANGED = 'Your password was changed';
const NEW_PASSWORD = 'violet submarine orchestra 42';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Email verification and password reset end to end: the API asks for the mail (outbox), the
 * real worker sends it over SMTP to a real SMTP server on loopback, and the test reads the token
 * out of the delivered message.
 */
describe('account lifecycle by mail', () => {
  let t: TestApp;
  let mail: MailPipeline;
  let clock: Clock;

  beforeAll(async () => {
    mail = await MailPipeline.start();
    t = await startTestApp();
    clock = t.app.get(Clock);
  });

  afterEach(() => {
    // Back to the real time (the tests of expiry move the API's clock).
    Reflect.deleteProperty(clock, 'now');
  });

  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  /** From now on, the API's clock is `manual`, starting at the real time. */
  const manualClock = (): ManualClock => {
    const manual = new ManualClock(new Date());
    clock.now = () => manual.now();
    return manual;
  };
  const me = async (token: string) =>
    (
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(token))
        .expect(200)
    ).body as { emailVerified: boolean };
  const verify = (token: string): request.Test =>
    request(t.server).post('/v1/auth/email/verify').send({ token });
  const forgot = (email: string): request.Test =>
    request(t.server).post('/v1/auth/password/forgot').send({ email });
  const reset = (token: string, password = NEW_PASSWORD): request.Test =>
    request(t.server).post('/v1/auth/password/reset').send({ token, password });

  describe('email verification', () => {
    it('mails a token at registration over SMTP; it verifies the email, once', async () => {
      const ada = await register(t.server);
      expect(ada.user).toMatchObject({ emailVerified: false });
      const received = await mail.mail(ada.user.email, VERIFY);
      expect(received.from).toBe('shop@example.com');
      expect(received.messageId).toMatch(/^<[0-9a-f-]{36}@example\.com>$/);
      const token = await mail.token(ada.user.email, VERIFY);

      await verify(token).expect(204);
      expect(await me(ada.accessToken)).toMatchObject({ emailVerified: true });
      const again = await verify(token).expect(400);
      expect(again.body).toMatchObject({ type: '/problems/invalid-account-token' });
    });

    it('resends on request (signed in): the new token works, the old one no longer', async () => {
      const ada = await register(t.server);
      const first = await mail.token(ada.user.email, VERIFY);
      const res = await request(t.server)
        .post('/v1/auth/email/resend')
        .set(...bearer(ada.accessToken))
        .expect(202);
      expect(res.body).toMatchObject({ status: 'accepted' });
      const second = await mail.token(ada.user.email, VERIFY, 2);
      expect(second).not.toBe(first);

      await verify(first).expect(400);
      await verify(second).expect(204);
      const done = await request(t.server)
        .post('/v1/auth/email/resend')
        .set(...bearer(ada.accessToken))
        .expect(409);
      expect(done.body).toMatchObject({ type: '/problems/email-already-verified' });
    });

    it('asks for a signed-in user to resend', async () => {
      await request(t.server).post('/v1/auth/email/resend').expect(401);
    });

    it('refuses a token older than 24 hours', async () => {
      const ada = await register(t.server);
      const token = await mail.token(ada.user.email, VERIFY);
      manualClock().advance(24 * HOUR + MINUTE);
      await verify(token).expect(400);
      Reflect.deleteProperty(clock, 'now');
      expect(await me(ada.accessToken)).toMatchObject({ emailVerified: false });
    });
  });

  describe('password reset', () => {
    it('answers an unknown and a known email alike: status, body and headers', async () => {
      const known = await register(t.server);
      const unknown = newEmail('nobody');
      const [a, b] = [await forgot(known.user.email), await forgot(unknown)];
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(a.body).toEqual(b.body);
      // Headers that differ between any two requests (their id, date, and the count of requests
      // from this client address) aside, the answers are byte for byte the same.
      const perRequest = /^(date|x-request-id|ratelimit-remaining|ratelimit-reset)$/;
      const comparable = (headers: Record<string, string>) =>
        Object.fromEntries(Object.entries(headers).filter(([name]) => !perRequest.test(name)));
      expect(comparable(a.headers as Record<string, string>)).toEqual(comparable(b.headers));
      expect(a.text).toBe(b.text);
      // Only the account's owner gets a mail.
      await mail.mail(known.user.email, RESET);
      expect(mail.inbox.to(unknown)).toEqual([]);
    });

    it('sets the new password, ends every session, tells the owner, and the token works once', async () => {
      const ada = await register(t.server);
      const laptop = await login(t.server, ada.user.email);
      await forgot(ada.user.email).expect(202);
      const token = await mail.token(ada.user.email, RESET);

      await reset(token).expect(204);

      for (const session of [ada, laptop]) {
        await request(t.server)
          .get('/v1/users/me')
          .set(...bearer(session.accessToken))
          .expect(401);
        await request(t.server)
          .post('/v1/auth/refresh')
          .send({ refreshToken: session.refreshToken })
          .expect(401);
      }
      await request(t.server)
        .post('/v1/auth/login')
        .send({ email: ada.user.email, password: PASSWORD })
        .expect(401);
      await login(t.server, ada.user.email, NEW_PASSWORD);
      await mail.mail(ada.user.email, CHANGED);

      const reused = await reset(token, 'another fine passphrase 7').expect(400);
      expect(reused.body).toMatchObject({ type: '/problems/invalid-account-token' });
    });

    it('applies the password policy, and a refused password does not spend the token', async () => {
      const ada = await register(t.server);
      await forgot(ada.user.email).expect(202);
      const token = await mail.token(ada.user.email, RESET);
      const weak = await reset(token, 'password1234567').expect(400);
      expect(weak.body).toMatchObject({ type: '/problems/weak-password' });
      await reset(token).expect(204);
    });

    it('refuses a token older than 30 minutes', async () => {
      const ada = await register(t.server);
      await forgot(ada.user.email).expect(202);
      const token = await mail.token(ada.user.email, RESET);
      manualClock().advance(30 * MINUTE + 1_000);
      await reset(token).expect(400);
      Reflect.deleteProperty(clock, 'now');
      await login(t.server, ada.user.email, PASSWORD);
    });

    it('gives an account that signs in only through OIDC its first password', async () => {
      const email = newEmail('oidc-only');
      await t.app.get(PrismaService).user.create({ data: { email, emailVerifiedAt: new Date() } });
      await forgot(email).expect(202);
      await reset(await mail.token(email, RESET)).expect(204);
      await login(t.server, email, NEW_PASSWORD);
    });
  });

  describe('AUTH_REQUIRE_VERIFIED_EMAIL=true', () => {
    let strict: TestApp;

    beforeAll(async () => {
      strict = await startTestApp({ AUTH_REQUIRE_VERIFIED_EMAIL: 'true' });
    });

    afterAll(async () => {
      await strict.close();
    });

    it('lets an account order only once its email is verified: 403 email-not-verified before', async () => {
      const admin = await registerAdmin(strict);
      const mug = await createProduct(strict.server, admin.accessToken);
      const ada = await register(strict.server);
      const body = { items: [{ productId: mug.id, quantity: 1 }] };
      const refused = await postOrder(strict.server, ada.accessToken, body).expect(403);
      expect(refused.body).toMatchObject({ type: '/problems/email-not-verified' });

      await request(strict.server)
        .post('/v1/auth/email/verify')
        .send({ token: await mail.token(ada.user.email, VERIFY) })
        .expect(204);
      await postOrder(strict.server, ada.accessToken, body).expect(201);
    });
  });
});
