// Service desk and portal client logic: case shapes, the workflow, SLA clocks, survey checks.
import type { Money } from './i18n';
import type { FieldError } from './problem';
import type { Role } from './types';

export type CaseStatus = 'new' | 'open' | 'pending_customer' | 'resolved' | 'closed';
export const CASE_STATUSES: CaseStatus[] = ['new', 'open', 'pending_customer', 'resolved', 'closed'];
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CASE_CATEGORIES = [
  'technical_support',
  'pre_sales_inquiry',
  'complaint',
  'order_delivery_problem',
  'return_claim',
  'billing',
  'logistics_demand',
  'other',
] as const;

export interface CaseSla {
  policy?: string;
  started_at?: string;
  first_response_due?: string | null;
  resolution_due?: string | null;
  paused?: boolean;
  paused_since?: string | null;
  paused_business_minutes?: number;
  first_response_at?: string | null;
  first_response_met?: boolean | null;
  resolved_at?: string | null;
  resolution_met?: boolean | null;
  breached?: boolean;
  escalated_at?: string | null;
}

export interface CaseNote {
  id: number | string;
  case_id: number | string;
  visibility: 'internal' | 'customer';
  author_kind: 'staff' | 'customer' | string;
  author?: string | null;
  body: string;
  created_at: string;
}

export interface ServiceCase {
  id: number | string;
  number: string;
  customer_id: number | string;
  subject: string;
  description?: string | null;
  category: string;
  channel: string;
  priority: string;
  status: CaseStatus;
  owner_id?: number | string | null;
  queue?: string | null;
  order_id?: number | string | null;
  serial?: string | null;
  first_response_at?: string | null;
  resolved_at?: string | null;
  closed_at?: string | null;
  reopen_count?: number;
  version: number;
  created_at: string;
  updated_at: string;
  sla?: CaseSla | Record<string, never> | null;
  notes?: CaseNote[];
}

