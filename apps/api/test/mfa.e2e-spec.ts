import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { ManualClock } from '@libs/testing/fakes';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PASSWORD, type Tokens, bearer, register, registerAdmin } from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { secretOfUri, totpCode } from './support/totp.js';

const PROBLEM = /^application\/problem\+json/;
const STEP_MS = 30_000;

interface Challenge {
  mfaRequired: true;
  mfaToken: string;
  expiresIn: number;
}

/** TOTP sign-in over HTTP, on a fixed clock moved by hand. Rules in detail: mfa.service.spec.ts. */
describe('TOTP multi-factor sign-in', () => {
  let t: TestApp;
  let prisma: PrismaService;
  const clock = new ManualClock(new Date('2026-03-02T10:00:02.000Z'));

  beforeAll(async () => {
    t = await startTestApp({}, [], { clock });
    prisma = t.app.get(PrismaService);
  });

  afterAll(async () => {
    await t.close();
  });

  const now = (): Date => clock.now();
  const nextStep = (): void => clock.advance(STEP_MS);

  /** Registers a user and turns TOTP on; the clock is left past the confirmation's step. */
  const withTotp = async (): Promise<Tokens & { secret: string; recoveryCodes: string[] }> => {
    const tokens = await register(t.server);
    const enrolled = await request(t.server)
      .post('/v1/users/me/mfa/totp')
      .set(...bearer(tokens.accessToken))
      .expect(201);
    const { secret } = enrolled.body as { secret: string };
    const confirmed = await request(t.server)
      .post('/v1/users/me/mfa/totp/confirm')
      .set(...bearer(tokens.accessToken))
      .send({ code: totpCode(secret, now()) })
      .expect(200);
    nextStep();
    return { ...tokens, secret, ...(confirmed.body as { recoveryCodes: string[] }) };
  };

  const login = async (email: string): Promise<Challenge> => {
    const res = await request(t.server)
      .post('/v1/auth/login')
      .send({ email, password: PASSWORD })
      .expect(200);
    return res.body as Challenge;
  };

  const verify = (body: object): request.Test =>
    request(t.server).post('/v1/auth/mfa/verify').send(body);

  it('enrols: a secret and its URI, off until a code confirms it; then 10 recovery codes, once', async () => {
    const { accessToken, user } = await register(t.server);
    const enrolled = await request(t.server)
      .post('/v1/users/me/mfa/totp')
      .set(...bearer(accessToken))
      .expect(201);
    const { secret, uri } = enrolled.body as { secret: string; uri: string };
    expect(enrolled.headers['cache-control']).toBe('no-store');
    expect(secretOfUri(uri)).toBe(secret);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Example%20API:/);
    // Not on yet: sign-in is still one step.
    await request(t.server)
      .post('/v1/auth/login')
      .send({ email: user.email, password: PASSWORD })
      .expect(200)
      .expect((res) => expect(res.body).toHaveProperty('accessToken'));

    const wrong = await request(t.server)
      .post('/v1/users/me/mfa/totp/confirm')
      .set(...bearer(accessToken))
      .send({ code: totpCode(secret, now(), 3) })
      .expect(401);
    expect(wrong.headers['content-type']).toMatch(PROBLEM);
    expect(wrong.body).toMatchObject({ type: '/problems/invalid-mfa-code', status: 401 });

    const confirmed = await request(t.server)
      .post('/v1/users/me/mfa/totp/confirm')
      .set(...bearer(accessToken))
      .send({ code: totpCode(secret, now()) })
      .expect(200);
    const { recoveryCodes } = confirmed.body as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);

    const stored = await prisma.userTotp.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.enabledAt).not.toBeNull();
    expect(Buffer.from(stored.secretSealed).toString('latin1')).not.toContain(secret);
    const hashes = await prisma.mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(hashes.map((row) => row.codeHash)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]),
    );
    expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0]);

    await request(t.server)
      .post('/v1/users/me/mfa/totp')
      .set(...bearer(accessToken))
      .expect(409)
      .expect((res) => expect(res.body.type).toBe('/problems/mfa-already-enabled'));
  });

  it('signs in in two steps: the password earns an mfaToken, the code the tokens', async () => {
    const { user, secret } = await withTotp();
    const challenge = await login(user.email);
    expect(challenge).toEqual({
      mfaRequired: true,
      mfaToken: expect.stringMatching(/^mfa_/),
      expiresIn: 300,
    });
    expect(challenge).not.toHaveProperty('accessToken');

    const res = await verify({ mfaToken: challenge.mfaToken, code: totpCode(secret, now()) })
      .expect(200)
      .expect('content-type', /^application\/json/);
    const tokens = res.body as Tokens;
    expect(tokens).toMatchObject({ tokenType: 'Bearer', user: { id: user.id } });
    await request(t.server)
      .get('/v1/users/me')
      .set(...bearer(tokens.accessToken))
      .expect(200);

    // The token did its one sign-in.
    nextStep();
    const again = await verify({
      mfaToken: challenge.mfaToken,
      code: totpCode(secret, now()),
    }).expect(401);
    expect(again.body.type).toBe('/problems/invalid-mfa-token');
  });

  it('refuses a code replayed in another sign-in, and takes the next one', async () => {
    const { user, secret } = await withTotp();
    const code = totpCode(secret, now());
    await verify({ mfaToken: (await login(user.email)).mfaToken, code }).expect(200);
    const replay = await verify({ mfaToken: (await login(user.email)).mfaToken, code }).expect(401);
    expect(replay.body).toMatchObject({ type: '/problems/invalid-mfa-code' });
    nextStep();
    await verify({
      mfaToken: (await login(user.email)).mfaToken,
      code: totpCode(secret, now()),
    }).expect(200);
  });

  it('signs in with a recovery code once', async () => {
    const { user, recoveryCodes } = await withTotp();
    const [recoveryCode = ''] = recoveryCodes;
    await verify({ mfaToken: (await login(user.email)).mfaToken, recoveryCode }).expect(200);
    const reused = await verify({
      mfaToken: (await login(user.email)).mfaToken,
      recoveryCode,
    }).expect(401);
    expect(reused.body.type).toBe('/problems/invalid-mfa-code');
  });

  it('records a refused code as a failed sign-in with its request id, never the code', async () => {
    const { user, secret } = await withTotp();
    const code = totpCode(secret, now(), 3);
    const requestId = `mfa-refused-${randomUUID()}`;
    await verify({ mfaToken: (await login(user.email)).mfaToken, code })
      .set('X-Request-Id', requestId)
      .expect(401);
    const rows = await prisma.auditEvent.findMany({ where: { requestId } });
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'auth.sign_in',
        outcome: 'failure',
        actorType: 'anonymous',
        targetType: 'user',
        targetId: user.id,
        subjectUserId: user.id,
        details: { method: 'password+totp', reason: 'invalid_mfa_code' },
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('shows whether MFA is on: in the user resource, and its status with the recovery codes left', async () => {
    const admin = await registerAdmin(t);
    const tokens = await register(t.server);
    const me = (): Promise<request.Response> =>
      request(t.server)
        .get('/v1/users/me')
        .set(...bearer(tokens.accessToken))
        .expect(200);
    const status = (): Promise<request.Response> =>
      request(t.server)
        .get('/v1/users/me/mfa')
        .set(...bearer(tokens.accessToken))
        .expect(200);
    const asAdmin = (path: string): request.Test =>
      request(t.server)
        .get(path)
        .set(...bearer(admin.accessToken))
        .expect(200);
    expect((await me()).body).toMatchObject({ id: tokens.user.id, mfaEnabled: false });
    const off = { enabled: false, enabledAt: null, recoveryCodesRemaining: 0 };
    expect((await status()).body).toEqual(off);

    const enrolled = await request(t.server)
      .post('/v1/users/me/mfa/totp')
      .set(...bearer(tokens.accessToken))
      .expect(201);
    const { secret } = enrolled.body as { secret: string };
    // Not on until a code confirms it.
    expect((await status()).body).toEqual(off);
    expect((await me()).body).toMatchObject({ mfaEnabled: false });
    const listed = (): Promise<request.Response> =>
      asAdmin(`/v1/users?q=${encodeURIComponent(tokens.user.email)}`);
    expect((await listed()).body.data).toEqual([expect.objectContaining({ mfaEnabled: false })]);
    const confirmedAt = now().toISOString();
    const confirmed = await request(t.server)
      .post('/v1/users/me/mfa/totp/confirm')
      .set(...bearer(tokens.accessToken))
      .send({ code: totpCode(secret, now()) })
      .expect(200);
    const [recoveryCode = ''] = (confirmed.body as { recoveryCodes: string[] }).recoveryCodes;
    expect((await me()).body).toMatchObject({ mfaEnabled: true });
    expect((await status()).body).toEqual({
      enabled: true,
      enabledAt: confirmedAt,
      recoveryCodesRemaining: 10,
    });

    const signedIn = await verify({
      mfaToken: (await login(tokens.user.email)).mfaToken,
      recoveryCode,
    }).expect(200);
    expect((signedIn.body as Tokens).user).toMatchObject({ mfaEnabled: true });
    expect((await status()).body).toMatchObject({ recoveryCodesRemaining: 9 });

    expect((await asAdmin(`/v1/users/${tokens.user.id}`)).body).toMatchObject({
      mfaEnabled: true,
    });
    expect((await listed()).body.data).toEqual([expect.objectContaining({ mfaEnabled: true })]);
  });

  it('refuses a body with both a code and a recovery code, or a code that is no 6 digits: 400', async () => {
    const { user, recoveryCodes } = await withTotp();
    const { mfaToken } = await login(user.email);
    for (const body of [
      { mfaToken, code: '123456', recoveryCode: recoveryCodes[0] ?? '' },
      { mfaToken, code: '12345' },
      { mfaToken },
    ]) {
      const res = await verify(body).expect(400);
      expect(res.body.type).toBe('/problems/validation-error');
    }
  });

  it('turns off with the password and a current code: sign-in is one step again', async () => {
    const { accessToken, user, secret } = await withTotp();
    const disable = (body: { password: string; code: string }): request.Test =>
      request(t.server)
        .delete('/v1/users/me/mfa/totp')
        .set(...bearer(accessToken))
        .send(body);
    const wrongPassword = await disable({
      password: 'not the password at all',
      code: totpCode(secret, now()),
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.type).toBe('/problems/invalid-credentials');
    const wrongCode = await disable({ password: PASSWORD, code: totpCode(secret, now(), 3) });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.type).toBe('/problems/invalid-mfa-code');

    await disable({ password: PASSWORD, code: totpCode(secret, now()) }).expect(204);
    const res = await request(t.server)
      .post('/v1/auth/login')
      .send({ email: user.email, password: PASSWORD })
      .expect(200);
    expect(res.body).toHaveProperty('accessToken');
    expect(await prisma.mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);

    const off = await disable({ password: PASSWORD, code: totpCode(secret, now()) }).expect(409);
    expect(off.body.type).toBe('/problems/mfa-not-enabled');
  });

  it('is reset by an administrator; a plain user may not', async () => {
    const admin = await registerAdmin(t);
    const { user, accessToken } = await withTotp();
    const reset = (token: string, id = user.id): request.Test =>
      request(t.server)
        .delete(`/v1/users/${id}/mfa`)
        .set(...bearer(token));

    await reset(accessToken).expect(403);
    const pending = await login(user.email);
    await reset(admin.accessToken).expect(204);
    expect(await prisma.userTotp.count({ where: { userId: user.id } })).toBe(0);
    const audited = await prisma.auditEvent.findMany({
      where: { targetId: user.id, action: { startsWith: 'auth.mfa' } },
    });
    expect(audited.map(({ action }) => action)).toEqual(['auth.mfa.enable']);
    await expect(
      prisma.auditEvent.findFirstOrThrow({
        where: { action: 'user.mfa.reset', targetId: user.id },
      }),
    ).resolves.toMatchObject({ actorId: admin.user.id, details: { hadMfa: true } });
    // The sign-in that was waiting for a code cannot finish; a new one needs no code.
    await verify({ mfaToken: pending.mfaToken, code: '000000' }).expect(401);
    const res = await request(t.server)
      .post('/v1/auth/login')
      .send({ email: user.email, password: PASSWORD })
      .expect(200);
    expect(res.body).toHaveProperty('accessToken');

    await reset(admin.accessToken, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b').expect(404);
  });
});
