import { describe, expect, it } from '@jest/globals';
import { type ObservedResponse, contractViolationsOf } from './support/contract.js';

/** The checker every e2e response goes through catches each way a response can drift. */
const user = {
  id: '01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'user',
  emailVerified: true,
  createdAt: '2026-01-15T09:30:00.000Z',
  mfaEnabled: false,
};
const me = (overrides: Partial<ObservedResponse>): ObservedResponse => ({
  method: 'GET',
  route: '/v1/users/me',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(user),
  ...overrides,
});
const problem = (type: string, status: number): string =>
  JSON.stringify({ type, title: 'x', status });

describe('the contract check', () => {
  it('passes a response that matches its operation', () => {
    expect(contractViolationsOf(me({}))).toEqual([]);
    expect(
      contractViolationsOf(
        me({
          status: 401,
          contentType: 'application/problem+json; charset=utf-8',
          body: problem('about:blank', 401),
        }),
      ),
    ).toEqual([]);
  });

  it('flags an undocumented status', () => {
    expect(contractViolationsOf(me({ status: 418 }))[0]).toContain('status not documented');
  });

  it('flags a body that does not match the schema: a missing or an extra field', () => {
    const { email: _email, ...withoutEmail } = user;
    expect(contractViolationsOf(me({ body: JSON.stringify(withoutEmail) }))[0]).toContain(
      "must have required property 'email'",
    );
    expect(
      contractViolationsOf(me({ body: JSON.stringify({ ...user, passwordHash: 'x' }) }))[0],
    ).toContain('must NOT have additional properties');
  });

  it('flags a problem type the operation does not list for that status', () => {
    const response = me({
      status: 401,
      contentType: 'application/problem+json',
      body: problem('/problems/insufficient-stock', 401),
    });
    expect(contractViolationsOf(response)[0]).toContain('/type must be equal to one of');
  });

  it('flags an undocumented Content-Type and a body where none is documented', () => {
    expect(contractViolationsOf(me({ contentType: 'text/plain' }))[0]).toContain(
      'Content-Type text/plain is not documented',
    );
    const logout = { method: 'POST', route: '/v1/auth/logout', status: 204 };
    expect(contractViolationsOf(me({ ...logout, body: '{}' }))[0]).toContain('describes none');
    expect(contractViolationsOf(me({ ...logout, body: '' }))).toEqual([]);
  });

  it('leaves alone what is no operation: unmatched paths and test-only routes', () => {
    expect(contractViolationsOf(me({ route: undefined, status: 404 }))).toEqual([]);
    expect(contractViolationsOf(me({ route: '/v1/probe', status: 500 }))).toEqual([]);
  });
});
