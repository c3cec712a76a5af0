/**
 * The password-hash ceiling: Argon2id hashes per second on this machine at the service's
 * parameters (m = 19456 KiB, t = 2, p = 1) with ARGON2_MAX_CONCURRENCY (4) at once, in its own
 * process like the API. Prints one JSON line: {"rates": [per repeat], "cpuSeconds": …}.
 *
 *   node bench/dist/ceilings/argon2-rate.js <seconds> <repeats>
 */
import * as argon2 from 'argon2';

const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CONCURRENCY = 4;
const PASSWORD = 'benchmark passphrase 2026';

async function rate(seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let hashes = 0;
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline) {
      await argon2.hash(PASSWORD, ARGON2);
      hashes += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return hashes / ((Date.now() - started) / 1000);
}

const seconds = Number(process.argv[2] ?? 5);
const repeats = Number(process.argv[3] ?? 3);
await rate(Math.min(1, seconds)); // warm-up
const rates: number[] = [];
for (let i = 0; i < repeats; i += 1) rates.push(await rate(seconds));
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ rates, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMiB: usage.maxRSS / 1024 })}\n`,
);
