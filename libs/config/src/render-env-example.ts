import { renderEnvExample } from './env-example.js';

process.stdout.write(renderEnvExample());
