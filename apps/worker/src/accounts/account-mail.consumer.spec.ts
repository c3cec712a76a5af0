import { beforeEach, describe, expect, it } from '@jest/globals';
import { hashAccountToken } from '@libs/commerce';
import { loadConfig } from '@libs/config';
import { ManualClock } from '@libs/testing/fakes';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { InMemoryAccountMailRepository } from '../../test/fakes/account-mail.repository.fake.js';
import { RecordingMailSender } from '../../test/fakes/mail-sender.fake.js';
import { PoisonJobError } from '../queues/job-consumer.js';
import { AccountMailConsumer } from './account-mail.consumer.js';
import type { AccountMailRepository } from './account-mail.repository.js';
import { TOKEN_WITHHELD } from './render-account-mail.js';

const config = loadConfig(
  { NODE_ENV: 'test', MAIL_FROM: 'shop@example.com', PUBLIC_URL: 'https://api.example.com' },
  { signingKeys: false },
);
const HOUR = 3_600_000;

function job(type: string, payload: object, id = randomUUID()): Job {
  return {
    data: { id, type, aggregateId: randomUUID(), createdAt: new Date().toISOString(), payload },
  } as unknown as Job;
}

/** The token a mail carries: the line after the one that announces it. */
function tokenIn(text: string): string {
  const token = /^ {2}([\w-]{43})$/m.exec(text)?.[1];
  if (!token) throw new Error(`no token in:\n${text}`);
  return token;
}

describe('AccountMailConsumer', () => {
  let repository: InMemoryAccountMailRepository;
  let mail: RecordingMailSender;
  let clock: ManualClock;
  let consumer: AccountMailConsumer;
  const userId = randomUUID();

  const build = (sender: RecordingMailSender): AccountMailConsumer =>
    new AccountMailConsumer(repository as unknown as AccountMailRepository, sender, clock, config);

  beforeEach(() => {
    repository = new InMemoryAccountMailRepository();
    repository.accounts.set(userId, {
      id: userId,
      email: 'ada@example.com',
      name: 'Ada',
      disabled: false,
      emailVerified: false,
    });
    mail = new RecordingMailSender();
    clock = new ManualClock();
    consumer = build(mail);
  });

  it('mails a verification token that is stored only as its hash, for 24 hours', async () => {
    await expect(consumer.process(job('account.verification_requested', { userId }))).resolves.toBe(
      'sent',
    );
    expect(mail.sent).toEqual([
      expect.objectContaining({
        to: 'ada@example.com',
        from: 'shop@example.com',
        subject: 'Confirm your email address',
      }),
    ]);
    const token = tokenIn(mail.sent[0]!.text);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(mail.sent[0]!.text).toContain('POST https://api.example.com/v1/auth/email/verify');
    expect(repository.tokens).toEqual([
      {
        userId,
        purpose: 'email_verification',
        hash: hashAccountToken(token),
        email: 'ada@example.com',
        expiresAt: new Date(clock.now().getTime() + 24 * HOUR),
        usedAt: null,
      },
    ]);
    const [stored] = repository.mails.values();
    expect(stored?.body).toContain(TOKEN_WITHHELD);
    expect(stored?.body).not.toContain(token);
    expect(stored?.sentAt).toEqual(clock.now());
  });

  it('mails a reset token for 30 minutes to the account of the address', async () => {
    await consumer.process(job('account.password_reset_requested', { email: 'Ada@Example.com ' }));
    const token = tokenIn(mail.sent[0]!.text);
    expect(mail.sent[0]?.subject).toBe('Reset your password');
    expect(repository.tokens).toEqual([
      expect.objectContaining({
        purpose: 'password_reset',
        hash: hashAccountToken(token),
        expiresAt: new Date(clock.now().getTime() + 30 * 60_000),
      }),
    ]);
  });

  it('replaces the unused token of the same purpose: only the newest mail works', async () => {
    await consumer.process(job('account.verification_requested', { userId }));
    await consumer.process(job('account.verification_requested', { userId }));
    await consumer.process(job('account.password_reset_requested', { email: 'ada@example.com' }));
    const [first, second] = mail.sent.map((sent) => tokenIn(sent.text));
    expect(first).not.toBe(second);
    expect(repository.tokens.map((token) => [token.purpose, token.hash])).toEqual([
      ['email_verification', hashAccountToken(second!)],
      ['password_reset', expect.any(String)],
    ]);
  });

  it('sends nothing when the address has no account, or a disabled one', async () => {
    await expect(
      consumer.process(job('account.password_reset_requested', { email: 'nobody@example.com' })),
    ).resolves.toBe('no account');
    repository.accounts.set(userId, { ...repository.accounts.get(userId)!, disabled: true });
    await expect(
      consumer.process(job('account.password_reset_requested', { email: 'ada@example.com' })),
    ).resolves.toBe('no account');
    expect(mail.sent).toEqual([]);
    expect(repository.tokens).toEqual([]);
  });

  it('does not ask a verified account to verify again', async () => {
    repository.accounts.set(userId, { ...repository.accounts.get(userId)!, emailVerified: true });
    await expect(consumer.process(job('account.verification_requested', { userId }))).resolves.toBe(
      'already verified',
    );
    expect(mail.sent).toEqual([]);
  });

  it('sends once, however often the job is delivered', async () => {
    const delivered = job('account.password_changed', { userId });
    await consumer.process(delivered);
    await expect(consumer.process(delivered)).resolves.toBe('already sent');
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]?.subject).toBe('Your password was changed');
    expect(repository.tokens).toEqual([]);
  });

  it('retries a failed send with a new token, and the failed one no longer works', async () => {
    const flaky = new RecordingMailSender(1);
    consumer = build(flaky);
    const delivered = job('account.verification_requested', { userId });
    await expect(consumer.process(delivered)).rejects.toThrow('mail server unavailable');
    const [failedTry] = repository.tokens;
    await expect(consumer.process(delivered)).resolves.toBe('sent');
    const token = tokenIn(flaky.sent[0]!.text);
    expect(repository.tokens.map((stored) => stored.hash)).toEqual([hashAccountToken(token)]);
    expect(failedTry?.hash).not.toBe(hashAccountToken(token));
    expect(repository.mails.size).toBe(1);
  });

  it.each([
    ['an unknown type', { type: 'account.deleted' }],
    ['a verification without a user', { type: 'account.verification_requested', payload: {} }],
    ['a reset without an address', { type: 'account.password_reset_requested', payload: {} }],
  ])('dead-letters %s at once (poison)', async (_case, overrides) => {
    const bad = job('account.password_changed', { userId });
    Object.assign(bad.data as object, overrides);
    await expect(consumer.process(bad)).rejects.toBeInstanceOf(PoisonJobError);
  });
});
