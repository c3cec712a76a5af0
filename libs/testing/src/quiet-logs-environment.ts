/**
 * The unit project's test environment: Node's, plus Nest's log lines held back per test and
 * printed only when the test fails (`quiet-logs.setup.ts` routes them here). A passing run is
 * silent; a failing test shows what the code logged on its way there.
 *
 * Jest loads environments outside its transform, so Node runs this file as it is (type
 * stripping): erasable TypeScript only.
 */
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/** Where the setup file's logger writes, on the test's global object. */
export const LOG_BUFFER = '__heldLogLines';

export default class QuietLogsEnvironment extends TestEnvironment {
  private lines(): string[] {
    const global = this.global as unknown as Record<string, string[] | undefined>;
    global[LOG_BUFFER] ??= [];
    return global[LOG_BUFFER];
  }

  handleTestEvent(event: Circus.Event): void {
    if (event.name === 'test_start') this.lines().length = 0;
    if (event.name === 'test_done') {
      const lines = this.lines();
      if (event.test.errors.length > 0 && lines.length > 0) {
        const name = [event.test.parent.name, event.test.name]
          .filter((part) => part !== 'ROOT_DESCRIBE_BLOCK')
          .join(' › ');
        process.stderr.write(`\nLogs of the failed test "${name}":\n${lines.join('\n')}\n`);
      }
      lines.length = 0;
    }
  }
}
