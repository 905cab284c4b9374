// Sales pages: shapes of the pipeline, orders, Perfect Order and receivables APIs, and the
// pure client logic behind the kanban, the ageing view and the manager dashboard.
import type { Money } from './i18n';
import type { HistogramBin } from './analytics';
import type { Role, User } from './types';

// ---- API shapes ----

export const OPEN_STAGES = ['need_collection', 'solution_design', 'selling', 'follow_up'] as const;
export const STAGES = [...OPEN_STAGES, 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(s: unknown): s is Stage {
  return typeof s === 'string' && (STAGES as readonly string[]).includes(s);
}

export interface Opportunity {
  id: number;
  customer_id: number;
  name: string;
  amount: Money;
  owner_id: number | null;
  expected_close: string | null;
  stage: Stage;
  probability: number;
  weighted_amount: Money;
  stage_since: string;
  days_in_stage: number;
  lost_reason: string | null;
  closed_at: string | null;
  version: number;
}

export interface BoardStage {
  stage: Stage;
  probability: number;
  count: number;
  totals: { currency: string; amount: string; weighted_amount: string }[];
}

export interface ForecastRow {
  group: string;
  currency: string;
  count: number;
  amount: string;
  weighted_amount: string;
}

export interface Task {
  id: number;
  title: string;
  notes: string | null;
  due_at: string;
  assignee_id: number;
  status: 'open' | 'done';
  overdue: boolean;
  customer_id: number;
  opportunity_id: number | null;
  done_at: string | null;
  version: number;
}

export interface PerfectOrderMarks {
  on_time: boolean;
  in_full: boolean;
  damage_free: boolean;
  documentation: boolean;
  perfect: boolean;
}

export interface Fulfilment {
  id: number;
  shipment_id: number | null;
  delivery_key: string;
  shipped_quantity: number;
  shipped_at: string | null;
  delivered_quantity: number;
  delivered_at: string | null;
  damaged: boolean;
  documents_ok: boolean;
}

export interface OrderLine {
  id: number;
  line_no: number;
  product_id: number | null;
  configuration_id: number | null;
  sku: string | null;
  description: string | null;
  quantity: number;
  unit_price: Money;
  discount_percent: number;
  line_total: Money;
  delivered_quantity: number;
  fulfilments: Fulfilment[];
  perfect_order: PerfectOrderMarks | null;
}

export interface Order {
  id: number;
  kind: 'order' | 'quote';
  number: string | null;
  quote_number: string | null;
  customer_id: number;
  status: string;
  total: Money;
  ordered_at: string | null;
  promised_date: string | null;
  carrier: string | null;
  notes: string | null;
  version: number;
  created_at: string;
  lines?: OrderLine[];
  perfect_order?: (Omit<PerfectOrderMarks, 'perfect'> & { lines: number; perfect_lines: number; perfect: boolean }) | null;
  shipments?: { id: number; number: string; carrier: string | null; tracking_number: string | null; status: string }[];
}

export interface ShipmentEvent {
  id: number;
  event_id: string | null;
  occurred_at: string;
  place: string | null;
  status: string;
  source: string | null;
}

export interface Shipment {
  id: number;
  number: string;
  order_id: number;
  order_number: string | null;
  customer_id: number;
  carrier: string | null;
  tracking_number: string | null;
  status: string;
  shipped_at: string | null;
  delivered_at: string | null;
  last_place: string | null;
  events?: ShipmentEvent[];
}

export interface Configuration {
  id: number;
  product_id: number;
  options: Record<string, string>;
  measurements: Record<string, number>;
  unit_price: Money;
  lead_time_days: number;
}

export interface PerfectOrderFigures {
  orders: number;
  lines: number;
  on_time: number | null;
  in_full: number | null;
  damage_free: number | null;
  documentation: number | null;
  poi: number | null;
  scor: number | null;
  perfect_orders: number;
  perfect_order_rate: number | null;
  fill_rate: number | null;
  backorder_rate: number | null;
  cycle_time_days: number | null;
}

export interface PerfectOrderReport {
  from: string | null;
  to: string | null;
  group_by: string;
  total: PerfectOrderFigures;
  groups: (PerfectOrderFigures & { key: string })[];
}

export const PO_COMPONENTS = ['on_time', 'in_full', 'damage_free', 'documentation'] as const;
export type PoComponent = (typeof PO_COMPONENTS)[number];

export const AGEING_BUCKETS = ['current', '1_30', '31_60', '61_90', '90_plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export type AgeingAmounts = Record<AgeingBucket | 'overdue' | 'total', string> & { currency: string };

export interface AgeingReport {
  as_of: string;
  totals: AgeingAmounts[];
  customers: (AgeingAmounts & { customer_id: number; name: string })[];
}

export interface CollectionRow {
  customer_id: number;
  name: string;
  overdue: Money;
  max_days_past_due: number;
  overdue_invoices: number;
  credit_limit: Money | null;
}

export interface SatisfactionFigures {
  surveys: number;
  index: number | null;
  gap_index: number | null;
  csat: number | null;
  nps: number | null;
}
export interface SatisfactionReport {
  overall: SatisfactionFigures;
  groups: (SatisfactionFigures & { key: string })[];
}

export interface ServiceMetricsFigures {
  volume: number;
  sla: { first_response_measured: number; first_response_attainment: number | null; resolution_measured: number; resolution_attainment: number | null };
}
export interface ServiceMetricsReport {
  overall: ServiceMetricsFigures;
  groups: (ServiceMetricsFigures & { key: string })[];
}

// ---- who sees what (the server enforces; the app only hides) ----

/** Pipeline and receivables: the selling and managing roles, and analysts (read only). */
export function canReadPipeline(role: Role): boolean {
  return role === 'admin' || role === 'manager' || role === 'sales' || role === 'analyst';
}
/** Orders, shipments and Perfect Order: every staff role reads them. */
export function canReadOrders(role: Role): boolean {
  return role !== 'customer';
}
export function canReadReceivables(role: Role): boolean {
  return canReadPipeline(role);
}
export function canSeeDashboard(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

// ---- kanban move rules ----

export type MoveCheck = { ok: true; needsReason: boolean } | { ok: false; reason: 'same' | 'readonly' | 'not_owner' };

/**
 * May `user` drag `opp` to `target`? Admins and managers move any card, sales only the
 * opportunities they own (scope kOwn), other roles only read. A move to `lost` needs a reason.
 */
export function checkMove(opp: Pick<Opportunity, 'stage' | 'owner_id'>, target: Stage, user: Pick<User, 'id' | 'role'>): MoveCheck {
  if (opp.stage === target) return { ok: false, reason: 'same' };
  if (user.role === 'admin' || user.role === 'manager') return { ok: true, needsReason: target === 'lost' };
  if (user.role !== 'sales') return { ok: false, reason: 'readonly' };
  if (opp.owner_id === null || String(opp.owner_id) !== String(user.id)) return { ok: false, reason: 'not_owner' };
  return { ok: true, needsReason: target === 'lost' };
}

/** May `user` move this card at all (drag handle and stage menu shown)? */
export function canMoveOpportunity(opp: Pick<Opportunity, 'stage' | 'owner_id'>, user: Pick<User, 'id' | 'role'>): boolean {
  return checkMove(opp, opp.stage === 'need_collection' ? 'solution_design' : 'need_collection', user).ok;
}

/** The merge patch for a move: the stage, and the lost reason when moving to `lost`. */
export function moveBody(target: Stage, lostReason?: string): { stage: Stage; lost_reason?: string } {
  if (target === 'lost') return { stage: target, lost_reason: (lostReason ?? '').trim() };
  return { stage: target };
}

/** The next stage along the process (follow_up → won); null for closed ones. */
export function nextStage(s: Stage): Stage | null {
  const i = STAGES.indexOf(s);
  return s === 'won' || s === 'lost' ? null : STAGES[i + 1];
}

/** Moves a card between column lists (optimistic update), keeping the others untouched. */
export function moveCard(columns: Record<Stage, Opportunity[]>, id: number, to: Stage, updated?: Opportunity): Record<Stage, Opportunity[]> {
  let card: Opportunity | undefined;
  const out = {} as Record<Stage, Opportunity[]>;
  for (const s of STAGES) {
    out[s] = (columns[s] ?? []).filter((o) => {
      if (o.id !== id) return true;
      card = o;
      return false;
    });
  }
  if (!card && !updated) return columns;
  out[to] = [{ ...(card as Opportunity), ...updated, stage: to }, ...out[to]];
  return out;
}

/** The If-Match value for a record's version (the API's ETags are quoted versions). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

// ---- forecast chart ----

/** Months and, per currency, the weighted and unweighted amounts of each month (0 when absent). */
export function forecastSeries(rows: ForecastRow[]): { months: string[]; currencies: { currency: string; weighted: number[]; amount: number[] }[] } {
  const months = [...new Set(rows.map((r) => r.group))].sort();
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return {
    months,
    currencies: currencies.map((currency) => {
      const by = new Map(rows.filter((r) => r.currency === currency).map((r) => [r.group, r]));
      return {
        currency,
        weighted: months.map((m) => Number(by.get(m)?.weighted_amount ?? 0)),
        amount: months.map((m) => Number(by.get(m)?.amount ?? 0)),
      };
    }),
  };
}

// ---- ageing ----

/** The amounts of the five buckets as numbers, in bucket order. */
export function bucketValues(a: AgeingAmounts): number[] {
  return AGEING_BUCKETS.map((b) => Number(a[b] ?? 0));
}

/** Share of the total in each bucket (0..1; zeros when the total is 0). */
export function bucketShares(a: AgeingAmounts): number[] {
  const vals = bucketValues(a);
  const total = vals.reduce((s, v) => s + v, 0);
  return vals.map((v) => (total > 0 ? v / total : 0));
}

/** The worst bucket that holds money (for a row's badge), or null when nothing is owed. */
export function worstBucket(a: AgeingAmounts): AgeingBucket | null {
  const vals = bucketValues(a);
  for (let i = AGEING_BUCKETS.length - 1; i >= 0; i--) if (vals[i] > 0) return AGEING_BUCKETS[i];
  return null;
}

/** A severity class for days past due: 0 → ok, 1–30 → warn, 31–90 → bad, 91+ → critical. */
export function overdueSeverity(days: number): 'ok' | 'warn' | 'bad' | 'critical' {
  if (days <= 0) return 'ok';
  if (days <= 30) return 'warn';
  if (days <= 90) return 'bad';
  return 'critical';
}

// ---- dashboard ----

/** Share (0..1) of customers whose P(alive) is at least `threshold`, from the histogram (a straddling bin counts pro rata). */
export function aliveShare(bins: HistogramBin[], threshold = 0.5): number | null {
  let total = 0;
  let alive = 0;
  for (const b of bins) {
    total += b.customers;
    const lo = b.from ?? 0;
    const hi = b.to ?? 1;
    if (lo >= threshold) alive += b.customers;
    else if (hi > threshold && hi > lo) alive += (b.customers * (hi - threshold)) / (hi - lo);
  }
  return total > 0 ? alive / total : null;
}

export type MeasureId = 'retention' | 'clv' | 'satisfaction' | 'nps' | 'poi' | 'sla';

export interface Target {
  measure: MeasureId;
  /** The target value in the measure's unit (percent 0..100 for rates, money units for CLV). */
  target: number;
  /** Whether a higher value is better. */
  higherIsBetter: boolean;
  /** How close (in the measure's unit) still counts as "near". */
  tolerance: number;
}

/** The programme's targets, kept in the client until an API holds them (see docs/WEB.md). */
export const TARGETS: Record<MeasureId, Target> = {
  retention: { measure: 'retention', target: 60, higherIsBetter: true, tolerance: 5 },
  clv: { measure: 'clv', target: 10_000_000, higherIsBetter: true, tolerance: 1_000_000 },
  satisfaction: { measure: 'satisfaction', target: 70, higherIsBetter: true, tolerance: 5 },
  nps: { measure: 'nps', target: 30, higherIsBetter: true, tolerance: 5 },
  poi: { measure: 'poi', target: 85, higherIsBetter: true, tolerance: 5 },
  sla: { measure: 'sla', target: 90, higherIsBetter: true, tolerance: 3 },
};

export type TargetStatus = 'met' | 'near' | 'missed' | 'unknown';

/** Compares a value with its target: met, near (within the tolerance), missed, or unknown without a value. */
export function compareToTarget(value: number | null | undefined, t: Target): { status: TargetStatus; delta: number | null } {
  if (value === null || value === undefined || !Number.isFinite(value)) return { status: 'unknown', delta: null };
  const delta = value - t.target;
  const good = t.higherIsBetter ? delta >= 0 : delta <= 0;
  if (good) return { status: 'met', delta };
  return { status: Math.abs(delta) <= t.tolerance ? 'near' : 'missed', delta };
}

/** Month keys and values of a grouped report, sorted by month, nulls kept as gaps. */
export function monthlyTrend<T extends { key: string }>(groups: T[], pick: (g: T) => number | null | undefined): { months: string[]; values: (number | null)[] } {
  const sorted = [...groups].filter((g) => /^\d{4}-\d{2}$/.test(g.key)).sort((a, b) => a.key.localeCompare(b.key));
  return { months: sorted.map((g) => g.key), values: sorted.map((g) => pick(g) ?? null) };
}

/** [from, to) of a `YYYY-MM` month as dates, for drilling into one month of a report. */
export function monthRange(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** A rate 0..1 as a percentage 0..100 (null stays null). */
export function pct(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : rate * 100;
}
