import { describe, expect, it } from '@jest/globals';
import { pointersOf, validate } from '../../../test/support/validate.js';
import type { AuditEventRecord } from '../audit.repository.js';
import {
  listAuditEventsQuery,
  toAuditEventResponse,
  toSecurityEventResponse,
} from './audit.schemas.js';

const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ADMIN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const KEY = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d';

const event = (fields: Partial<AuditEventRecord> = {}): AuditEventRecord => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
  occurredAt: new Date('2026-03-01T10:00:00.000Z'),
  actorType: 'user',
  actorId: USER,
  actorUserId: USER,
  action: 'auth.sign_in',
  targetType: 'user',
  targetId: USER,
  subjectUserId: USER,
  outcome: 'success',
  clientAddress: '203.0.113.9',
  userAgent: 'curl/8',
  requestId: 'req-1',
  traceId: 'trace-1',
  details: { method: 'password' },
  ...fields,
});

describe('audit schemas', () => {
  describe('listAuditEventsQuery', () => {
    it('reads the filters of a query string, times with their offset as Dates', async () => {
      await expect(
        validate(
          listAuditEventsQuery,
          {
            limit: '5',
            actorType: 'api_key',
            actorId: KEY,
            action: 'product.update',
            targetType: 'product',
            targetId: 'p-1',
            from: '2026-01-01T01:00:00+01:00',
            to: '2026-02-01T00:00:00Z',
          },
          'query',
        ),
      ).resolves.toEqual({
        value: {
          limit: 5,
          actorType: 'api_key',
          actorId: KEY,
          action: 'product.update',
          targetType: 'product',
          targetId: 'p-1',
          from: new Date('2026-01-01T00:00:00.000Z'),
          to: new Date('2026-02-01T00:00:00.000Z'),
        },
      });
    });

    it('needs no filter at all: the newest page of twenty', async () => {
      await expect(validate(listAuditEventsQuery, {}, 'query')).resolves.toEqual({
        value: { limit: 20 },
      });
    });

    it.each<[string, Record<string, string>, string]>([
      ['an unknown action', { action: 'auth.teleport' }, '#/action'],
      ['an unknown actor type', { actorType: 'robot' }, '#/actorType'],
      ['an unknown target type', { targetType: 'invoice' }, '#/targetType'],
      ['an actor id that is no UUID', { actorId: 'admin' }, '#/actorId'],
      ['an empty target id', { targetId: '' }, '#/targetId'],
      ['a target id over 64 characters', { targetId: 'x'.repeat(65) }, '#/targetId'],
      ['a target id with a NUL', { targetId: 'a\u0000b' }, '#/targetId'],
      ['a time that is no timestamp', { from: 'yesterday' }, '#/from'],
      ['a date without a time', { from: '2026-01-01' }, '#/from'],
      ['a time without an offset', { to: '2026-01-01T00:00:00' }, '#/to'],
      ['a time before year 1', { from: '0000-12-31T23:00:00Z' }, '#/from'],
      [
        'a range that ends before it starts',
        { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
        '#/to',
      ],
      [
        'an empty range (to equal to from)',
        { from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00+01:00' },
        '#/to',
      ],
      ['an unknown filter', { secret: 'x' }, '#'],
    ])('refuses %s at its pointer', async (_case, query, pointer) => {
      expect(await pointersOf(listAuditEventsQuery, query, 'query')).toEqual([pointer]);
    });

    it('takes an open range on either side', async () => {
      expect(
        await pointersOf(listAuditEventsQuery, { from: '2026-02-01T00:00:00Z' }, 'query'),
      ).toEqual([]);
      expect(
        await pointersOf(listAuditEventsQuery, { to: '0001-01-01T00:00:00Z' }, 'query'),
      ).toEqual([]);
    });
  });

  describe('toAuditEventResponse', () => {
    it('shows every recorded fact, the actor and target as objects', () => {
      expect(toAuditEventResponse(event())).toEqual({
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
        occurredAt: '2026-03-01T10:00:00.000Z',
        actor: { type: 'user', id: USER, userId: USER },
        action: 'auth.sign_in',
        target: { type: 'user', id: USER },
        subjectUserId: USER,
        outcome: 'success',
        clientAddress: '203.0.113.9',
        userAgent: 'curl/8',
        requestId: 'req-1',
        traceId: 'trace-1',
        details: { method: 'password' },
      });
    });

    it.each<[string, Partial<AuditEventRecord>]>([
      ['no target at all', { targetType: null, targetId: null }],
      ['a target type without an id', { targetType: 'order', targetId: null }],
      ['a target id without a type', { targetType: null, targetId: 'x' }],
    ])('shows target null for %s', (_case, fields) => {
      expect(toAuditEventResponse(event(fields)).target).toBeNull();
    });

    it('copies the details: the response cannot change the record', () => {
      const record = event({ details: { from: 'user', to: 'admin' } });
      const response = toAuditEventResponse(record);
      response.details.to = 'tampered';
      expect(record.details).toEqual({ from: 'user', to: 'admin' });
    });
  });

  describe('toSecurityEventResponse', () => {
    it.each<[string, Partial<AuditEventRecord>, boolean]>([
      ['the user signed in', { actorType: 'user', actorId: USER, actorUserId: USER }, true],
      [
        'with one of their API keys',
        { actorType: 'api_key', actorId: KEY, actorUserId: USER },
        true,
      ],
      ['an administrator', { actorType: 'user', actorId: ADMIN, actorUserId: ADMIN }, false],
      [
        'an administrator’s API key',
        { actorType: 'api_key', actorId: KEY, actorUserId: ADMIN },
        false,
      ],
      [
        'nobody signed in (a refused sign-in)',
        { actorType: 'anonymous', actorId: null, actorUserId: null },
        false,
      ],
      ['the system', { actorType: 'system', actorId: null, actorUserId: null }, false],
    ])('byYou when %s', (_case, fields, byYou) => {
      expect(toSecurityEventResponse(event(fields), USER).byYou).toBe(byYou);
    });

    it("shows no other user's or key's id, no target, request or trace", () => {
      const response = toSecurityEventResponse(
        event({
          actorType: 'api_key',
          actorId: KEY,
          actorUserId: ADMIN,
          targetType: 'api_key',
          targetId: KEY,
        }),
        USER,
      );
      expect(response).toEqual({
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
        occurredAt: '2026-03-01T10:00:00.000Z',
        action: 'auth.sign_in',
        outcome: 'success',
        actorType: 'api_key',
        byYou: false,
        clientAddress: '203.0.113.9',
        userAgent: 'curl/8',
      });
      expect(JSON.stringify(response)).not.toMatch(new RegExp(`${ADMIN}|${KEY}`));
    });
  });
});
