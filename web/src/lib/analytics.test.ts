import { describe, expect, it } from 'vitest';
import {
  canReadAnalytics,
  canRunAnalyses,
  classOfRank,
  drill,
  histogramSeries,
  nextRunView,
  paretoSeries,
  pollRun,
  rfmHeatmap,
  type AnalysisRun,
  type RunView,
  type ValueSummary,
} from './analytics';
import { fromSearchParams } from './query';

const summaryAbc: Pick<ValueSummary, 'abc'> = {
  abc: {
    rank_by: 'revenue',
    total_positive_value: 100,
    classes: {
      A: { customers: 2, value: 80, share: 0.8 },
      B: { customers: 3, value: 15, share: 0.15 },
      C: { customers: 5, value: 5, share: 0.05 },
    },
    pareto_chart: [
      { first_rank: 1, last_rank: 1, value: 50, share: 0.5, cumulative_share: 0.5, cumulative_customers: 0.1 },
      { first_rank: 2, last_rank: 2, value: 30, share: 0.3, cumulative_share: 0.8, cumulative_customers: 0.2 },
      { first_rank: 3, last_rank: 5, value: 15, share: 0.15, cumulative_share: 0.95, cumulative_customers: 0.5 },
      { first_rank: 6, last_rank: 10, value: 5, share: 0.05, cumulative_share: 1, cumulative_customers: 1 },
    ],
  },
};

function parse(url: string) {
  const [path, qs] = url.split('?');
  return { path, ...fromSearchParams(new URLSearchParams(qs)).query };
}

describe('paretoSeries', () => {
  it('turns the bars into categories, values, a cumulative percentage and classes with their boundaries', () => {
    const s = paretoSeries(summaryAbc);
    expect(s.categories).toEqual(['1', '2', '3–5', '6–10']);
    expect(s.values).toEqual([50, 30, 15, 5]);
    expect(s.cumulative).toEqual([50, 80, 95, 100]);
    expect(s.classes).toEqual(['A', 'A', 'B', 'C']);
    expect(s.boundaries).toEqual({ B: 2, C: 3 });
    expect(s.cutoffs).toEqual({ A: 80, B: 95 });
  });
  it('copes with an empty chart and nulls', () => {
    const s = paretoSeries({ abc: { ...summaryAbc.abc, pareto_chart: [{ first_rank: 1, last_rank: 1, value: null, share: null, cumulative_share: null, cumulative_customers: null }] } });
    expect(s.values).toEqual([0]);
    expect(s.cumulative).toEqual([0]);
    expect(paretoSeries({ abc: { ...summaryAbc.abc, pareto_chart: [] } }).boundaries).toEqual({ B: null, C: null });
  });
  it('classes ranks by the class sizes', () => {
    const counts = { A: 2, B: 3, C: 5 };
    expect([1, 2, 3, 5, 6, 10].map((r) => classOfRank(r, counts))).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
  });
});

describe('rfmHeatmap', () => {
  it('maps cells to [f-1, r-1, customers] with the max and mean monetary by cell', () => {
    const h = rfmHeatmap([
      { r: 1, f: 1, customers: 4, mean_monetary: 10 },
      { r: 5, f: 2, customers: 9, mean_monetary: null },
      { r: 0, f: 0, customers: 3, mean_monetary: 1 },
    ]);
    expect(h.points).toEqual([
      [0, 0, 4],
      [1, 4, 9],
    ]);
    expect(h.max).toBe(9);
    expect(h.mean.get('5,2')).toBeNull();
    expect(h.mean.get('1,1')).toBe(10);
  });
});

describe('histogramSeries', () => {
  it('labels bins as ranges with an open-ended last bin', () => {
    const r = histogramSeries(
      [
        { from: 0, to: 10, customers: 3 },
        { from: 10, to: 20, customers: 1 },
      ],
      (n) => String(n),
    );
    expect(r).toEqual({ labels: ['0–10', '≥ 10'], counts: [3, 1] });
  });
});

