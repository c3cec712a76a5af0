import { parseArgs } from 'node:util';
import { seedBulkData } from './bulk-seed.js';

const USAGE = `Usage: npm run db:seed:bulk -- [--products 10000] [--users 1000] [--orders 1000000]

Adds a large generated data set to DATABASE_URL (for benchmarks and query plans, never production):
products and users on the first run, then the given number of orders on every run.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      products: { type: 'string', default: '10000' },
      users: { type: 'string', default: '1000' },
      orders: { type: 'string', default: '1000000' },
      help: { type: 'boolean', default: false },
    },
  });
  const url = process.env.DATABASE_URL;
  if (values.help || !url) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const count = (name: string, value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`--${name} must be a positive integer`);
    return parsed;
  };
  const started = Date.now();
  await seedBulkData(url, {
    products: count('products', values.products),
    users: count('users', values.users),
    orders: count('orders', values.orders),
    onProgress: (message) =>
      process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)} s  ${message}\n`),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
