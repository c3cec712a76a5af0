/**
 * The soak benchmark's verdict on memory growth, kept free of I/O so that it can be tested:
 * after a warm-up (JIT tiers, pools, caches and V8's heap sizing settle), heap used must not
 * trend upward. The trend is the least-squares slope of heap used over time; one sample is
 * noisy (it lands anywhere in the GC sawtooth), a slope over many is not.
 */

export interface MemorySample {
  /** Seconds since the traffic started. */
  readonly seconds: number;
  readonly heapUsedMiB: number;
}

export interface GrowthOptions {
  /** Samples before this are ignored. */
  readonly warmupSeconds: number;
  /** Largest slope of heap used that still counts as flat, in MiB per minute. */
  readonly maxSlopeMiBPerMinute: number;
  /** Fewer samples after the warm-up than this cannot show a trend. */
  readonly minSamples: number;
}

export interface GrowthVerdict {
  readonly samples: number;
  /** Least-squares slope of heap used after the warm-up, MiB per minute (NaN without data). */
  readonly slopeMiBPerMinute: number;
  /** Median heap used of the first and last third of the samples after the warm-up. */
  readonly firstThirdMiB: number;
  readonly lastThirdMiB: number;
  readonly pass: boolean;
  readonly reason: string;
}

/** Slope of the least-squares line through the points (NaN for fewer than two distinct x). */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? NaN : covariance / variance;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export function heapGrowthVerdict(
  samples: readonly MemorySample[],
  { warmupSeconds, maxSlopeMiBPerMinute, minSamples }: GrowthOptions,
): GrowthVerdict {
  const steady = samples.filter((sample) => sample.seconds >= warmupSeconds);
  const slope = leastSquaresSlope(steady.map((s) => ({ x: s.seconds / 60, y: s.heapUsedMiB })));
  const third = Math.max(1, Math.floor(steady.length / 3));
  const firstThirdMiB = median(steady.slice(0, third).map((s) => s.heapUsedMiB));
  const lastThirdMiB = median(steady.slice(-third).map((s) => s.heapUsedMiB));
  const base = { samples: steady.length, slopeMiBPerMinute: slope, firstThirdMiB, lastThirdMiB };
  if (steady.length < minSamples || !Number.isFinite(slope)) {
    return {
      ...base,
      pass: false,
      reason: `inconclusive: ${steady.length} samples after the warm-up, ${minSamples} needed`,
    };
  }
  const pass = slope <= maxSlopeMiBPerMinute;
  return {
    ...base,
    pass,
    reason: `heap used ${pass ? 'flat' : 'GROWS'}: ${slope.toFixed(3)} MiB/min after the warm-up (tolerance ${maxSlopeMiBPerMinute} MiB/min)`,
  };
}
