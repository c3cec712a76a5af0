import { describe, expect, it } from '@jest/globals';
import { type LayerTally, pyramidTable, tally } from './pyramid-reporter.js';

const file = (passing: number, ms: number, others = { failing: 0, pending: 0, todo: 0 }) => ({
  numPassingTests: passing,
  numFailingTests: others.failing,
  numPendingTests: others.pending,
  numTodoTests: others.todo,
  perfStats: {
    start: 1_000,
    end: 1_000 + ms,
    runtime: ms,
    slow: false,
    loadTestEnvironmentEnd: 0,
    loadTestEnvironmentStart: 0,
    setupAfterEnvEnd: 0,
    setupAfterEnvStart: 0,
    setupFilesEnd: 0,
    setupFilesStart: 0,
  },
});

describe('pyramid reporter', () => {
  it('adds up cases, files and time per layer, in pyramid order', () => {
    let tallies: LayerTally[] = [];
    tallies = tally(tallies, 'e2e', file(3, 900));
    tallies = tally(tallies, 'unit', file(10, 40));
    tallies = tally(tallies, 'unit', file(5, 10, { failing: 1, pending: 2, todo: 1 }));
    tallies = tally(tallies, 'integration', file(2, 300));
    expect(tallies).toEqual([
      { layer: 'unit', cases: 19, files: 2, ms: 50 },
      { layer: 'integration', cases: 2, files: 1, ms: 300 },
      { layer: 'e2e', cases: 3, files: 1, ms: 900 },
    ]);
  });

  it('puts layers it does not know after the pyramid, by name', () => {
    let tallies: LayerTally[] = [];
    for (const layer of ['zeta', 'ops', 'alpha', 'unit'])
      tallies = tally(tallies, layer, file(1, 1));
    expect(tallies.map((entry) => entry.layer)).toEqual(['unit', 'ops', 'alpha', 'zeta']);
  });

  it('prints each layer with its share of all cases and a total', () => {
    const table = pyramidTable([
      { layer: 'unit', cases: 70, files: 7, ms: 1_250 },
      { layer: 'integration', cases: 20, files: 2, ms: 3_000 },
      { layer: 'e2e', cases: 10, files: 1, ms: 5_000 },
    ]);
    expect(table.split('\n')).toEqual([
      'Test pyramid (time: sum over test files)',
      'layer        tests  share  files   time',
      'unit            70   70 %      7  1.3 s',
      'integration     20   20 %      2  3.0 s',
      'e2e             10   10 %      1  5.0 s',
      'total          100  100 %     10  9.3 s',
    ]);
  });

  it('prints no share when nothing ran', () => {
    expect(pyramidTable([])).toContain('total      0      -      0  0.0 s');
  });
});
