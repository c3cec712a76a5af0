import * as argon2 from 'argon2';

/** The password of every account the benchmarks seed. */
export const PASSWORD = 'benchmark passphrase 2026';

/** The service's Argon2id parameters, so a login costs what it costs in production. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** PASSWORD hashed as the service stores it, for seeded accounts. */
export function hashedPassword(): Promise<string> {
  return argon2.hash(PASSWORD, ARGON2);
}

/** Signs a seeded account in: its access token and user id. */
export async function login(
  baseUrl: string,
  email: string,
): Promise<{ token: string; id: string }> {
  const res = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login of ${email} failed: ${res.status}`);
  const body = (await res.json()) as { accessToken: string; user: { id: string } };
  return { token: body.accessToken, id: body.user.id };
}
