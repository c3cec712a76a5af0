import { PrismaService } from '@libs/database';
import request from 'supertest';
import { bearer, login, register, registerAdmin, type Tokens } from '../../support/identity.js';
import type { TestApp } from '../../support/test-app.js';

export type Caller = 'anonymous' | 'forged' | 'user' | 'admin';
export const CALLERS: readonly Caller[] = ['anonymous', 'forged', 'user', 'admin'];

/**
 * The identities the fuzzer calls as. A fuzzed request may end a session (logout) or change an
 * account, so after any successful write each identity is checked and restored, and the next
 * requests still reach the code behind authentication.
 */
export class Callers {
  private constructor(
    private readonly t: TestApp,
    private user: Tokens,
    private admin: Tokens,
  ) {}

  static async create(t: TestApp): Promise<Callers> {
    return new Callers(t, await register(t.server), await registerAdmin(t));
  }

  /** Ids the fuzzer must not write to (it would lock itself out); everything else is fair game. */
  get ownIds(): readonly string[] {
    return [this.user.user.id, this.admin.user.id];
  }

  headers(caller: Caller): Record<string, string> {
    switch (caller) {
      case 'anonymous':
        return {};
      case 'forged':
        return Object.fromEntries([bearer(`${this.user.accessToken.slice(0, -4)}AAAA`)]);
      case 'user':
        return Object.fromEntries([bearer(this.user.accessToken)]);
      case 'admin':
        return Object.fromEntries([bearer(this.admin.accessToken)]);
    }
  }

  async restore(): Promise<void> {
    if (!(await this.works(this.user)))
      this.user = await login(this.t.server, this.user.user.email);
    if (!(await this.works(this.admin, 'admin'))) {
      await this.t.app.get(PrismaService).user.update({
        where: { id: this.admin.user.id },
        data: { role: 'admin', disabled: false },
      });
      this.admin = await login(this.t.server, this.admin.user.email);
    }
  }

  private async works(tokens: Tokens, role = 'user'): Promise<boolean> {
    const res = await request(this.t.server)
      .get('/v1/users/me')
      .set(...bearer(tokens.accessToken));
    return res.status === 200 && res.body.role === role;
  }
}
