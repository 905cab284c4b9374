import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { get } from '../lib/api';
import { firstPage, goNext, goPrev, hasNext, hasPrev, loaded, pageNumber, type PagingState } from '../lib/paging';
import { eqFilterValue, fromSearchParams, setEqFilter, toSearchParams, toggleSort, type Filter, type ListQuery } from '../lib/query';
import { navigate } from '../lib/router';
import { CUSTOMER_ROLES, type Customer, type Customer360, type Page } from '../lib/types';
import { ABC_CLASSES, VALUE_CLASSES, type CustomerScores } from '../lib/analytics';
import { deleteView, loadColumns, loadViews, saveColumns, saveView, type SavedView } from '../lib/views';
import type { MessageKey } from '../lib/messages';
import { Empty, ErrorBox, Link, Loading, useAsync } from '../components/common';

interface Column {
  id: string;
  label: MessageKey;
  sort?: string;
}

const COLUMNS: Column[] = [
  { id: 'id', label: 'field.id', sort: 'id' },
  { id: 'name', label: 'field.name', sort: 'name' },
  { id: 'kind', label: 'field.kind', sort: 'kind' },
  { id: 'status', label: 'field.status', sort: 'status' },
  { id: 'roles', label: 'field.roles' },
  { id: 'tags', label: 'field.tags' },
  { id: 'sector', label: 'field.sector', sort: 'sector' },
  { id: 'country', label: 'field.country', sort: 'country' },
  { id: 'email', label: 'field.email' },
  { id: 'phone', label: 'field.phone' },
  { id: 'employees', label: 'field.employees', sort: 'employees' },
  { id: 'purchase_count', label: 'field.purchase_count', sort: 'purchase_count' },
  { id: 'revenue_total', label: 'field.revenue_total', sort: 'revenue_total' },
  { id: 'last_purchase_at', label: 'field.last_purchase_at', sort: 'last_purchase_at' },
  { id: 'abc', label: 'field.abc', sort: 'abc' },
  { id: 'value_class', label: 'field.value_class', sort: 'value_class' },
  { id: 'rfm_cell', label: 'field.rfm_cell', sort: 'rfm_cell' },
  { id: 'clv', label: 'field.clv', sort: 'clv' },
  { id: 'p_alive', label: 'field.p_alive', sort: 'p_alive' },
  { id: 'expected_purchases', label: 'field.expected_purchases', sort: 'expected_purchases' },
  { id: 'account_size', label: 'field.account_size', sort: 'account_size' },
  { id: 'created_at', label: 'field.created_at', sort: 'created_at' },
  { id: 'updated_at', label: 'field.updated_at', sort: 'updated_at' },
];
const DEFAULT_COLUMNS = ['name', 'kind', 'status', 'roles', 'tags', 'email', 'phone', 'purchase_count', 'revenue_total'];

/** Columns from the latest value run (customer_scores). */
export const SCORE_COLUMNS = new Set(['abc', 'value_class', 'rfm_cell', 'clv', 'p_alive', 'expected_purchases', 'account_size']);
/** Filters that have their own control in the filter bar; others show as removable chips. */
const CONTROLLED = new Set(['kind', 'status', 'roles', 'tags', 'sector', 'abc', 'value_class']);
const OP_SIGN: Record<string, string> = { eq: '=', neq: '≠', in: '∈', gt: '>', gte: '≥', lt: '<', lte: '≤', contains: '∋', 'starts-with': '^', 'is-null': '∅' };

/** Score columns implied by the query (filtered or sorted on), shown even when not chosen. */
export function impliedColumns(query: ListQuery): Set<string> {
  const out = new Set<string>();
  for (const f of query.filters) if (SCORE_COLUMNS.has(f.field)) out.add(f.field);
  for (const k of query.sort) if (SCORE_COLUMNS.has(k.field)) out.add(k.field);
  // P(alive) is read together with the purchases the model expects (the churn-risk list).
  if (out.has('p_alive')) out.add('expected_purchases');
  return out;
}

/**
 * Scores for the rows on screen. The list API does not (yet) send scores with each row, so
 * when a score column is visible and a row lacks them, they come from that customer's 360,
 * four requests at a time.
 */
