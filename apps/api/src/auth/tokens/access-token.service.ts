import { type Config, InjectConfig } from '@libs/config';
import { Injectable } from '@nestjs/common';
import { SignJWT, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../platform/clock.js';
import { ACCESS_TOKEN_ALG, SigningKeys } from './signing-keys.js';

/** RFC 9068 media type of JWT access tokens, so an ID token or other JWT is never accepted. */
const ACCESS_TOKEN_TYP = 'at+jwt';
const CLOCK_TOLERANCE_SECONDS = 30;
/** Headers that let a token name its own key: never trusted (RFC 8725 §3.10). */
const KEY_CARRYING_HEADERS = ['jku', 'x5u', 'jwk', 'x5c'] as const;

interface AccessTokenClaims {
  readonly userId: string;
  readonly sessionId: string;
  readonly role: 'user' | 'admin';
}

/**
 * Why a token was refused, for the message the client gets: `expired` (refresh it),
 * `unknown-key` (not signed by a key this server holds: another server's, or a key rotated out),
 * `invalid` (anything else: malformed, wrong type, issuer or audience, forbidden headers).
 */
export type InvalidTokenReason = 'expired' | 'unknown-key' | 'invalid';

export class InvalidAccessTokenError extends Error {
  override readonly name = 'InvalidAccessTokenError';

  constructor(
    message: string,
    readonly reason: InvalidTokenReason = 'invalid',
  ) {
    super(message);
  }
}

function reasonOf(error: errors.JOSEError | TypeError): InvalidTokenReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'unknown-key';
  return 'invalid';
}

/** Verified tokens remembered at most (a token is ~400 bytes: under 1 MiB). */
const VERIFIED_TOKENS = 2_000;

/**
 * Signs and verifies access tokens: EdDSA JWTs, `typ: at+jwt`, at most 15 minutes long.
 * A token that verified is remembered until it would stop verifying (its expiry or maximum age,
 * with the clock tolerance), so a client sending the same token again costs a map lookup
 * instead of a signature check. A token is immutable, so that answer cannot change; whether its
 * session is still live is checked on every request (SessionsService.live), not here.
 */
@Injectable()
export class AccessTokenService {
  private readonly verified = new Map<
    string,
    { readonly claims: AccessTokenClaims; readonly validUntilMs: number }
  >();

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
  ) {}

  get lifetimeSeconds(): number {
    return this.config.auth.accessTtlSeconds;
  }

  async sign({ userId, sessionId, role }: AccessTokenClaims): Promise<string> {
    const { kid, key } = this.keys.signer();
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ sid: sessionId, role })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYP, kid })
      .setIssuer(this.config.auth.issuer)
      .setAudience(this.config.auth.audience)
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.lifetimeSeconds)
      .setJti(randomUUID())
      .sign(key);
  }

  /** Throws InvalidAccessTokenError for anything but a token we signed, unexpired, for us. */
  async verify(token: string): Promise<AccessTokenClaims> {
    const remembered = this.verified.get(token);
    if (remembered !== undefined) {
      if (this.clock.now().getTime() < remembered.validUntilMs) return remembered.claims;
      this.verified.delete(token);
    }
    return this.verifySignedToken(token);
  }

  private async verifySignedToken(token: string): Promise<AccessTokenClaims> {
    try {
      const header = decodeProtectedHeader(token);
      if (KEY_CARRYING_HEADERS.some((name) => name in header)) {
        throw new InvalidAccessTokenError('token carries its own key');
      }
      const key = this.keys.verificationKey(header.kid);
      if (!key) throw new InvalidAccessTokenError('unknown key id', 'unknown-key');
      const { payload } = await jwtVerify(token, key, {
        algorithms: [ACCESS_TOKEN_ALG],
        typ: ACCESS_TOKEN_TYP,
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'iat', 'exp', 'jti', 'sid', 'role'],
        maxTokenAge: this.lifetimeSeconds + CLOCK_TOLERANCE_SECONDS,
      });
      const { sub, sid, role } = payload;
      if (
        typeof sub !== 'string' ||
        typeof sid !== 'string' ||
        (role !== 'user' && role !== 'admin')
      ) {
        throw new InvalidAccessTokenError('malformed claims');
      }
      const claims = { userId: sub, sessionId: sid, role } as const;
      this.remember(token, claims, payload.exp, payload.iat);
      return claims;
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw error;
      if (error instanceof errors.JOSEError || error instanceof TypeError) {
        throw new InvalidAccessTokenError(error.message, reasonOf(error));
      }
      throw error;
    }
  }

  /** Until the first moment jwtVerify would refuse it: past `exp`, or older than the lifetime. */
  private remember(
    token: string,
    claims: AccessTokenClaims,
    exp: number | undefined,
    iat: number | undefined,
  ): void {
    if (exp === undefined || iat === undefined) return;
    const validUntilMs =
      (Math.min(exp, iat + this.lifetimeSeconds) + CLOCK_TOLERANCE_SECONDS) * 1000;
    if (this.verified.size >= VERIFIED_TOKENS) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, validUntilMs });
  }
}
