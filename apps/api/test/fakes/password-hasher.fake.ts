import type { PasswordHasher } from '../../src/auth/passwords/password-hasher.js';
import type { Public } from '@libs/testing/fakes';

/**
 * A PasswordHasher without Argon2's cost: the "hash" keeps the password readable, and
 * `fake-v1$` hashes count as made with old parameters. Records how many verifications ran, so a
 * test can check that an unknown account costs a verification too.
 */
export class FakePasswordHasher implements Public<PasswordHasher> {
  verifications = 0;

  onModuleInit(): Promise<void> {
    return Promise.resolve();
  }

  hash(password: string): Promise<string> {
    return Promise.resolve(`fake-v2$${password}`);
  }

  verify(hash: string, password: string): Promise<boolean> {
    this.verifications += 1;
    return Promise.resolve(hash.slice(hash.indexOf('$') + 1) === password);
  }

  async verifyNobody(password: string): Promise<false> {
    await this.verify('nobody$', `never ${password}`);
    return false;
  }

  needsRehash(hash: string): boolean {
    return !hash.startsWith('fake-v2$');
  }
}
