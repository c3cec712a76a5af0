import { afterAll, afterEach } from '@jest/globals';
import { checkContract, takeContractViolations } from './contract.js';

/**
 * Jest setup of the e2e and browser projects: every response a test receives from an app built
 * by startTestApp is checked against docs/openapi.json, and what does not match fails the test.
 */
// Not while `npm run openapi:write` rewrites the document the checks read.
if (process.env.OPENAPI_WRITE !== '1') checkContract();

function failOnViolations(): void {
  const violations = takeContractViolations();
  if (violations.length > 0) {
    throw new Error(`Responses that break docs/openapi.json:\n- ${violations.join('\n- ')}`);
  }
}

afterEach(failOnViolations);
afterAll(failOnViolations);
