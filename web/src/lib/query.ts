// Customer-list state ↔ API query string (filter[FIELD][OP]=V, sort, cursor) and ↔ page URL.

export const FILTER_OPS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'starts-with', 'is-null'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface Filter {
  field: string;
  op: FilterOp;
  value: string;
}

export interface SortKey {
  field: string;
  desc: boolean;
}

export interface ListQuery {
  q: string;
  filters: Filter[];
  sort: SortKey[];
  limit: number;
}

export const DEFAULT_LIMIT = 50;

export function emptyQuery(): ListQuery {
  return { q: '', filters: [], sort: [], limit: DEFAULT_LIMIT };
}

export function sortToString(sort: SortKey[]): string {
  return sort.map((s) => (s.desc ? '-' : '') + s.field).join(',');
}

export function parseSort(s: string | null): SortKey[] {
  if (!s) return [];
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p.startsWith('-') ? { field: p.slice(1), desc: true } : { field: p, desc: false }));
}

/** Clicking a column: unsorted → ascending → descending → ascending …; the column becomes the primary key. */
export function toggleSort(sort: SortKey[], field: string): SortKey[] {
  const cur = sort.find((s) => s.field === field);
  const rest = sort.filter((s) => s.field !== field && s.field !== 'id');
  const next: SortKey = cur && sort[0]?.field === field ? { field, desc: !cur.desc } : { field, desc: false };
  return [next, ...rest.slice(0, 1)];
}

function filterParam(f: Filter): string {
  return f.op === 'eq' ? `filter[${f.field}]` : `filter[${f.field}][${f.op}]`;
}

/** Builds URLSearchParams for GET /api/v1/customers. Empty filter values are dropped (except is-null). */
export function toSearchParams(query: ListQuery, cursor?: string | null, extra: { total?: boolean } = {}): URLSearchParams {
  const p = new URLSearchParams();
  const q = query.q.trim();
  if (q) p.set('q', q);
  for (const f of query.filters) {
    const v = f.value.trim();
    if (f.op === 'is-null') p.append(filterParam(f), v || 'true');
    else if (v !== '') p.append(filterParam(f), v);
  }
  if (query.sort.length) p.set('sort', sortToString(query.sort));
  if (query.limit && query.limit !== DEFAULT_LIMIT) p.set('limit', String(query.limit));
  if (cursor) p.set('cursor', cursor);
  if (extra.total) p.set('total', 'true');
  return p;
}

const FILTER_RE = /^filter\[([^\]]+)\](?:\[([^\]]+)\])?$/;

/** Inverse of toSearchParams: reads a list state (and cursor) back from a URL query string. */
export function fromSearchParams(params: URLSearchParams): { query: ListQuery; cursor: string | null } {
  const query = emptyQuery();
  query.q = params.get('q') ?? '';
  params.forEach((value, key) => {
    const m = FILTER_RE.exec(key);
    if (!m) return;
    const op = (m[2] ?? 'eq') as FilterOp;
    if (!(FILTER_OPS as readonly string[]).includes(op)) return;
    query.filters.push({ field: m[1], op, value });
  });
  query.sort = parseSort(params.get('sort'));
  const limit = Number(params.get('limit'));
  if (Number.isInteger(limit) && limit > 0 && limit <= 500) query.limit = limit;
  return { query, cursor: params.get('cursor') };
}

/** Sets (or clears, with an empty value) the single eq filter on a field. */
export function setEqFilter(query: ListQuery, field: string, value: string): ListQuery {
  const filters = query.filters.filter((f) => !(f.field === field && f.op === 'eq'));
  if (value !== '') filters.push({ field, op: 'eq', value });
  return { ...query, filters };
}

export function eqFilterValue(query: ListQuery, field: string): string {
  return query.filters.find((f) => f.field === field && f.op === 'eq')?.value ?? '';
}
