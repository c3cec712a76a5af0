/**
 * Every action the audit log records. A feature that records a new kind of action adds it here
 * (the name is `<area>.<object>.<verb>`); `AuditService.record` accepts nothing else.
 */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.password.change',
  'auth.password.reset',
  'auth.email.verify',
  'auth.oidc.link',
  'auth.mfa.enable',
  'auth.mfa.disable',
  'user.role.change',
  'user.disable',
  'user.enable',
  'user.mfa.reset',
  'api_key.create',
  'api_key.revoke',
  'order.status.change',
  'product.create',
  'product.update',
  'product.archive',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an action is done to. */
export const AUDIT_TARGET_TYPES = ['user', 'session', 'api_key', 'order', 'product'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** `anonymous`: nobody authenticated (a refused sign-in); `system`: no request at all. */
export const AUDIT_ACTOR_TYPES = ['user', 'api_key', 'system', 'anonymous'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_OUTCOMES = ['success', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
