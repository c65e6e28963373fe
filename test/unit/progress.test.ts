import { describe, expect, it } from 'vitest';
import { countingLine, countingReporter, progressLine, progressReporter, progressReporters } from '../../src/commands/progress.js';
import { reportingProgress, type EngineConnection } from '../../src/read/engines/connection.js';

describe('the progress line', () => {
  it('shows bytes of total, rows, rows/s and the time left', () => {
    // 40 of 160 MB in 2 s: a quarter done, so 3 × 2 s = 6 s left; 500,000 rows / 2 s = 250k rows/s
    expect(progressLine('big.csv', 500_000, 2, { bytesRead: 40e6, totalBytes: 160e6 })).toBe(
      'parity: reading big.csv: 25% (40.0 MB of 160.0 MB), 500,000 rows, 250k rows/s, ~6 s left',
    );
    // 1.5 of 3 GB in 100 s: 100 s left, shown in minutes (2 min rounded)
    expect(progressLine('year.csv.gz', 12_000_000, 100, { bytesRead: 1.5e9, totalBytes: 3e9 })).toBe(
      'parity: reading year.csv.gz: 50% (1.5 GB of 3.0 GB), 12,000,000 rows, 120k rows/s, ~2 min left',
    );
  });

  it('without a known size (standard input) shows rows and rate only', () => {
    expect(progressLine('<stdin>', 1_200_000, 1, { bytesRead: 0, totalBytes: null })).toBe('parity: reading <stdin>: 1,200,000 rows, 1.2M rows/s');
  });

  it('shows nothing during the first second', () => {
    const shown: string[] = [];
    let clock = 0;
    const report = progressReporter((line) => shown.push(line), () => clock);
    clock = 900; // ms
    report(100_000, 'a.csv');
    expect(shown).toEqual([]);
    clock = 1000;
    report(200_000, 'a.csv');
    expect(shown).toEqual(['parity: reading a.csv: 200,000 rows, 200k rows/s']);
  });

  it('then a line per statistics stage, with the rows and the reading time; nothing for a run under a second', () => {
    const shown: string[] = [];
    let clock = 0;
    const p = progressReporters((line) => shown.push(line), () => clock);
    clock = 4200; // reading took 4.2 s
    p.onStage('measure', 1_000_000);
    clock = 5100;
    p.onStage('judge', 1_000_000);
    expect(shown).toEqual([
      'parity: 1,000,000 rows read in 4 s; measuring medians…',
      'parity: 1,000,000 rows read in 4 s; judging comparisons…',
    ]);
    // fits an 80-column terminal (it is redrawn in place) even at a billion rows read in 100 minutes
    const long: string[] = [];
    clock = 0;
    const big = progressReporters((line) => long.push(line), () => clock);
    clock = 6_000_000;
    big.onStage('measure', 1e9);
    big.onStage('judge', 1e9);
    for (const line of long) expect(line.length, line).toBeLessThan(80);
    const quick: string[] = [];
    clock = 0;
    const q = progressReporters((line) => quick.push(line), () => clock);
    clock = 300;
    q.onStage('measure', 12);
    q.onStage('judge', 12);
    expect(quick).toEqual([]);
  });
});

describe('the progress line of a count query where the tickets live', () => {
  it('says the source, the time so far and the cells received', () => {
    expect(countingLine('postgresql://db/support', 45.2, 0)).toBe('parity: counting in postgresql://db/support: 45 s so far');
    // 200 s is shown in minutes (3 min, rounded)
    expect(countingLine('tickets.parquet', 200, 1_234_567)).toBe('parity: counting in tickets.parquet: 3 min, 1,234,567 cells so far');
    expect(countingLine('tickets.parquet', 0.5, 0)).toBeNull();
  });

  it('a long source is cut to its last 28 characters, so that the line does not wrap on 80 columns', () => {
    const url = 'postgresql://analyst@warehouse.example.com:5432/support?application_name=parity';
    const line = countingLine(url, 200, 12_345_678) as string;
    // the last 27 characters: "port?application_name=parity"[1..] — counted: "ort?" 4 + "application_name=parity" 23
    expect(line).toBe('parity: counting in …ort?application_name=parity: 3 min, 12,345,678 cells so far');
    expect(line.length).toBeLessThanOrEqual(80);
  });

  it('is redrawn every second while the query runs and cleared when it ends', () => {
    const shown: Array<string | null> = [];
    let clock = 0;
    let tick: (() => void) | null = null;
    let period = 0;
    const progress = countingReporter((line) => shown.push(line), () => clock, (f, ms) => {
      tick = f;
      period = ms;
      return () => (tick = null);
    });
    progress.start('http://ch:8123/');
    expect(period).toBe(1000);
    clock = 800;
    tick!(); // under a second: nothing
    clock = 2000;
    tick!();
    progress.cells(40_000);
    clock = 3000;
    tick!();
    progress.stop();
    expect(tick).toBeNull(); // the timer is cancelled
    expect(shown).toEqual(['parity: counting in http://ch:8123/: 2 s so far', 'parity: counting in http://ch:8123/: 3 s, 40,000 cells so far', null]);
  });

  it('an engine connection reports each count query: its start, cells as series arrive, its end, also when it fails', async () => {
    const events: string[] = [];
    const progress = { start: (s: string) => events.push(`start ${s}`), cells: (n: number) => events.push(`cells ${n}`), stop: () => events.push('stop') };
    const series = (n: number) => ({ dimension: 'bandChannel', group: 'g', category: null, priority: null, metric: 'firstResponse', seconds: new Float64Array(n), ended: new Float64Array(n), waiting: new Float64Array(n) });
    let fail = false;
    const connection: EngineConnection = {
      dialect: 'duckdb',
      label: 'x.parquet',
      sample: async () => ({ header: [], rows: [] }),
      countSeries: async (_sql, sink) => {
        sink(series(3));
        if (fail) throw new Error('server gone');
        sink(series(4));
      },
      close: async () => {},
    };
    const got: number[] = [];
    await reportingProgress(connection, progress).countSeries('q', (s) => got.push(s.seconds.length));
    expect(got).toEqual([3, 4]);
    expect(events).toEqual(['start x.parquet', 'cells 3', 'cells 7', 'stop']);
    events.length = 0;
    fail = true;
    await expect(reportingProgress(connection, progress).countSeries('q', () => {})).rejects.toThrow('server gone');
    expect(events).toEqual(['start x.parquet', 'cells 3', 'stop']);
  });
});
