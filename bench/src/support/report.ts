import type { LoadResult } from './load-spec.js';

/** One scenario's repeats, with the server processes' CPU and memory over the measured runs. */
export interface Measurement {
  readonly id: string;
  readonly label: string;
  readonly group: 'ceiling' | 'api' | 'orders' | 'scaling';
  readonly processes: number;
  readonly runs: readonly LoadResult[];
  /** Server CPU seconds (user + system, all its processes) per measured run. */
  readonly cpuSeconds: readonly number[];
  /** Largest peak RSS of one server process during the measured runs. */
  readonly peakRssMiB: number;
}

export interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function stat(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? NaN
      : sorted.length % 2 === 1
        ? (sorted[middle] ?? NaN)
        : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

export interface Summary {
  readonly id: string;
  readonly label: string;
  readonly group: Measurement['group'];
  readonly processes: number;
  readonly rps: Stat;
  readonly p50: Stat;
  readonly p90: Stat;
  readonly p99: Stat;
  readonly errors: number;
  readonly requests: number;
  /** Server CPU in % of one core (median over repeats). */
  readonly cpuPercent: number;
  /** Server CPU milliseconds per request (median over repeats). */
  readonly cpuMsPerRequest: number;
  readonly peakRssMiB: number;
  readonly statuses: Readonly<Record<string, number>>;
}

export function summarize(m: Measurement): Summary {
  const statuses: Record<string, number> = {};
  for (const run of m.runs) {
    for (const [status, count] of Object.entries(run.statuses)) {
      statuses[status] = (statuses[status] ?? 0) + count;
    }
  }
  return {
    id: m.id,
    label: m.label,
    group: m.group,
    processes: m.processes,
    rps: stat(m.runs.map((run) => run.rps)),
    p50: stat(m.runs.map((run) => run.p50)),
    p90: stat(m.runs.map((run) => run.p90)),
    p99: stat(m.runs.map((run) => run.p99)),
    errors: m.runs.reduce((sum, run) => sum + run.errors, 0),
    requests: m.runs.reduce((sum, run) => sum + run.requests, 0),
    cpuPercent: stat(m.runs.map((run, i) => ((m.cpuSeconds[i] ?? 0) / run.seconds) * 100)).median,
    cpuMsPerRequest: stat(
      m.runs.map((run, i) => ((m.cpuSeconds[i] ?? 0) * 1000) / Math.max(run.requests, 1)),
    ).median,
    peakRssMiB: m.peakRssMiB,
    statuses,
  };
}

const round = (value: number, digits = 0): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';

/** "median (min–max)", or just the median for a single repeat. */
function range({ median, min, max }: Stat, digits = 0): string {
  return min === max || !Number.isFinite(min) || !Number.isFinite(max)
    ? round(median, digits)
    : `${round(median, digits)} (${round(min, digits)}–${round(max, digits)})`;
}

/** A Markdown table (readable in a terminal, pasteable into docs/performance.md). */
export function table(rows: readonly Summary[]): string {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'errors',
    'CPU % core',
    'CPU ms/req',
    'peak RSS MiB',
  ];
  const lines = rows.map((row) => [
    row.label,
    range(row.rps),
    round(row.p50.median),
    round(row.p90.median),
    range(row.p99),
    String(row.errors),
    round(row.cpuPercent),
    round(row.cpuMsPerRequest, 2),
    round(row.peakRssMiB),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [format(header), rule, ...lines.map(format)].join('\n');
}

export interface Target {
  readonly target: string;
  readonly value: string;
  readonly met: boolean | undefined;
}

export function targetsTable(targets: readonly Target[]): string {
  return [
    '| target | measured | met |',
    '|---|---|---|',
    ...targets.map(
      ({ target, value, met }) =>
        `| ${target} | ${value} | ${met === undefined ? 'n/a' : met ? 'yes' : 'NO'} |`,
    ),
  ].join('\n');
}
