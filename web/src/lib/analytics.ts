// Customer-value analytics: API shapes, summary → chart series, drill-down URLs, run polling.
import { toSearchParams, type Filter, type SortKey } from './query';
import type { Role } from './types';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface RunParameters {
  kind: string;
  as_of: string;
  calibration_end: string | null;
  unit: string;
  model: string;
  rank_by: string;
  horizon_months: number;
  monthly_discount_rate: number;
}

export interface AnalysisRun {
  id: number;
  kind: string;
  status: RunStatus;
  progress: number;
  parameters: RunParameters | null;
  inputs: Record<string, unknown> | null;
  error: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  result?: unknown;
}

export interface ParetoBar {
  first_rank: number;
  last_rank: number;
  value: number | null;
  share: number | null;
  cumulative_share: number | null;
  cumulative_customers: number | null;
}

export interface HistogramBin {
  from: number | null;
  to: number | null;
  customers: number;
}

export interface RfmCell {
  r: number;
  f: number;
  customers: number;
  mean_monetary: number | null;
}

export interface TopCustomer {
  customer_id: number;
  name: string;
  clv: number | null;
  p_alive: number | null;
  expected_purchases_90d: number | null;
  abc_class: string | null;
  value_class: string | null;
  rfm_cell: string | null;
}

export type AbcClass = 'A' | 'B' | 'C';
export const ABC_CLASSES: AbcClass[] = ['A', 'B', 'C'];
export const VALUE_CLASSES = ['key', 'potential', 'general'] as const;
export const ACCOUNT_SIZES = ['large', 'small'] as const;

export interface ValueSummary {
  run: AnalysisRun;
  bgnbd: { r: number; alpha: number; a: number; b: number; log_likelihood: number } | null;
  paretonbd: { r: number; alpha: number; s: number; beta: number; log_likelihood: number } | null;
  gamma_gamma: { p: number; q: number; gamma: number } | null;
  gamma_gamma_check: {
    log_likelihood: number | null;
    customers_used: number;
    customers_excluded: number;
    frequency_spend_correlation: number | null;
    independence_plausible: boolean;
  } | null;
  model: string;
  unit: string;
  currency: string;
  counts: {
    customers: number;
    scored_by_model: number;
    abc: Record<AbcClass, number>;
    value_class: Record<string, number>;
    account_size: Record<string, number>;
  };
  abc: {
    rank_by: string;
    total_positive_value: number | null;
    classes: Record<AbcClass, { customers: number; value: number | null; share: number | null }>;
    pareto_chart: ParetoBar[];
  };
  rfm_grid: RfmCell[];
  clv_histogram: HistogramBin[];
  p_alive_histogram: HistogramBin[];
  totals: { clv: number | null; clv_discounted: number | null; profit: number | null };
  holdout: {
    holdout_length: number | null;
    buckets: { frequency: number; open_ended: boolean; customers: number; actual_mean: number | null; expected_mean: number | null }[];
    actual_total: number | null;
    expected_total: number | null;
    mean_absolute_error: number | null;
  } | null;
  warnings: string[];
  top_customers: TopCustomer[];
}

/** The per-customer scores in the 360 (`scores`, null when never scored). */
export interface CustomerScores {
  run_id: number;
  computed_at: string;
  recency_days: number | null;
  frequency: number;
  monetary: number | null;
  rfm: { r: number | null; f: number | null; m: number | null };
  rfm_cell: string | null;
  abc_class: string | null;
  abc_rank: number | null;
  profit: number | null;
  clv_discounted: number | null;
  clv_historical: number | null;
  clv_future: number | null;
  clv_potential: number | null;
  p_alive: number | null;
  expected_purchases_90d: number | null;
  expected_spend: number | null;
  clv: number | null;
  value_class: string | null;
  account_size: string | null;
}

// ---- who sees what (the server enforces; the app only hides) ----

/** Analytics is readable by admin, manager, analyst and sales. */
export function canReadAnalytics(role: Role): boolean {
  return role === 'admin' || role === 'manager' || role === 'analyst' || role === 'sales';
}

/** Runs may be started by admin, manager and analyst (sales only reads). */
export function canRunAnalyses(role: Role): boolean {
  return role === 'admin' || role === 'manager' || role === 'analyst';
}

// ---- drill-down URLs: the customer list reads its filters from the URL ----

export function customersUrl(filters: Filter[], sort: SortKey[] = []): string {
  const qs = toSearchParams({ q: '', filters, sort, limit: 50 }).toString();
  return `/customers${qs ? '?' + qs : ''}`;
}

export const drill = {
  abc: (cls: string) => customersUrl([{ field: 'abc', op: 'eq', value: cls }], [{ field: 'revenue_total', desc: true }]),
  valueClass: (cls: string) => customersUrl([{ field: 'value_class', op: 'eq', value: cls }], [{ field: 'clv', desc: true }]),
  accountSize: (size: string) => customersUrl([{ field: 'account_size', op: 'eq', value: size }], [{ field: 'clv', desc: true }]),
  /** An R×F cell covers every M score: the stored cell "RFM" starts with R then F. */
  rfm: (r: number, f: number) => customersUrl([{ field: 'rfm_cell', op: 'starts-with', value: `${r}${f}` }], [{ field: 'revenue_total', desc: true }]),
  /** A histogram bin [from, to); the last bin is open-ended (no upper bound). */
  bin: (field: 'clv' | 'p_alive', bin: HistogramBin, last: boolean) => {
    const filters: Filter[] = [];
    if (bin.from !== null) filters.push({ field, op: 'gte', value: String(bin.from) });
    if (!last && bin.to !== null) filters.push({ field, op: 'lt', value: String(bin.to) });
    return customersUrl(filters, [{ field, desc: field === 'clv' }]);
  },
  /** Churn risk: customers with value (ABC class A or B) that the model scored, least likely alive first. */
  churnRisk: () =>
    customersUrl(
      [
        { field: 'abc', op: 'in', value: 'A,B' },
        { field: 'p_alive', op: 'is-null', value: 'false' },
      ],
      [{ field: 'p_alive', desc: false }],
    ),
};

