import { beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock } from '@libs/testing/fakes';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import type { UnitOfWork } from '../platform/database/unit-of-work.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { type Cursor, encodeCursor, parseCursorTime } from '../platform/pagination/cursor.js';
import { type RequestScope, runInRequest } from '../platform/request-context/request-context.js';
import type { AuditService } from './audit.service.js';

const ALICE = '00000000-0000-4000-8000-00000000a11c';
const BOB = '00000000-0000-4000-8000-000000000b0b';
const KEY = '00000000-0000-4000-8000-0000000000ee';

const request = (overrides: Partial<RequestScope> = {}): RequestScope => ({
  requestId: 'req-1',
  clientAddress: '203.0.113.7',
  userAgent: 'curl/8.5',
  actor: { type: 'user', id: ALICE },
  ...overrides,
});

const decode = (cursor: string | null): Cursor => {
  const { k, i } = JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString()) as {
    k: string;
    i: string;
  };
  return { key: k, id: i };
};

describe('AuditService', () => {
  let clock: ManualClock;
  let events: InMemoryAuditRepository;
  let audit: AuditService;
  let unitOfWork: UnitOfWork;

  beforeEach(() => {
    clock = new ManualClock();
    ({ events, audit, unitOfWork } = inMemoryAudit(clock));
  });

  describe('record', () => {
    it('takes the actor, request id, client address and user agent from the request', async () => {
      await runInRequest(request(), () =>
        unitOfWork.run((tx) =>
          audit.record(tx, { action: 'auth.password.change', target: { type: 'user', id: ALICE } }),
        ),
      );
      expect(events.rows).toEqual([
        expect.objectContaining({
          occurredAt: clock.now(),
          actorType: 'user',
          actorId: ALICE,
          actorUserId: ALICE,
          action: 'auth.password.change',
          targetType: 'user',
          targetId: ALICE,
          subjectUserId: ALICE,
          outcome: 'success',
          clientAddress: '203.0.113.7',
          userAgent: 'curl/8.5',
          requestId: 'req-1',
          traceId: null,
          details: {},
        }),
      ]);
    });

    it('names an API key and its owner when the caller used one', async () => {
      const scope = request({ actor: { type: 'api_key', id: KEY, userId: BOB } });
      await runInRequest(scope, () =>
        unitOfWork.run((tx) =>
          audit.record(tx, { action: 'product.archive', target: { type: 'product', id: 'p1' } }),
        ),
      );
      expect(events.rows[0]).toMatchObject({
        actorType: 'api_key',
        actorId: KEY,
        actorUserId: BOB,
        subjectUserId: null,
      });
    });

    it('uses the actor an event names (a sign-in), and the subject it names', async () => {
      await runInRequest(request({ actor: null }), () =>
        unitOfWork.run((tx) =>
          audit.record(tx, {
            action: 'api_key.create',
            actor: { type: 'user', id: BOB },
            target: { type: 'api_key', id: KEY },
            subjectUserId: BOB,
          }),
        ),
      );
      expect(events.rows[0]).toMatchObject({ actorType: 'user', actorId: BOB, subjectUserId: BOB });
    });

    it('is anonymous in a request nobody authenticated, system outside any request', async () => {
      await runInRequest(request({ actor: null }), () =>
        audit.recordAlone({ action: 'auth.sign_in', outcome: 'failure' }),
      );
      await audit.recordAlone({ action: 'order.status.change' });
      expect(
        events.rows.map(({ actorType, actorId, requestId }) => [actorType, actorId, requestId]),
      ).toEqual([
        ['anonymous', null, 'req-1'],
        ['system', null, null],
      ]);
      expect(events.rows[0]).toMatchObject({ outcome: 'failure', targetType: null });
    });

    it('commits with the change: a rolled-back transaction leaves no row', async () => {
      const failed = unitOfWork.run(async (tx) => {
        await audit.record(tx, { action: 'product.create' });
        throw new DomainError('sku_taken');
      });
      await expect(failed).rejects.toThrow(DomainError);
      expect(events.rows).toEqual([]);
      await unitOfWork.run((tx) => audit.record(tx, { action: 'product.create' }));
      expect(events.actions()).toEqual(['product.create']);
    });

    it.each(['password', 'newPassword', 'secret', 'refreshToken', 'passwordHash', 'apiKey', 'otp'])(
      'refuses details that could carry a secret (%s), writing nothing',
      async (key) => {
        await expect(
          audit.recordAlone({ action: 'auth.sign_in', details: { [key]: 'x' } }),
        ).rejects.toThrow(/secrets/);
        expect(events.rows).toEqual([]);
      },
    );

    it('refuses details over 2 KiB', async () => {
      await expect(
        audit.recordAlone({ action: 'product.update', details: { fields: 'x'.repeat(2100) } }),
      ).rejects.toThrow(/2048 bytes/);
    });
  });

  describe('list', () => {
    /** Ten events a second apart, alternating between Alice's and Bob's accounts. */
    const seed = async (): Promise<void> => {
      for (let i = 0; i < 10; i += 1) {
        const user = i % 2 === 0 ? ALICE : BOB;
        await runInRequest(request({ actor: { type: 'user', id: user } }), () =>
          audit.recordAlone({
            action: i < 5 ? 'auth.sign_in' : 'auth.password.change',
            target: { type: 'user', id: user },
          }),
        );
        clock.advance(1000);
      }
    };

    it('pages newest first with a cursor, each event once', async () => {
      await seed();
      const seen: string[] = [];
      let cursor: Cursor | undefined;
      for (;;) {
        const page = await audit.list({ limit: 3, cursor });
        seen.push(...page.data.map((event) => event.id));
        if (!page.nextCursor) break;
        cursor = decode(page.nextCursor);
      }
      const newestFirst = [...events.rows].reverse().map((event) => event.id);
      expect(seen).toEqual(newestFirst);
    });

    it('pages through events of the same millisecond by id', async () => {
      for (let i = 0; i < 5; i += 1) await audit.recordAlone({ action: 'product.create' });
      const first = await audit.list({ limit: 2 });
      const second = await audit.list({ limit: 10, cursor: decode(first.nextCursor) });
      expect([...first.data, ...second.data].map((event) => event.id)).toEqual(
        [...events.rows].reverse().map((event) => event.id),
      );
    });

    it('filters by actor, action, target and time range', async () => {
      await seed();
      const start = new ManualClock().now().getTime();
      const ids = async (query: Parameters<AuditService['list']>[0]): Promise<number> =>
        (await audit.list(query)).data.length;
      expect(await ids({ limit: 100, actorId: ALICE })).toBe(5);
      expect(await ids({ limit: 100, actorType: 'anonymous' })).toBe(0);
      expect(await ids({ limit: 100, action: 'auth.password.change' })).toBe(5);
      expect(await ids({ limit: 100, targetType: 'user', targetId: BOB })).toBe(5);
      expect(await ids({ limit: 100, action: 'auth.sign_in', actorId: BOB })).toBe(2);
      expect(
        await ids({ limit: 100, from: new Date(start + 2000), to: new Date(start + 5000) }),
      ).toBe(3);
    });

    it('refuses a cursor whose key is no timestamp (validation, not a failed query)', async () => {
      const forged = { key: 'not a time', id: ALICE };
      const error = await audit.list({ limit: 5, cursor: forged }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('validation_failed');
      // Well-formed otherwise: only its key makes it no cursor of this listing.
      expect(parseCursorTime(forged.key)).toBeUndefined();
      expect(encodeCursor(forged)).toMatch(/^[A-Za-z0-9_-]+$/);
    });
  });

  describe('security events', () => {
    it("are the events of the user's own account, never another's", async () => {
      await runInRequest(request(), async () => {
        await audit.recordAlone({ action: 'auth.sign_in', target: { type: 'user', id: ALICE } });
        await audit.recordAlone({ action: 'auth.sign_in', target: { type: 'user', id: BOB } });
        await audit.recordAlone({
          action: 'api_key.revoke',
          target: { type: 'api_key', id: KEY },
          subjectUserId: BOB,
        });
        await audit.recordAlone({ action: 'product.create', target: { type: 'product', id: 'p' } });
      });
      const bob = await audit.listSecurityEvents(BOB, { limit: 10 });
      expect(bob.data.map((event) => event.action)).toEqual(['api_key.revoke', 'auth.sign_in']);
      expect(bob.data.every((event) => event.subjectUserId === BOB)).toBe(true);
      const alice = await audit.listSecurityEvents(ALICE, { limit: 10 });
      expect(alice.data.map((event) => event.action)).toEqual(['auth.sign_in']);
    });
  });
});
