import { Injectable } from '@nestjs/common';
import type { Role } from '@libs/database';
import { timingSafeEqual } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../platform/clock.js';
import { UnitOfWork } from '../platform/database/unit-of-work.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { formatApiKey, hashApiKeySecret, newSecret, parseApiKey } from './api-key-format.js';
import { type ApiKeyScope, API_KEY_SCOPES, roleAllowsScope } from './api-key-scopes.js';
import { ApiKeyUsage } from './api-key-usage.js';
import { type ApiKeyRecord, ApiKeysRepository } from './api-keys.repository.js';

export interface NewApiKeyInput {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt?: Date | undefined;
}

/** The owner and scopes of a key that may be used now. */
export interface ApiKeyPrincipal {
  readonly userId: string;
  readonly keyId: string;
  readonly role: Role;
  /** The key's scopes that the owner's current role still allows. */
  readonly scopes: readonly ApiKeyScope[];
}

/** Live keys a user may hold, so a key list stays one small page. */
export const MAX_API_KEYS_PER_USER = 50;

const isScope = (scope: string): scope is ApiKeyScope => Object.hasOwn(API_KEY_SCOPES, scope);

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly usage: ApiKeyUsage,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Creates a key for `owner`; the returned `key` is the only time its secret is shown. */
  async create(
    owner: { id: string; role: Role },
    input: NewApiKeyInput,
  ): Promise<{ key: string; record: ApiKeyRecord }> {
    const refused = input.scopes.filter((scope) => !roleAllowsScope(owner.role, scope));
    if (refused.length > 0) {
      throw new DomainError(
        'api_key_scope_not_allowed',
        `Your role cannot grant ${refused.join(', ')}.`,
      );
    }
    if (input.expiresAt && input.expiresAt <= this.clock.now()) {
      throw new DomainError('validation_failed', 'expiresAt must be in the future.', [
        { pointer: '#/expiresAt', detail: 'must be in the future' },
      ]);
    }
    if ((await this.keys.countLiveOfUser(owner.id)) >= MAX_API_KEYS_PER_USER) {
      throw new DomainError('api_key_limit_reached');
    }
    const secret = newSecret();
    const scopes = [...new Set(input.scopes)];
    const record = await this.unitOfWork.run(async (tx) => {
      const created = await this.keys.create(
        {
          userId: owner.id,
          name: input.name,
          scopes,
          secretHash: hashApiKeySecret(secret),
          expiresAt: input.expiresAt ?? null,
        },
        tx,
      );
      await this.audit.record(tx, {
        action: 'api_key.create',
        target: { type: 'api_key', id: created.id },
        subjectUserId: owner.id,
        details: { name: input.name, scopes: scopes.join(' ') },
      });
      return created;
    });
    return { key: formatApiKey(record.id, secret), record };
  }

  /** The user's keys, revoked ones left out. */
  list(userId: string): Promise<ApiKeyRecord[]> {
    return this.keys.listOfUser(userId);
  }

  /** Revokes a key of `userId`; another user's key is as unknown as a missing one. */
  async revoke(userId: string, keyId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.keys.revoke(userId, keyId, this.clock.now(), tx))) {
        throw new DomainError('api_key_not_found');
      }
      await this.audit.record(tx, {
        action: 'api_key.revoke',
        target: { type: 'api_key', id: keyId },
        subjectUserId: userId,
      });
    });
  }

  /**
   * The principal of `token`, or null when it is no key of ours or may not be used now. A
   * malformed key or wrong checksum is refused before any database read; otherwise the key is
   * read by its id on every request, so revocation, expiry and disabling apply at once.
   */
  async authenticate(token: string): Promise<ApiKeyPrincipal | null> {
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const key = await this.keys.findCredential(parsed.keyId);
    if (!key) return null;
    const presented = Buffer.from(hashApiKeySecret(parsed.secret), 'hex');
    const stored = Buffer.from(key.secretHash, 'hex');
    if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return null;
    const now = this.clock.now();
    if (key.revokedAt || (key.expiresAt && key.expiresAt <= now) || key.owner.disabled) {
      return null;
    }
    this.usage.note(key.id, key.lastUsedAt);
    return {
      userId: key.userId,
      keyId: key.id,
      role: key.owner.role,
      scopes: key.scopes.filter(isScope).filter((scope) => roleAllowsScope(key.owner.role, scope)),
    };
  }
}
