/**
 * The few runtime series the soak reads from an app's /metrics (prom-client's default
 * metrics): what the process reports about itself, as production monitoring sees it.
 */
export interface RuntimeMetrics {
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  readonly externalMiB: number;
  /** p99 event-loop delay since the previous scrape (prom-client resets it on each). */
  readonly eventLoopP99Ms: number;
}

/** The value of an unlabelled series in Prometheus text format (NaN when absent). */
export function seriesValue(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

export function runtimeMetrics(text: string): RuntimeMetrics {
  const mib = (name: string): number => seriesValue(text, name) / 2 ** 20;
  return {
    rssMiB: mib('process_resident_memory_bytes'),
    heapUsedMiB: mib('nodejs_heap_size_used_bytes'),
    heapTotalMiB: mib('nodejs_heap_size_total_bytes'),
    externalMiB: mib('nodejs_external_memory_bytes'),
    eventLoopP99Ms: seriesValue(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
  };
}

export async function scrapeRuntime(metricsUrl: string): Promise<RuntimeMetrics> {
  const res = await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`${metricsUrl}: ${res.status}`);
  return runtimeMetrics(await res.text());
}
