import { describe, expect, it } from '@jest/globals';
import { runtimeMetrics, seriesValue } from './prometheus.js';

const exposition = `# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 209715200
nodejs_heap_size_total_bytes 104857600
nodejs_heap_size_used_bytes 83886080
nodejs_heap_space_size_used_bytes{space="old"} 62914560
nodejs_external_memory_bytes 31457280
nodejs_eventloop_lag_p99_seconds 0.012
`;

describe('runtimeMetrics', () => {
  it('reads memory in MiB and event-loop delay in ms from prom-client default metrics', () => {
    expect(runtimeMetrics(exposition)).toEqual({
      rssMiB: 200,
      heapUsedMiB: 80,
      heapTotalMiB: 100,
      externalMiB: 30,
      eventLoopP99Ms: 12,
    });
  });

  it('matches whole series names only, and gives NaN for a missing one', () => {
    expect(seriesValue(exposition, 'nodejs_heap_size_used')).toBeNaN();
    expect(seriesValue(exposition, 'nodejs_heap_space_size_used_bytes')).toBeNaN();
    expect(seriesValue('', 'process_resident_memory_bytes')).toBeNaN();
  });
});
