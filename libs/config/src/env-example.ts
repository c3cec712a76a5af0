import { describeEnv } from './config.js';

/** `.env.example`, rendered from the schema so it can never miss a variable. */
export function renderEnvExample(): string {
  const header = [
    '# Environment variables of the api and worker apps (rendered by `pnpm config:example`).',
    '# Copy to .env or set them in your deployment. Commented-out lines show the default.',
    '',
  ];
  const body = describeEnv().flatMap(({ name, description, defaultValue }) => [
    `# ${description}`,
    defaultValue === undefined
      ? `# ${name}=`
      : `# ${name}=${Array.isArray(defaultValue) ? defaultValue.join(',') : String(defaultValue)}`,
    '',
  ]);
  return [...header, ...body].join('\n');
}
