import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { randomBytes, randomUUID } from 'node:crypto';
import { MfaRepository } from '../src/mfa/mfa.repository.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const sealed = (keyId = 'k1'): { keyId: string; sealed: Buffer } => ({
  keyId,
  sealed: randomBytes(48),
});

/** The conditional SQL of MfaRepository in PostgreSQL: the races the service relies on. */
describe('MfaRepository', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let mfa: MfaRepository;

  beforeAll(async () => {
    t = await startTestApp();
    prisma = t.app.get(PrismaService);
    mfa = t.app.get(MfaRepository);
  });

  afterAll(async () => {
    await t.close();
  });

  const newUser = async (): Promise<string> =>
    (await prisma.user.create({ data: { email: `mfa-${randomUUID()}@example.com` } })).id;

  it('replaces a pending enrolment, never an enabled secret', async () => {
    const userId = await newUser();
    const first = sealed();
    expect(await mfa.saveEnrolment(userId, first)).toBe(true);
    const second = sealed('k2');
    expect(await mfa.saveEnrolment(userId, second)).toBe(true);
    expect(await mfa.findTotp(userId)).toEqual({
      userId,
      ...second,
      enabledAt: null,
      lastUsedStep: null,
    });

    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(
      await prisma.$transaction((tx) =>
        mfa.enable(userId, 100, now, ['a'.repeat(64), 'b'.repeat(64)], tx),
      ),
    ).toBe(true);
    expect(
      await prisma.$transaction((tx) => mfa.enable(userId, 101, now, ['c'.repeat(64)], tx)),
    ).toBe(false);
    expect(await mfa.saveEnrolment(userId, sealed('k3'))).toBe(false);
    expect(await mfa.findTotp(userId)).toMatchObject({
      keyId: 'k2',
      enabledAt: now,
      lastUsedStep: 100,
    });
    expect(await prisma.mfaRecoveryCode.count({ where: { userId } })).toBe(2);
  });

  it('accepts each time step once, and no earlier one, when uses race', async () => {
    const userId = await newUser();
    await mfa.saveEnrolment(userId, sealed());
    await prisma.$transaction((tx) => mfa.enable(userId, 100, new Date(), [], tx));
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => mfa.useStep(userId, 101)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await mfa.useStep(userId, 100)).toBe(false);
    expect(await mfa.useStep(userId, 102)).toBe(true);
  });

  it('spends a recovery code and a challenge once, when uses race', async () => {
    const userId = await newUser();
    await mfa.saveEnrolment(userId, sealed());
    const hash = 'd'.repeat(64);
    await prisma.$transaction((tx) => mfa.enable(userId, 1, new Date(), [hash], tx));
    const now = new Date('2026-01-01T00:00:00.000Z');
    const codes = await Promise.all(
      Array.from({ length: 10 }, () => mfa.useRecoveryCode(userId, hash, now)),
    );
    expect(codes.filter(Boolean)).toHaveLength(1);

    const tokenHash = randomBytes(32).toString('hex');
    const expiresAt = new Date(now.getTime() + 300_000);
    await mfa.createChallenge({ userId, tokenHash, expiresAt, now });
    const challenge = await mfa.findChallenge(tokenHash);
    expect(challenge).toMatchObject({ userId, attempts: 0, usedAt: null, expiresAt });
    const spent = await Promise.all(
      Array.from({ length: 10 }, () => mfa.spendChallenge(challenge?.id ?? '', now, 5)),
    );
    expect(spent.filter(Boolean)).toHaveLength(1);
  });

  it('stops a challenge at the attempt limit and when it expires; a new one clears the spent', async () => {
    const userId = await newUser();
    const now = new Date('2026-01-01T00:00:00.000Z');
    const expiresAt = new Date(now.getTime() + 300_000);
    const limited = randomBytes(32).toString('hex');
    await mfa.createChallenge({ userId, tokenHash: limited, expiresAt, now });
    const id = (await mfa.findChallenge(limited))?.id ?? '';
    for (let i = 0; i < 5; i += 1) await mfa.failChallenge(id);
    expect(await mfa.spendChallenge(id, now, 5)).toBe(false);
    expect(await mfa.spendChallenge(id, now, 6)).toBe(true);
    const expired = randomBytes(32).toString('hex');
    await mfa.createChallenge({ userId, tokenHash: expired, expiresAt, now });
    const expiredId = (await mfa.findChallenge(expired))?.id ?? '';
    expect(await mfa.spendChallenge(expiredId, expiresAt, 5)).toBe(false);

    // The spent challenge goes with the next sign-in's; the open one stays until it expires.
    await mfa.createChallenge({
      userId,
      tokenHash: randomBytes(32).toString('hex'),
      expiresAt,
      now,
    });
    expect(await mfa.findChallenge(limited)).toBeNull();
    expect(await mfa.findChallenge(expired)).not.toBeNull();
    expect(await prisma.$transaction((tx) => mfa.remove(userId, tx))).toBe(false);
    expect(await prisma.mfaChallenge.count({ where: { userId } })).toBe(0);
  });

  it('re-seals only the secret it read', async () => {
    const userId = await newUser();
    const old = sealed('old');
    await mfa.saveEnrolment(userId, old);
    const next = sealed('new');
    await mfa.reseal(userId, sealed('old'), next);
    expect((await mfa.findTotp(userId))?.keyId).toBe('old');
    await mfa.reseal(userId, old, next);
    expect(await mfa.findTotp(userId)).toMatchObject(next);
  });
});