// ---- summary → chart series ----

export interface ParetoSeries {
  categories: string[];
  values: number[];
  cumulative: number[]; // percent 0–100
  classes: AbcClass[]; // class of each bar (by its first rank)
  /** Index of the first bar of class B and of class C (null when absent). */
  boundaries: { B: number | null; C: number | null };
  /** Cumulative share (percent) at the end of class A and of class B. */
  cutoffs: { A: number; B: number };
}

/** Class of a rank from the class sizes: A are ranks 1..nA, B the next nB, C the rest. */
export function classOfRank(rank: number, counts: Record<AbcClass, number>): AbcClass {
  if (rank <= counts.A) return 'A';
  if (rank <= counts.A + counts.B) return 'B';
  return 'C';
}

const pct = (x: number | null | undefined) => Math.round((x ?? 0) * 10000) / 100;

export function paretoSeries(s: Pick<ValueSummary, 'abc'>): ParetoSeries {
  const counts: Record<AbcClass, number> = {
    A: s.abc.classes.A?.customers ?? 0,
    B: s.abc.classes.B?.customers ?? 0,
    C: s.abc.classes.C?.customers ?? 0,
  };
  const bars = s.abc.pareto_chart ?? [];
  const out: ParetoSeries = { categories: [], values: [], cumulative: [], classes: [], boundaries: { B: null, C: null }, cutoffs: { A: 0, B: 0 } };
  bars.forEach((b, i) => {
    out.categories.push(b.first_rank === b.last_rank ? String(b.first_rank) : `${b.first_rank}–${b.last_rank}`);
    out.values.push(Math.round((b.value ?? 0) * 100) / 100);
    out.cumulative.push(pct(b.cumulative_share));
    const cls = classOfRank(b.first_rank, counts);
    out.classes.push(cls);
    if (cls === 'B' && out.boundaries.B === null) out.boundaries.B = i;
    if (cls === 'C' && out.boundaries.C === null) out.boundaries.C = i;
  });
  out.cutoffs.A = pct(s.abc.classes.A?.share);
  out.cutoffs.B = pct((s.abc.classes.A?.share ?? 0) + (s.abc.classes.B?.share ?? 0));
  return out;
}

/** The RFM grid as heatmap points [f-1, r-1, customers] plus mean monetary by "r,f". */
export function rfmHeatmap(grid: RfmCell[]): { points: [number, number, number][]; max: number; mean: Map<string, number | null> } {
  const points: [number, number, number][] = [];
  const mean = new Map<string, number | null>();
  let max = 0;
  for (const c of grid) {
    if (c.r < 1 || c.r > 5 || c.f < 1 || c.f > 5) continue;
    points.push([c.f - 1, c.r - 1, c.customers]);
    mean.set(`${c.r},${c.f}`, c.mean_monetary);
    max = Math.max(max, c.customers);
  }
  return { points, max, mean };
}

/** Bin labels ("0–4.5k") and counts for a histogram; `format` renders a bound. */
export function histogramSeries(bins: HistogramBin[], format: (n: number) => string): { labels: string[]; counts: number[] } {
  return {
    labels: bins.map((b, i) => {
      const from = format(b.from ?? 0);
      return i === bins.length - 1 ? `≥ ${from}` : `${from}–${format(b.to ?? 0)}`;
    }),
    counts: bins.map((b) => b.customers),
  };
}

// ---- run polling ----

export type RunView =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'polling'; run: AnalysisRun }
  | { phase: 'succeeded'; run: AnalysisRun }
  | { phase: 'failed'; run?: AnalysisRun; error: unknown };

/** The view after a poll answer: finished runs end polling, others keep it going. */
export function nextRunView(run: AnalysisRun): RunView {
  if (run.status === 'succeeded') return { phase: 'succeeded', run };
  if (run.status === 'failed') return { phase: 'failed', run, error: run.error ?? 'failed' };
  return { phase: 'polling', run };
}

export interface PollOptions {
  interval?: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  onUpdate?: (v: RunView) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `fetchRun(id)` until the run succeeds or fails (or the signal aborts), reporting each
 * state; the wait grows from `interval` to 4× it. Resolves with the final view.
 */
export async function pollRun(fetchRun: (id: number) => Promise<AnalysisRun>, start: AnalysisRun, opts: PollOptions = {}): Promise<RunView> {
  const sleep = opts.sleep ?? defaultSleep;
  const base = opts.interval ?? 500;
  let view = nextRunView(start);
  opts.onUpdate?.(view);
  let wait = base;
  while (view.phase === 'polling') {
    const last: AnalysisRun = view.run;
    await sleep(wait);
    if (opts.signal?.aborted) return view;
    wait = Math.min(wait * 1.5, base * 4);
    try {
      view = nextRunView(await fetchRun(start.id));
    } catch (error) {
      view = { phase: 'failed', run: last, error };
    }
    if (opts.signal?.aborted) return view;
    opts.onUpdate?.(view);
  }
  return view;
}
