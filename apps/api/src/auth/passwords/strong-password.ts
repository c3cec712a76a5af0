import { DomainError } from '../../platform/errors/domain-error.js';
import { passwordWeakness } from './password-policy.js';

/** Refuses a weak password with `weak_password`, pointing at the field it came in. */
export function assertStrongPassword(
  password: string,
  account: { email: string; name?: string },
  pointer: string,
): void {
  const weakness = passwordWeakness(password, account);
  if (weakness) throw new DomainError('weak_password', weakness, [{ pointer, detail: weakness }]);
}
