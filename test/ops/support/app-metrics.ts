import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = process.cwd();

/** The part of prom-client used here (the root package does not depend on it). */
interface PromClient {
  Registry: new () => {
    getMetricsAsJSON(): Promise<{ name: string; type: string }[]>;
    clear(): void;
  };
  collectDefaultMetrics(options: { register: unknown }): void;
}

/** prom-client as libs/observability resolves it: the version the apps run. */
const promClient = createRequire(join(root, 'libs', 'observability', 'package.json'))(
  'prom-client',
) as PromClient;

/** Metric files of the apps: every `new Counter/Gauge/Histogram({ name: '…' })` lives in one. */
const METRIC_SOURCES = [
  join(root, 'libs', 'observability', 'src', 'metrics'),
  join(root, 'apps', 'worker', 'src', 'queues'),
];

/**
 * Every series name the api and the worker expose on /metrics: their own metrics (histograms
 * with _bucket, _sum, _count) and prom-client's default process and Node.js metrics.
 */
export async function exportedSeries(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const dir of METRIC_SOURCES) {
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'),
    )) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const [, kind, body] of source.matchAll(
        /new (Counter|Gauge|Histogram)(?:<[^>]*>)?\(\{([^}]*)/g,
      )) {
        const name = /name: '([a-z_:]+)'/.exec(body!)?.[1];
        if (!name) continue;
        names.add(name);
        if (kind === 'Histogram')
          for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
      }
    }
  }
  const registry = new promClient.Registry();
  promClient.collectDefaultMetrics({ register: registry });
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (metric.type === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(metric.name + suffix);
  }
  registry.clear();
  return names;
}

/** Metric names a PromQL expression reads (selectors, not functions, labels or keywords). */
export function seriesIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const keywords = new Set(['and', 'or', 'unless', 'bool', 'offset']);
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)]
    .map((match) => match[1]!)
    .filter((name) => !keywords.has(name));
}
