import { Injectable } from '@nestjs/common';
import type { Transaction } from '@libs/database';
import { currentTraceContext } from '@libs/observability';
import { AuditService } from '../audit/audit.service.js';
import {
  type MfaChallenge,
  MfaService,
  type SecondFactor,
  signInMethodOf,
} from '../mfa/mfa.service.js';
import { Clock } from '../platform/clock.js';
import { UnitOfWork } from '../platform/database/unit-of-work.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { type UserResponse, toUserResponse } from '../users/dto/user.schemas.js';
import { EmailTakenError, type UserRecord, UsersRepository } from '../users/users.repository.js';
import type { TokenResponse } from './dto/token-response.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { assertStrongPassword } from './passwords/strong-password.js';
import { SessionsService } from './sessions/sessions.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';

/** A password sign-in either completes or asks for the second factor. */
export type LoginResult = TokenResponse | ({ readonly mfaRequired: true } & MfaChallenge);

export interface ExternalIdentity {
  readonly provider: string;
  readonly subject: string;
  readonly email: string | undefined;
  readonly emailVerified: boolean;
  readonly name: string | undefined;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly accessTokens: AccessTokenService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly mfa: MfaService,
    private readonly clock: Clock,
  ) {}

  /** A new account, signed in; its verification mail is requested with it (the outbox). */
  async register(input: {
    email: string;
    password: string;
    name?: string;
  }): Promise<TokenResponse> {
    assertStrongPassword(input.password, input, '#/password');
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const user = await this.users.create(
        { email: input.email, name: input.name ?? '', passwordHash },
        currentTraceContext(),
      );
      return await this.startSession(user);
    } catch (error) {
      if (error instanceof EmailTakenError) throw new DomainError('email_taken');
      throw error;
    }
  }

  /**
   * Unknown email and wrong password answer alike, in the same time. With MFA on, a right
   * password only earns the challenge of the second step, never tokens.
   */
  async login(input: { email: string; password: string }): Promise<LoginResult> {
    const user = await this.users.findCredentialsByEmail(input.email);
    const valid =
      user?.passwordHash && !user.disabled
        ? await this.passwords.verify(user.passwordHash, input.password)
        : await this.passwords.verifyNobody(input.password);
    if (!user?.passwordHash || !valid) {
      // The attempted email is not kept: a user may have typed a password into that field.
      await this.audit.recordAlone({
        action: 'auth.sign_in',
        outcome: 'failure',
        actor: { type: 'anonymous' },
        target: user ? { type: 'user', id: user.id } : undefined,
        details: { method: 'password' },
      });
      throw new DomainError('invalid_credentials');
    }
    if (this.passwords.needsRehash(user.passwordHash)) {
      await this.users.setPasswordHash(user.id, await this.passwords.hash(input.password));
    }
    // Not signed in yet: the second step records the sign-in.
    const challenge = await this.mfa.challenge(user.id);
    if (challenge) return { mfaRequired: true, ...challenge };
    return this.signIn(user, { method: 'password' });
  }

  /** The second step of a password sign-in with MFA on: the usual tokens once the factor is right. */
  async verifyMfa(mfaToken: string, factor: SecondFactor): Promise<TokenResponse> {
    const userId = await this.mfa.verify(mfaToken, factor);
    const user = await this.users.findCredentialsById(userId);
    // Disabled between the password and the code: no session.
    if (!user || user.disabled) return this.mfa.refuseSignIn(userId, factor, 'invalid_mfa_token');
    return this.signIn(user, { method: signInMethodOf(factor) });
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const rotated = await this.sessions.refresh(refreshToken);
    const user = await this.users.findById(rotated.userId);
    if (!user) throw new DomainError('invalid_refresh_token');
    return this.tokens(user, rotated.sessionId, rotated.refreshToken);
  }

  /**
   * Ends the caller's session, and also the one `refreshToken` belongs to when given (a client
   * may hold tokens of another session of the same user). Tokens of other users are ignored.
   */
  async logout(user: { id: string; sessionId: string }, refreshToken?: string): Promise<void> {
    await this.sessions.revoke(user.sessionId, 'logout', (tx) =>
      this.audit.record(tx, {
        action: 'auth.sign_out',
        target: { type: 'session', id: user.sessionId },
        subjectUserId: user.id,
      }),
    );
    if (refreshToken) await this.sessions.revokeByRefreshToken(refreshToken, user.id);
  }

  /**
   * OIDC sign-in: the account linked to this provider subject, else the account with the same
   * email when the provider verified it (linked now), else a new account. A new account is
   * verified when the provider vouched for its email; otherwise it gets a verification mail.
   * An unverified email never links to an existing account: whoever controls the provider
   * account would take over the account of whoever owns the address.
   */
  async signInWithOidc(identity: ExternalIdentity): Promise<TokenResponse> {
    const method = { method: 'oidc', provider: identity.provider };
    const refuse = async (userId: string | undefined, detail: string): Promise<never> => {
      await this.audit.recordAlone({
        action: 'auth.sign_in',
        outcome: 'failure',
        actor: { type: 'anonymous' },
        target: userId ? { type: 'user', id: userId } : undefined,
        details: method,
      });
      throw new DomainError('oidc_login_failed', detail);
    };
    const linked = await this.users.findByIdentity(identity.provider, identity.subject);
    if (linked) {
      if (linked.disabled) return refuse(linked.id, 'This account is disabled.');
      return this.signIn(linked, method);
    }
    if (!identity.email) return refuse(undefined, 'The provider did not share an email.');
    const email = identity.email.trim().toLowerCase();
    const existing = await this.users.findCredentialsByEmail(email);
    if (existing?.disabled) return refuse(existing.id, 'This account is disabled.');
    if (existing && !identity.emailVerified) {
      return refuse(
        existing.id,
        'An account with this email exists, and the provider did not verify the email.',
      );
    }
    const user =
      existing ??
      (await this.createOrFind(email, identity.name?.slice(0, 100) ?? '', identity.emailVerified));
    return this.signIn(user, method, async (tx) => {
      await this.users.linkIdentity(user.id, identity.provider, identity.subject, email, tx);
      await this.audit.record(tx, {
        action: 'auth.oidc.link',
        actor: { type: 'user', id: user.id },
        target: { type: 'user', id: user.id },
        details: { provider: identity.provider },
      });
    });
  }

  private async createOrFind(email: string, name: string, verified: boolean): Promise<UserRecord> {
    try {
      return await this.users.create(
        {
          email,
          name,
          passwordHash: null,
          ...(verified && { emailVerifiedAt: this.clock.now() }),
        },
        currentTraceContext(),
      );
    } catch (error) {
      // A concurrent first sign-in created it: use that one.
      const user =
        error instanceof EmailTakenError ? await this.users.findCredentialsByEmail(email) : null;
      if (!user) throw error;
      return user;
    }
  }

  /**
   * Starts a session and records the sign-in in one transaction, after `first` (an account
   * link) when given: the session exists exactly when its audit row does.
   */
  private async signIn(
    user: UserRecord,
    details: { method: string; provider?: string },
    first?: (tx: Transaction) => Promise<void>,
  ): Promise<TokenResponse> {
    const { sessionId, refreshToken } = await this.unitOfWork.run(async (tx) => {
      await first?.(tx);
      const started = await this.sessions.start(user.id, tx);
      await this.audit.record(tx, {
        action: 'auth.sign_in',
        actor: { type: 'user', id: user.id },
        target: { type: 'user', id: user.id },
        details,
      });
      return started;
    });
    return this.tokens(user, sessionId, refreshToken);
  }

  private async startSession(user: UserRecord): Promise<TokenResponse> {
    const { sessionId, refreshToken } = await this.sessions.start(user.id);
    return this.tokens(user, sessionId, refreshToken);
  }

  private async tokens(
    user: UserRecord,
    sessionId: string,
    refreshToken: string,
  ): Promise<TokenResponse> {
    const accessToken = await this.accessTokens.sign({
      userId: user.id,
      sessionId,
      role: user.role,
    });
    const response: UserResponse = toUserResponse(user);
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: this.accessTokens.lifetimeSeconds,
      refreshToken,
      user: response,
    };
  }
}
