import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stringify } from 'yaml';

/**
 * Whether to run the promtool checks: where promtool is on PATH (Debian/Ubuntu package
 * `prometheus`), and always in CI (`CI` set), where its absence must fail rather than skip.
 */
export const hasPromtool =
  spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0 || Boolean(process.env.CI);

/**
 * Runs `promtool test rules` on `testFile` with the rule groups of a PrometheusRule written as
 * the rule file it names (`rulesName`), both in a scratch directory. Returns promtool's verdict.
 */
export function promtoolTestRules(
  groups: unknown,
  testFile: string,
  rulesName: string,
): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    writeFileSync(join(dir, rulesName), stringify({ groups }));
    copyFileSync(testFile, join(dir, basename(testFile)));
    const checked = spawnSync('promtool', ['check', 'rules', rulesName], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (checked.status !== 0) return { ok: false, output: checked.stdout + checked.stderr };
    const tested = spawnSync('promtool', ['test', 'rules', basename(testFile)], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { ok: tested.status === 0, output: tested.stdout + tested.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Checks that each PromQL expression parses, with `promtool check rules` on a rule file holding
 * one recording rule per expression (Grafana's `$__rate_interval` replaced by a real range).
 */
export function promtoolCheckExpressions(exprs: readonly string[]): {
  ok: boolean;
  output: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'promtool-'));
  try {
    const rules = exprs.map((expr, index) => ({
      record: `dashboard:query_${index}`,
      expr: expr.replaceAll('$__rate_interval', '5m'),
    }));
    writeFileSync(join(dir, 'queries.yaml'), stringify({ groups: [{ name: 'queries', rules }] }));
    const checked = spawnSync('promtool', ['check', 'rules', 'queries.yaml'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { ok: checked.status === 0, output: checked.stdout + checked.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