function useRowScores(rows: Customer[] | undefined, enabled: boolean): Map<string, CustomerScores | null> {
  const [scores, setScores] = useState<Map<string, CustomerScores | null>>(new Map());
  useEffect(() => {
    if (!rows || !enabled) return;
    const todo = rows.filter((c) => c.scores === undefined && !scores.has(String(c.id)));
    if (!todo.length) return;
    const ctl = new AbortController();
    let i = 0;
    const found = new Map<string, CustomerScores | null>();
    const worker = async () => {
      while (i < todo.length && !ctl.signal.aborted) {
        const c = todo[i++];
        try {
          const v = await get<Customer360>(`/api/v1/customers/${encodeURIComponent(String(c.id))}/360`, ctl.signal);
          found.set(String(c.id), v.scores ?? null);
        } catch {
          found.set(String(c.id), null);
        }
      }
    };
    Promise.all([worker(), worker(), worker(), worker()]).then(() => {
      if (!ctl.signal.aborted) setScores((m) => new Map([...m, ...found]));
    });
    return () => ctl.abort();
  }, [rows, enabled]);
  return scores;
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The list; the router remounts it (key = query string) whenever the query changes. */
export function CustomerListPage({ search }: { search: string }) {
  const app = useApp();
  const { t, tv, locale } = app;
  const query = useMemo(() => fromSearchParams(new URLSearchParams(search)).query, [search]);
  const [paging, setPaging] = useState<PagingState>(firstPage());
  const [qText, setQText] = useState(query.q);
  const [tagText, setTagText] = useState(eqFilterValue(query, 'tags'));
  const [sectorText, setSectorText] = useState(eqFilterValue(query, 'sector'));
  const [columns, setColumns] = useState<string[]>(() => {
    const s = storage();
    return s ? loadColumns(s, DEFAULT_COLUMNS) : DEFAULT_COLUMNS;
  });
  const [views, setViews] = useState<SavedView[]>(() => {
    const s = storage();
    return s ? loadViews(s) : [];
  });
  const [viewName, setViewName] = useState('');
  const [total, setTotal] = useState<{ n?: number; busy?: boolean; error?: unknown }>({});

  /** Counting can be slow on a large base, so it is asked for on demand, not with every page. */
  async function count() {
    setTotal({ busy: true });
    try {
      const p = toSearchParams({ ...query, limit: 1 }, null, { total: true });
      const r = await get<Page<Customer>>(`/api/v1/customers?${p.toString()}`);
      setTotal({ n: r.total });
    } catch (error) {
      setTotal({ error });
    }
  }

  const res = useAsync(
    (signal) => get<Page<Customer>>(`/api/v1/customers?${toSearchParams(query, paging.cursor).toString()}`, signal),
    [search, paging.cursor],
  );
  useEffect(() => {
    if (res.data) setPaging((p) => loaded(p, res.data!.next_cursor));
  }, [res.data]);

  function go(q: ListQuery) {
    const qs = toSearchParams(q).toString();
    navigate(`/customers${qs ? '?' + qs : ''}`);
  }
  function applyText(e: Event) {
    e.preventDefault();
    let q = { ...query, q: qText };
    q = setEqFilter(q, 'tags', tagText.trim());
    q = setEqFilter(q, 'sector', sectorText.trim());
    go(q);
  }
  function setColumn(id: string, on: boolean) {
    const next = COLUMNS.map((c) => c.id).filter((c) => (c === id ? on : columns.includes(c)));
    if (!next.length) return;
    setColumns(next);
    const s = storage();
    if (s) saveColumns(s, next);
  }
  function applyView(name: string) {
    const v = views.find((x) => x.name === name);
    if (!v) return;
    if (v.columns?.length) {
      setColumns(v.columns);
      const s = storage();
      if (s) saveColumns(s, v.columns);
    }
    go(v.query);
  }

  const implied = impliedColumns(query);
  const visible = COLUMNS.filter((c) => columns.includes(c.id) || implied.has(c.id));
  const rowScores = useRowScores(res.data?.data, visible.some((c) => SCORE_COLUMNS.has(c.id)));
  const pctFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const chips = query.filters.filter((f) => !(CONTROLLED.has(f.field) && f.op === 'eq'));
  const chipText = (f: Filter) => `${tv('field', f.field)} ${OP_SIGN[f.op] ?? f.op} ${f.field === 'p_alive' && f.op !== 'is-null' && f.op !== 'in' ? pctFmt.format(Number(f.value)) : f.value}`;
  const select = (field: string, options: string[], prefix: string, label: MessageKey) => (
    <label class="field inline">
      <span>{t(label)}</span>
      <select
        name={`filter-${field}`}
        value={eqFilterValue(query, field)}
        onChange={(e) => go(setEqFilter(query, field, (e.currentTarget as HTMLSelectElement).value))}
      >
        <option value="">{t('common.any')}</option>
        {options.map((o) => (
          <option value={o} key={o}>
            {tv(prefix, o)}
          </option>
        ))}
      </select>
    </label>
  );

  function cell(c: Customer, col: string) {
    if (SCORE_COLUMNS.has(col)) {
      const sc = c.scores !== undefined ? c.scores : rowScores.get(String(c.id));
      if (sc === undefined) return '…';
      if (sc === null) return '—';
      const money = (n: number | null) => (n === null ? '—' : app.fmt.money({ amount: String(n), currency: c.stats?.revenue_total?.currency ?? 'CNY' }));
      switch (col) {
        case 'abc':
          return sc.abc_class ?? '—';
        case 'value_class':
          return sc.value_class ? tv('valueClass', sc.value_class) : '—';
        case 'rfm_cell':
          return sc.rfm_cell ?? '—';
        case 'clv':
          return money(sc.clv);
        case 'p_alive':
          return sc.p_alive === null ? '—' : pctFmt.format(sc.p_alive);
        case 'expected_purchases':
          return sc.expected_purchases_90d === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(sc.expected_purchases_90d);
        case 'account_size':
          return sc.account_size ? tv('accountSize', sc.account_size) : '—';
      }
    }
    switch (col) {
      case 'id':
        return String(c.id);
      case 'name':
        return <Link href={`/customers/${encodeURIComponent(String(c.id))}`}>{c.name}</Link>;
      case 'kind':
        return tv('kind', c.kind);
      case 'status':
        return <span class={`badge ${c.status}`}>{tv('status', c.status)}</span>;
      case 'roles':
        return (c.roles ?? []).map((r) => tv('role', r)).join(', ');
      case 'tags':
        return (c.tags ?? []).map((g) => (
          <span class="tag" key={g}>
            {g}
          </span>
        ));
      case 'sector':
        return c.sector ?? '';
      case 'country':
        return c.addresses?.[0]?.country ?? '';
      case 'email':
        return (c.emails?.find((e) => e.primary) ?? c.emails?.[0])?.address ?? '';
      case 'phone':
        return c.phones?.[0]?.number ?? '';
      case 'employees':
        return c.employees == null ? '' : app.fmt.number(c.employees);
      case 'purchase_count':
        return c.stats ? app.fmt.number(c.stats.purchase_count) : '';
      case 'revenue_total':
        return c.stats?.revenue_total ? app.fmt.money(c.stats.revenue_total) : '';
      case 'last_purchase_at':
        return c.stats?.last_purchase_at ? app.fmt.date(c.stats.last_purchase_at) : '';
      case 'created_at':
        return app.fmt.date(c.created_at);
      case 'updated_at':
        return app.fmt.dateTime(c.updated_at);
    }
    return '';
  }
  const numeric = new Set(['id', 'employees', 'purchase_count', 'revenue_total', 'clv', 'p_alive', 'expected_purchases']);
  const filtered = query.q !== '' || query.filters.length > 0;

  return (
    <div class="page" lang={locale}>
      <div class="page-head">
        <h1>{t('list.title')}</h1>
      </div>
      <form class="filters card" onSubmit={applyText} aria-label={t('list.filters')}>
        <label class="field inline grow">
          <span>{t('list.q')}</span>
          <input type="search" name="q" data-testid="list-q" value={qText} onInput={(e) => setQText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        {select('kind', ['person', 'organization'], 'kind', 'field.kind')}
        {select('status', ['active', 'archived'], 'status', 'field.status')}
        {select('roles', [...CUSTOMER_ROLES], 'role', 'field.roles')}
        {select('abc', [...ABC_CLASSES], 'abcClass', 'field.abc')}
        {select('value_class', [...VALUE_CLASSES], 'valueClass', 'field.value_class')}
        <label class="field inline">
          <span>{t('field.tag')}</span>
          <input name="filter-tags" value={tagText} onInput={(e) => setTagText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field inline">
          <span>{t('field.sector')}</span>
          <input name="filter-sector" value={sectorText} onInput={(e) => setSectorText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <div class="actions">
          <button type="submit" class="primary">
            {t('common.apply')}
          </button>
          <button type="button" onClick={() => navigate('/customers')}>
            {t('common.reset')}
          </button>
        </div>
      </form>
      {chips.length > 0 && (
        <div class="filter-chips" data-testid="filter-chips">
          <span class="muted">{t('list.alsoFiltered')}</span>
          {chips.map((f, i) => (
            <span class="chip" key={`${f.field}-${f.op}-${i}`} data-field={f.field}>
              {chipText(f)}
              <button type="button" class="small" aria-label={t('list.removeFilter', { f: chipText(f) })} onClick={() => go({ ...query, filters: query.filters.filter((x) => x !== f) })}>
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <div class="toolbar">
        <span class="count">
          {total.n !== undefined ? (
            <span data-testid="total">{t('list.total', { n: app.fmt.number(total.n) })}</span>
          ) : (
            <button type="button" data-testid="count" disabled={total.busy} onClick={count}>
              {t('list.count')}
            </button>
          )}
        </span>
        <details class="dropdown" data-testid="columns-chooser">
          <summary>{t('list.columns')}</summary>
          <div class="dropdown-body">
            {COLUMNS.map((c) => (
              <label key={c.id} class="check">
                <input type="checkbox" name={`col-${c.id}`} checked={columns.includes(c.id)} onChange={(e) => setColumn(c.id, (e.currentTarget as HTMLInputElement).checked)} />
                {t(c.label)}
              </label>
            ))}
          </div>
        </details>
        <details class="dropdown" data-testid="views">
          <summary>{t('list.views')}</summary>
          <div class="dropdown-body">
            {views.length === 0 && <p class="muted">{t('list.noViews')}</p>}
            {views.map((v) => (
              <div class="view-row" key={v.name}>
                <button type="button" class="link" onClick={() => applyView(v.name)}>
                  {v.name}
                </button>
                <button
                  type="button"
                  class="small"
                  aria-label={`${t('list.deleteView')} ${v.name}`}
                  onClick={() => {
                    const s = storage();
                    if (s) setViews(deleteView(s, v.name));
                  }}
                >
                  ×
                </button>
              </div>
            ))}
            <form
              class="view-save"
              onSubmit={(e) => {
                e.preventDefault();
                const s = storage();
                const name = viewName.trim();
                if (!s || !name) return;
                setViews(saveView(s, { name, query, columns }));
                setViewName('');
              }}
            >
              <input name="view-name" placeholder={t('list.viewName')} aria-label={t('list.viewName')} value={viewName} onInput={(e) => setViewName((e.currentTarget as HTMLInputElement).value)} />
              <button type="submit">{t('list.saveView')}</button>
            </form>
          </div>
        </details>
      </div>
      {total.error != null && <ErrorBox error={total.error} />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.loading && !res.data && <Loading />}
      {res.data && res.data.data.length === 0 && <Empty>{filtered ? t('list.empty') : t('list.emptyAll')}</Empty>}
      {res.data && res.data.data.length > 0 && (
        <div class="table-wrap">
          <table class="grid" data-testid="customer-table" aria-busy={res.loading}>
            <thead>
              <tr>
                {visible.map((c) => {
                  const s = query.sort[0]?.field === c.sort ? query.sort[0] : undefined;
                  return (
                    <th key={c.id} class={numeric.has(c.id) ? 'num' : ''} aria-sort={s ? (s.desc ? 'descending' : 'ascending') : undefined}>
                      {c.sort ? (
                        <button type="button" class="sort" title={t('list.sortBy', { col: t(c.label) })} onClick={() => go({ ...query, sort: toggleSort(query.sort, c.sort!) })}>
                          {t(c.label)} {s ? (s.desc ? '▼' : '▲') : ''}
                        </button>
                      ) : (
                        t(c.label)
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {res.data.data.map((c) => (
                <tr key={c.id}>
                  {visible.map((col) => (
                    <td key={col.id} class={numeric.has(col.id) ? 'num' : ''} data-col={col.id}>
                      {cell(c, col.id)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="pagination">
        <button type="button" disabled={!hasPrev(paging) || res.loading} onClick={() => setPaging(goPrev(paging))}>
          {t('common.prev')}
        </button>
        <span data-testid="page-number">{t('common.page', { n: pageNumber(paging) })}</span>
        <button type="button" data-testid="next-page" disabled={!hasNext(paging) || res.loading} onClick={() => setPaging(goNext(paging))}>
          {t('common.next')}
        </button>
      </nav>
    </div>
  );
}
