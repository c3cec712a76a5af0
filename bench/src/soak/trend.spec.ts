import { describe, expect, it } from '@jest/globals';
import { type MemorySample, heapGrowthVerdict, leastSquaresSlope, median } from './trend.js';

const options = { warmupSeconds: 300, maxSlopeMiBPerMinute: 0.25, minSamples: 6 };

/** A sample every 10 s for `minutes`, heap used = f(seconds). */
function run(minutes: number, heap: (seconds: number, index: number) => number): MemorySample[] {
  return Array.from({ length: (minutes * 60) / 10 }, (_, i) => ({
    seconds: i * 10,
    heapUsedMiB: heap(i * 10, i),
  }));
}

/** A GC sawtooth: heap climbs 12 MiB over 60 s, then drops back. */
const sawtooth = (seconds: number): number => 80 + ((seconds % 60) / 60) * 12;

describe('leastSquaresSlope', () => {
  it('is the slope of a straight line and 0 for a flat one', () => {
    expect(leastSquaresSlope([0, 1, 2, 3].map((x) => ({ x, y: 3 * x + 7 })))).toBeCloseTo(3);
    expect(leastSquaresSlope([0, 1, 2].map((x) => ({ x, y: 5 })))).toBe(0);
  });

  it('is NaN without two distinct x', () => {
    expect(leastSquaresSlope([{ x: 1, y: 2 }])).toBeNaN();
    expect(
      leastSquaresSlope([
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ]),
    ).toBeNaN();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('heapGrowthVerdict', () => {
  it('passes a flat heap whose samples land anywhere in the GC sawtooth', () => {
    const verdict = heapGrowthVerdict(run(30, sawtooth), options);
    expect(verdict.pass).toBe(true);
    expect(Math.abs(verdict.slopeMiBPerMinute)).toBeLessThan(0.05);
    expect(verdict.samples).toBe(150);
  });

  it('fails a slow leak hidden under the sawtooth (1 MiB per minute)', () => {
    const verdict = heapGrowthVerdict(
      run(30, (s) => sawtooth(s) + s / 60),
      options,
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.slopeMiBPerMinute).toBeCloseTo(1, 1);
    expect(verdict.lastThirdMiB - verdict.firstThirdMiB).toBeGreaterThan(15);
    expect(verdict.reason).toMatch(/GROWS/);
  });

  it('ignores the warm-up, where the heap grows to its working size', () => {
    const warmingUp = (s: number): number => (s < 300 ? 40 + s / 5 : sawtooth(s));
    expect(heapGrowthVerdict(run(30, warmingUp), options).pass).toBe(true);
    expect(heapGrowthVerdict(run(30, warmingUp), { ...options, warmupSeconds: 0 }).pass).toBe(
      false,
    );
  });

  it('passes a heap that shrinks, and fails at a slope just over the tolerance', () => {
    expect(
      heapGrowthVerdict(
        run(30, (s) => 100 - s / 120),
        options,
      ).pass,
    ).toBe(true);
    expect(
      heapGrowthVerdict(
        run(30, (s) => 80 + (0.26 * s) / 60),
        options,
      ).pass,
    ).toBe(false);
    expect(
      heapGrowthVerdict(
        run(30, (s) => 80 + (0.24 * s) / 60),
        options,
      ).pass,
    ).toBe(true);
  });

  it('is inconclusive, and so not a pass, with too few samples after the warm-up', () => {
    const verdict = heapGrowthVerdict(
      run(5.5, () => 80),
      options,
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.reason).toMatch(/inconclusive: 3 samples/);
  });
});