describe('drill-down URLs', () => {
  it('ABC, value class and account size filter by eq', () => {
    expect(drill.abc('A')).toBe('/customers?filter%5Babc%5D=A&sort=-revenue_total');
    expect(parse(drill.abc('B')).filters).toEqual([{ field: 'abc', op: 'eq', value: 'B' }]);
    expect(parse(drill.valueClass('key')).filters).toEqual([{ field: 'value_class', op: 'eq', value: 'key' }]);
    expect(parse(drill.accountSize('large')).filters).toEqual([{ field: 'account_size', op: 'eq', value: 'large' }]);
  });
  it('an RFM cell matches every M score by prefix', () => {
    const u = parse(drill.rfm(5, 4));
    expect(u.path).toBe('/customers');
    expect(u.filters).toEqual([{ field: 'rfm_cell', op: 'starts-with', value: '54' }]);
  });
  it('a histogram bin is [from, to), the last one open-ended', () => {
    const b = { from: 100, to: 200.5, customers: 1 };
    expect(parse(drill.bin('clv', b, false)).filters).toEqual([
      { field: 'clv', op: 'gte', value: '100' },
      { field: 'clv', op: 'lt', value: '200.5' },
    ]);
    const last = parse(drill.bin('p_alive', { from: 0.9, to: 1, customers: 1 }, true));
    expect(last.filters).toEqual([{ field: 'p_alive', op: 'gte', value: '0.9' }]);
    expect(last.sort).toEqual([{ field: 'p_alive', desc: false }]);
    expect(parse(drill.bin('clv', b, false)).sort).toEqual([{ field: 'clv', desc: true }]);
  });
  it('the churn-risk list is scored A and B customers by P(alive) ascending', () => {
    const u = parse(drill.churnRisk());
    expect(u.filters).toEqual([
      { field: 'abc', op: 'in', value: 'A,B' },
      { field: 'p_alive', op: 'is-null', value: 'false' },
    ]);
    expect(u.sort).toEqual([{ field: 'p_alive', desc: false }]);
  });
});

describe('roles', () => {
  it('admin, manager, analyst and sales read; sales does not run; agent and customer neither', () => {
    expect((['admin', 'manager', 'analyst', 'sales', 'agent', 'customer'] as const).map(canReadAnalytics)).toEqual([true, true, true, true, false, false]);
    expect((['admin', 'manager', 'analyst', 'sales', 'agent', 'customer'] as const).map(canRunAnalyses)).toEqual([true, true, true, false, false, false]);
  });
});

describe('run polling', () => {
  const run = (status: AnalysisRun['status'], progress: number, error: string | null = null): AnalysisRun => ({
    id: 7,
    kind: 'value',
    status,
    progress,
    parameters: null,
    inputs: null,
    error,
    created_by: 'x',
    created_at: '2026-01-01T00:00:00Z',
    started_at: null,
    finished_at: null,
  });

  it('maps a run status to a view', () => {
    expect(nextRunView(run('queued', 0)).phase).toBe('polling');
    expect(nextRunView(run('running', 0.5)).phase).toBe('polling');
    expect(nextRunView(run('succeeded', 1)).phase).toBe('succeeded');
    expect(nextRunView(run('failed', 0.2, 'no purchases'))).toMatchObject({ phase: 'failed', error: 'no purchases' });
  });

  it('polls until the run succeeds, reporting progress, with a growing wait', async () => {
    const answers = [run('running', 0.25), run('running', 0.75), run('succeeded', 1)];
    const waits: number[] = [];
    const seen: RunView[] = [];
    const asked: number[] = [];
    const final = await pollRun(
      async (id) => {
        asked.push(id);
        return answers.shift()!;
      },
      run('queued', 0),
      { interval: 100, sleep: async (ms) => void waits.push(ms), onUpdate: (v) => seen.push(v) },
    );
    expect(final.phase).toBe('succeeded');
    expect(asked).toEqual([7, 7, 7]);
    expect(waits).toEqual([100, 150, 225]);
    expect(seen.map((v) => (v.phase === 'polling' ? v.run.progress : v.phase))).toEqual([0, 0.25, 0.75, 'succeeded']);
  });

  it('ends with the failed run and its message', async () => {
    const final = await pollRun(async () => run('failed', 0.15, 'the ledger has no purchases'), run('running', 0), { sleep: async () => undefined });
    expect(final).toMatchObject({ phase: 'failed', run: { error: 'the ledger has no purchases' } });
  });

  it('ends failed when polling itself fails, and stops when aborted', async () => {
    const boom = await pollRun(
      async () => {
        throw new Error('network');
      },
      run('queued', 0),
      { sleep: async () => undefined },
    );
    expect(boom.phase).toBe('failed');
    const ctl = new AbortController();
    let calls = 0;
    const stopped = await pollRun(
      async () => {
        calls++;
        ctl.abort();
        return run('running', 0.5);
      },
      run('queued', 0),
      { sleep: async () => undefined, signal: ctl.signal },
    );
    expect(stopped.phase).toBe('polling');
    expect(calls).toBe(1);
  });

  it('does not poll a run that already finished', async () => {
    let calls = 0;
    const v = await pollRun(async () => (calls++, run('running', 0)), run('succeeded', 1), { sleep: async () => undefined });
    expect(v.phase).toBe('succeeded');
    expect(calls).toBe(0);
  });
});