/** The workflow of docs/SERVICE.md: the statuses a case may move to from each status. */
export const TRANSITIONS: Record<CaseStatus, CaseStatus[]> = {
  new: ['open'],
  open: ['pending_customer', 'resolved'],
  pending_customer: ['open', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function allowedTransitions(status: string): CaseStatus[] {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, status) ? TRANSITIONS[status as CaseStatus] : [];
}

/** Staff roles that read cases (the service desk); the forecast needs service configuration read. */
export function canReadCases(role: Role): boolean {
  return role === 'admin' || role === 'manager' || role === 'sales' || role === 'agent' || role === 'analyst';
}
export function canWriteCases(role: Role): boolean {
  return role === 'admin' || role === 'manager' || role === 'sales' || role === 'agent';
}
export function canReadForecast(role: Role): boolean {
  return role === 'admin' || role === 'manager' || role === 'analyst';
}

export type ClockState = 'running' | 'warning' | 'breached' | 'paused' | 'met' | 'missed' | 'none';

export interface Clock {
  state: ClockState;
  /** Milliseconds to the due time (negative once past it); frozen while paused; null when done or no target. */
  remainingMs: number | null;
  due: string | null;
}

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/**
 * One SLA clock (first response or resolution) at `now`: done (met or missed), paused (the
 * remaining time frozen at the pause), breached (past due) or running (warning in the last hour).
 */
export function slaClock(sla: CaseSla | null | undefined, which: 'first_response' | 'resolution', now: number): Clock {
  if (!sla) return { state: 'none', remainingMs: null, due: null };
  const due = which === 'first_response' ? sla.first_response_due : sla.resolution_due;
  const doneAt = which === 'first_response' ? sla.first_response_at : sla.resolved_at;
  const met = which === 'first_response' ? sla.first_response_met : sla.resolution_met;
  const dueMs = ms(due);
  if (dueMs === null) return { state: 'none', remainingMs: null, due: null };
  if (doneAt || (met !== null && met !== undefined)) return { state: met === false ? 'missed' : 'met', remainingMs: null, due: due ?? null };
  if (sla.paused) {
    const since = ms(sla.paused_since) ?? now;
    return { state: 'paused', remainingMs: dueMs - since, due: due ?? null };
  }
  const remaining = dueMs - now;
  if (remaining < 0) return { state: 'breached', remainingMs: remaining, due: due ?? null };
  return { state: remaining <= 3_600_000 ? 'warning' : 'running', remainingMs: remaining, due: due ?? null };
}

/** "2d 03h", "4h 05m", "12m 09s", "0m 00s"; the sign is dropped (the state says overdue). */
export function formatCountdown(msLeft: number): string {
  const total = Math.floor(Math.abs(msLeft) / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const p = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d}d ${p(h)}h`;
  if (h > 0) return `${h}h ${p(m)}m`;
  return `${m}m ${p(s)}s`;
}

/** Canned replies kept on the client; the text is inserted into the reply box. */
export const MACROS: { id: string; en: string; zh: string }[] = [
  { id: 'ack', en: 'Thank you for contacting us. We have received your request and are looking into it.', zh: '感谢您的联系。我们已收到您的请求，正在处理中。' },
  { id: 'info', en: 'Could you please send us the order number and a photo of the item?', zh: '请您提供订单号和商品照片，谢谢。' },
  { id: 'ship', en: 'A replacement has been shipped; you can follow it under Orders in the portal.', zh: '替换商品已发出，您可以在门户的“订单”中跟踪物流。' },
  { id: 'close', en: 'We believe this is resolved. If anything is still wrong, just reply to this case.', zh: '我们认为问题已经解决。如仍有问题，请直接回复此工单。' },
];

// ---- surveys --------------------------------------------------------------------------

export interface SurveyAnswer {
  attribute: string;
  importance: number;
  expectation: number;
  perception: number;
}

export interface Survey {
  id: number | string;
  customer_id: number | string;
  case_id?: number | string | null;
  source_kind: string;
  source_id: number | string;
  status: 'issued' | 'answered';
  issued_at: string;
  answered_at?: string | null;
  attributes: string[];
  ask_csat: boolean;
  ask_nps: boolean;
  csat?: number | null;
  nps?: number | null;
  comment?: string | null;
  satisfaction_index?: number | null;
  answers?: SurveyAnswer[];
}

export const RATING_KEYS = ['importance', 'expectation', 'perception'] as const;
export type RatingKey = (typeof RATING_KEYS)[number];

export interface SurveyDraft {
  ratings: Record<string, Partial<Record<RatingKey, string>>>;
  csat: string;
  nps: string;
  comment: string;
}

/** A whole number typed into a rating box: null when blank, NaN when not a whole number. */
function whole(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s.trim());
  return Number.isInteger(n) ? n : NaN;
}

/**
 * Checks a survey draft and builds the request body. Attributes left entirely blank are
 * skipped; a partly rated one needs all three ratings; CSAT and NPS when the template asks
 * them. Only the form is checked here (whole numbers, nothing missing): the ranges (1..7,
 * CSAT 1..5, NPS 0..10) are the API's to judge, and its 422 messages are shown by the field. Errors use the API's field
 * names with `answers[i]` indexed by the attribute's position in `survey.attributes`, and
 * `sent` maps the body's answer index back to that position (for the API's 422).
 */
export function buildSurveyAnswer(
  survey: Pick<Survey, 'attributes' | 'ask_csat' | 'ask_nps'>,
  d: SurveyDraft,
): { errors: FieldError[]; body: { answers: SurveyAnswer[]; csat?: number; nps?: number; comment?: string }; sent: number[] } {
  const errors: FieldError[] = [];
  const answers: SurveyAnswer[] = [];
  const sent: number[] = [];
  survey.attributes.forEach((attr, i) => {
    const r = d.ratings[attr] ?? {};
    const vals = RATING_KEYS.map((k) => whole(r[k]));
    if (vals.every((v) => v === null)) return;
    let ok = true;
    RATING_KEYS.forEach((k, j) => {
      if (vals[j] === null || Number.isNaN(vals[j])) {
        ok = false;
        errors.push({ field: `answers[${i}].${k}`, message: 'rating' });
      }
    });
    if (ok) {
      answers.push({ attribute: attr, importance: vals[0]!, expectation: vals[1]!, perception: vals[2]! });
      sent.push(i);
    }
  });
  if (answers.length === 0 && errors.length === 0) errors.push({ field: 'answers', message: 'answers' });
  const body: { answers: SurveyAnswer[]; csat?: number; nps?: number; comment?: string } = { answers };
  const csat = whole(d.csat);
  if (csat === null ? survey.ask_csat : Number.isNaN(csat)) errors.push({ field: 'csat', message: 'csat' });
  else if (csat !== null) body.csat = csat;
  const nps = whole(d.nps);
  if (nps === null ? survey.ask_nps : Number.isNaN(nps)) errors.push({ field: 'nps', message: 'nps' });
  else if (nps !== null) body.nps = nps;
  if (d.comment.trim()) body.comment = d.comment.trim();
  return { errors, body, sent };
}

/** Maps an API field error on the sent body ("answers[1].perception") to the form's attribute position. */
export function remapSurveyField(field: string, sent: number[]): string {
  const m = /^answers\[(\d+)\](.*)$/.exec(field);
  if (!m) return field;
  const pos = sent[Number(m[1])];
  return pos === undefined ? field : `answers[${pos}]${m[2]}`;
}

// ---- portal shapes ----------------------------------------------------------------------

export interface OrderRow {
  id: number | string;
  kind: 'order' | 'quote';
  number: string | null;
  quote_number?: string | null;
  status: string;
  total: Money;
  ordered_at: string | null;
  promised_date: string | null;
  carrier?: string | null;
  created_at: string;
}

export interface OrderLine {
  id: number | string;
  line_no: number;
  sku?: string | null;
  description: string;
  quantity: number;
  unit_price: Money;
  line_total: Money;
  delivered_quantity: number;
  fulfilments?: { shipment_id: number | string | null; delivered_at: string | null; shipped_at: string | null }[];
}

export interface ShipmentRef {
  id: number | string;
  number: string;
  carrier: string | null;
  tracking_number: string | null;
  status: string;
}

export interface OrderDetail extends OrderRow {
  lines: OrderLine[];
  shipments: ShipmentRef[];
}

export interface ShipmentEvent {
  id: number | string;
  occurred_at: string;
  place: string | null;
  status: string;
  source?: string | null;
}

export interface Shipment extends ShipmentRef {
  order_id: number | string;
  shipped_at: string | null;
  delivered_at: string | null;
  last_place: string | null;
  events: ShipmentEvent[];
}

/** The order's delivery state for the list: how many units of its lines were delivered. */
export function deliveryProgress(lines: Pick<OrderLine, 'quantity' | 'delivered_quantity'>[]): { delivered: number; ordered: number } {
  let delivered = 0;
  let ordered = 0;
  for (const l of lines) {
    ordered += l.quantity;
    delivered += Math.min(l.delivered_quantity ?? 0, l.quantity);
  }
  return { delivered, ordered };
}

export interface Invoice {
  id: number | string;
  number: string;
  order_id?: number | string | null;
  total: Money;
  paid: Money;
  balance: Money;
  issued_at: string;
  due_at: string;
  status: string;
  overdue: boolean;
  days_past_due: number;
}

export interface Balance {
  as_of: string;
  balances: ({ currency: string; total: string; overdue: string; current: string } & Record<string, string>)[];
}

export interface Consent {
  id: number | string;
  contact_id?: number | string | null;
  channel: string;
  purpose: string;
  status: 'granted' | 'withdrawn';
  source?: string | null;
  occurred_at: string;
}

export const CONSENT_CHANNELS = ['email', 'phone', 'sms', 'post', 'wechat', 'whatsapp', 'push', 'fax'] as const;
export const CONSENT_PURPOSES = ['marketing', 'service', 'analytics', 'profiling', 'third_party', 'newsletter'] as const;

/** The customer-level consent (no contact) for a channel and purpose, from the API's `current` list. */
export function consentStatus(current: Consent[], channel: string, purpose: string): 'granted' | 'withdrawn' | null {
  const c = current.find((x) => (x.contact_id === null || x.contact_id === undefined) && x.channel === channel && x.purpose === purpose);
  return c ? c.status : null;
}

// ---- metrics and forecast ---------------------------------------------------------------

export interface HoursStat {
  count: number;
  mean: number | null;
  p90: number | null;
}

export interface MetricsGroup {
  key?: string;
  volume: number;
  resolved: number;
  reopened: number;
  first_response_hours: HoursStat;
  resolution_hours: HoursStat;
  fcr: { count: number; rate: number | null };
  sla: { first_response_measured: number; first_response_attainment: number | null; resolution_measured: number; resolution_attainment: number | null };
}

export interface ServiceMetrics {
  from: string;
  to: string;
  overall: MetricsGroup;
  groups: MetricsGroup[];
  backlog: { open: number; by_age: Record<string, number> };
  agents: { user_id: number | string; email: string | null; resolved: number; notes: number }[];
}

export const BACKLOG_BUCKETS = ['lt_1d', '1_3d', '3_7d', '7_30d', 'gt_30d'] as const;

export interface ForecastHour {
  start: string;
  hour_of_week: number;
  volume: number;
  agents: number;
  service_level?: number;
}

export interface Forecast {
  source: string;
  history: { from: string; to: string; weeks: number; observations: number };
  model: { method: string; alpha?: number; beta?: number; gamma?: number };
  accuracy?: { mape: number | null; mase: number | null; rmse: number | null } | null;
  weeks: { start: string; end: string; total_volume: number; peak_agents: number; hours: ForecastHour[] }[];
  warnings?: string[];
}

/** One x label per hour of a forecast: weekday (Mon = 0) and hour, e.g. "Mon 09". */
export function hourOfWeekLabel(how: number, days: string[]): string {
  const d = Math.floor(how / 24) % 7;
  const h = how % 24;
  return `${days[d] ?? d} ${String(h).padStart(2, '0')}`;
}
