/**
 * A jest reporter that ends a run with the shape of the test pyramid: per layer (jest project)
 * the test cases, their share of all cases and the time its files took.
 *
 * Jest loads reporters outside its transform, so Node runs this file as it is (type stripping):
 * erasable TypeScript only, and no imports but types.
 */
import type { AggregatedResult, Test, TestResult } from '@jest/test-result';

export interface LayerTally {
  readonly layer: string;
  readonly cases: number;
  readonly files: number;
  readonly ms: number;
}

/** The layers in pyramid order; a project not named here comes after them, by name. */
const ORDER = ['unit', 'integration', 'e2e', 'browser', 'resilience', 'ops'];

function rank(layer: string): number {
  const index = ORDER.indexOf(layer);
  return index === -1 ? ORDER.length : index;
}

/** Adds one test file's result to the tallies (a new array; inputs are not changed). */
export function tally(
  tallies: readonly LayerTally[],
  layer: string,
  result: Pick<
    TestResult,
    'numPassingTests' | 'numFailingTests' | 'numPendingTests' | 'numTodoTests' | 'perfStats'
  >,
): LayerTally[] {
  const cases =
    result.numPassingTests + result.numFailingTests + result.numPendingTests + result.numTodoTests;
  const ms = Math.max(0, result.perfStats.end - result.perfStats.start);
  const current = tallies.find((entry) => entry.layer === layer) ?? {
    layer,
    cases: 0,
    files: 0,
    ms: 0,
  };
  const next = {
    layer,
    cases: current.cases + cases,
    files: current.files + 1,
    ms: current.ms + ms,
  };
  return [...tallies.filter((entry) => entry.layer !== layer), next].sort(
    (a, b) => rank(a.layer) - rank(b.layer) || a.layer.localeCompare(b.layer),
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The table printed at the end of a run. */
export function pyramidTable(tallies: readonly LayerTally[]): string {
  const total = tallies.reduce((sum, entry) => sum + entry.cases, 0);
  const rows = tallies.map((entry) => [
    entry.layer,
    String(entry.cases),
    total === 0 ? '-' : `${Math.round((entry.cases / total) * 100)} %`,
    String(entry.files),
    seconds(entry.ms),
  ]);
  const all = [
    ['layer', 'tests', 'share', 'files', 'time'],
    ...rows,
    [
      'total',
      String(total),
      total === 0 ? '-' : '100 %',
      String(tallies.reduce((sum, entry) => sum + entry.files, 0)),
      seconds(tallies.reduce((sum, entry) => sum + entry.ms, 0)),
    ],
  ];
  const widths =
    all[0]?.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return ['Test pyramid (time: sum over test files)', ...all.map(line)].join('\n');
}

export default class PyramidReporter {
  private tallies: LayerTally[] = [];

  onTestResult(test: Test, result: TestResult): void {
    const layer = test.context.config.displayName?.name ?? 'default';
    this.tallies = tally(this.tallies, layer, result);
  }

  onRunComplete(_contexts: unknown, results: AggregatedResult): void {
    if (results.numTotalTests === 0) return;
    process.stderr.write(`\n${pyramidTable(this.tallies)}\n`);
  }
}
