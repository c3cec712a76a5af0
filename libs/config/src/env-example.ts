import { describeEnv } from './config.js';

function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/** `.env.example`, rendered from the schema so it can never miss a variable. */
export function renderEnvExample(): string {
  const header = [
    '# Environment variables of the api and worker apps (rendered by `npm run config:example`).',
    '# Copy to .env or set them in your deployment. Commented-out lines show the default.',
    '',
  ];
  const body = describeEnv().flatMap(({ name, description, defaultValue }) => [
    `# ${description}`,
    `# ${name}=${formatDefault(defaultValue)}`,
    '',
  ]);
  return [...header, ...body].join('\n');
}
