import { type Config, InjectConfig } from '@libs/config';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Semaphore } from './semaphore.js';

/**
 * Argon2id password hashing (OWASP: m ≥ 19 MiB, t ≥ 2, p = 1; configurable upwards).
 * argon2 computes on libuv's thread pool, off the event loop; the semaphore bounds how many
 * hashes run at once, so a login flood queues instead of allocating memory without limit.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private readonly options: argon2.HashOptions;
  private readonly semaphore: Semaphore;
  /** Verified when the email is unknown, so that case costs what a wrong password costs. */
  private dummyHash = '';

  constructor(@InjectConfig() { auth }: Config) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: auth.argon2.memoryKib,
      timeCost: auth.argon2.timeCost,
      parallelism: auth.argon2.parallelism,
    };
    this.semaphore = new Semaphore(auth.argon2.maxConcurrency);
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('dummy password for unknown accounts');
  }

  hash(password: string): Promise<string> {
    return this.semaphore.run(() => argon2.hash(password, this.options));
  }

  /** False for a wrong password and for a malformed stored hash alike. */
  async verify(hash: string, password: string): Promise<boolean> {
    return this.semaphore.run(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    });
  }

  /** Burns the same time as `verify` for an account that does not exist. */
  async verifyNobody(password: string): Promise<false> {
    await this.verify(this.dummyHash, password);
    return false;
  }

  /** True when a hash was made with weaker parameters than today's: rehash it at next login. */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }
}
