import '../sales.css';
import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { get } from '../lib/api';
import { firstPage, goNext, goPrev, hasNext, hasPrev, loaded, pageNumber, type PagingState } from '../lib/paging';
import { navigate } from '../lib/router';
import type { Page } from '../lib/types';
import { PO_COMPONENTS, type Configuration, type Order, type OrderLine, type Shipment } from '../lib/sales';
import { CustomerLink, useCustomerNames } from '../components/CustomerNames';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';

const ORDER_STATUSES = ['draft', 'open', 'partially_delivered', 'delivered', 'cancelled'] as const;

function orderNumber(o: Pick<Order, 'number' | 'quote_number' | 'id'>): string {
  return o.number ?? o.quote_number ?? `#${o.id}`;
}

/** GET /api/v1/orders with filter[status], filter[kind], filter[customer_id]; keyset paging. */
export function OrderListPage({ search }: { search: string }) {
  const { t, tv, fmt } = useApp();
  const q = new URLSearchParams(search);
  const status = q.get('status') ?? '';
  const kind = q.get('kind') ?? '';
  const customer = q.get('customer_id') ?? '';
  const [paging, setPaging] = useState<PagingState>(firstPage);
  const [draftCustomer, setDraftCustomer] = useState(customer);
  const list = useAsync(
    async (signal) => {
      const p = new URLSearchParams({ limit: '25' });
      if (status) p.set('filter[status]', status);
      if (kind) p.set('filter[kind]', kind);
      if (customer) p.set('filter[customer_id]', customer);
      if (paging.cursor) p.set('cursor', paging.cursor);
      const r = await get<Page<Order>>(`/api/v1/orders?${p.toString()}`, signal);
      setPaging((s) => loaded(s, r.next_cursor));
      return r;
    },
    [status, kind, customer, paging.cursor],
  );
  const rows = list.data?.data ?? [];
  const names = useCustomerNames(rows.map((o) => o.customer_id));
  const go = (patch: Record<string, string>) => {
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    const s = p.toString();
    navigate(`/orders${s ? `?${s}` : ''}`);
  };
  return (
    <div class="page">
      <header class="page-head">
        <h1>{t('orders.title')}</h1>
        <Link href="/orders/perfect-order" data-testid="to-perfect-order">
          {t('nav.perfectOrder')}
        </Link>
      </header>
      <form
        class="filters card"
        data-testid="order-filters"
        onSubmit={(e) => {
          e.preventDefault();
          go({ customer_id: draftCustomer.trim() });
        }}
      >
        <label>
          {t('orders.status')}
          <select data-testid="filter-status" value={status} onChange={(e) => go({ status: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('common.any')}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tv('orderStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orders.kind')}
          <select data-testid="filter-kind" value={kind} onChange={(e) => go({ kind: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('common.any')}</option>
            <option value="order">{t('orderKind.order')}</option>
            <option value="quote">{t('orderKind.quote')}</option>
          </select>
        </label>
        <label>
          {t('orders.customerId')}
          <input inputMode="numeric" data-testid="filter-customer" value={draftCustomer} onInput={(e) => setDraftCustomer((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      {list.error != null ? (
        <ErrorBox error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('orders.none')}</Empty>
      ) : (
        <div class="table-wrap card">
          <table data-testid="order-table">
            <thead>
              <tr>
                <th>{t('orders.number')}</th>
                <th>{t('orders.customer')}</th>
                <th>{t('orders.status')}</th>
                <th>{t('orders.orderedAt')}</th>
                <th>{t('orders.promised')}</th>
                <th>{t('orders.carrier')}</th>
                <th class="num">{t('orders.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-id={o.id}>
                  <td>
                    <Link href={`/orders/${o.id}`} data-testid="order-link">
                      {orderNumber(o)}
                    </Link>
                  </td>
                  <td>
                    <CustomerLink id={o.customer_id} names={names} />
                  </td>
                  <td>
                    <span class={`badge status-${o.status}`}>{tv('orderStatus', o.status)}</span>
                  </td>
                  <td>{fmt.date(o.ordered_at)}</td>
                  <td>{fmt.date(o.promised_date)}</td>
                  <td>{o.carrier ?? '—'}</td>
                  <td class="num">{fmt.money(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={t('common.page', { n: pageNumber(paging) })}>
        <button type="button" disabled={!hasPrev(paging)} onClick={() => setPaging(goPrev(paging))}>
          {t('common.prev')}
        </button>
        <span>{t('common.page', { n: pageNumber(paging) })}</span>
        <button type="button" data-testid="next-page" disabled={!hasNext(paging)} onClick={() => setPaging(goNext(paging))}>
          {t('common.next')}
        </button>
      </nav>
    </div>
  );
}

function Mark({ ok, label }: { ok: boolean | undefined; label: string }) {
  if (ok === undefined) return null;
  return (
    <span class={`mark ${ok ? 'ok' : 'bad'}`} title={label} data-ok={String(ok)}>
      {ok ? '✓' : '✗'} {label}
    </span>
  );
}

/** One order: lines with fulfilments and Perfect Order marks, configurations, shipments with tracking. */
export function OrderDetailPage({ id }: { id: string }) {
  const { t, tv, fmt } = useApp();
  const order = useAsync((signal) => get<Order>(`/api/v1/orders/${encodeURIComponent(id)}`, signal), [id]);
  const names = useCustomerNames(order.data ? [order.data.customer_id] : []);
  if (order.error != null) return <div class="page"><ErrorBox error={order.error} /></div>;
  if (!order.data) return <div class="page"><Loading /></div>;
  const o = order.data;
  const po = o.perfect_order;
  return (
    <div class="page order-detail" data-testid="order-detail">
      <header class="page-head">
        <h1>
          {orderNumber(o)} <span class={`badge status-${o.status}`}>{tv('orderStatus', o.status)}</span>
        </h1>
        <Link href="/orders">{t('orders.back')}</Link>
      </header>
      <Section title={t('orders.summary')}>
        <dl class="facts">
          <dt>{t('orders.customer')}</dt>
          <dd>
            <CustomerLink id={o.customer_id} names={names} />
          </dd>
          <dt>{t('orders.kind')}</dt>
          <dd>{tv('orderKind', o.kind)}</dd>
          <dt>{t('orders.orderedAt')}</dt>
          <dd>{fmt.dateTime(o.ordered_at)}</dd>
          <dt>{t('orders.promised')}</dt>
          <dd data-testid="promised-date">{fmt.date(o.promised_date)}</dd>
          <dt>{t('orders.carrier')}</dt>
          <dd>{o.carrier ?? '—'}</dd>
          <dt>{t('orders.total')}</dt>
          <dd>{fmt.money(o.total)}</dd>
          {o.notes && (
            <>
              <dt>{t('orders.notes')}</dt>
              <dd>{o.notes}</dd>
            </>
          )}
          <dt>{t('po.title')}</dt>
          <dd data-testid="order-po">
            {po ? (
              <>
                <span class={`badge ${po.perfect ? 'good' : 'bad'}`}>{po.perfect ? t('po.perfect') : t('po.notPerfect')}</span> {t('po.linesPerfect', { n: po.perfect_lines, of: po.lines })}
              </>
            ) : (
              t('po.notMeasured')
            )}
          </dd>
        </dl>
      </Section>
      <Section title={t('orders.lines')}>
        <div class="table-wrap">
          <table data-testid="order-lines">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('orders.product')}</th>
                <th class="num">{t('orders.quantity')}</th>
                <th class="num">{t('orders.unitPrice')}</th>
                <th class="num">{t('orders.discount')}</th>
                <th class="num">{t('orders.lineTotal')}</th>
                <th class="num">{t('orders.delivered')}</th>
                <th>{t('po.marks')}</th>
              </tr>
            </thead>
            <tbody>
              {(o.lines ?? []).map((l) => (
                <LineRows key={l.id} line={l} />
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title={t('orders.shipments')}>
        {(o.shipments ?? []).length === 0 ? <Empty>{t('orders.noShipments')}</Empty> : (o.shipments ?? []).map((s) => <ShipmentTracking key={s.id} id={s.id} />)}
      </Section>
    </div>
  );
}

function LineRows({ line: l }: { line: OrderLine }) {
  const { t, fmt } = useApp();
  const marks = l.perfect_order;
  return (
    <>
      <tr data-testid="order-line" data-line={l.id}>
        <td>{l.line_no}</td>
        <td>
          {l.description ?? l.sku ?? '—'} {l.sku && <code>{l.sku}</code>}
          {l.configuration_id !== null && <ConfigurationSummary id={l.configuration_id} />}
        </td>
        <td class="num">{fmt.number(l.quantity)}</td>
        <td class="num">{fmt.money(l.unit_price)}</td>
        <td class="num">{l.discount_percent ? `${fmt.number(l.discount_percent)} %` : '—'}</td>
        <td class="num">{fmt.money(l.line_total)}</td>
        <td class="num">{fmt.number(l.delivered_quantity)}</td>
        <td class="marks">{marks ? PO_COMPONENTS.map((c) => <Mark key={c} ok={marks[c]} label={t(`po.${c}`)} />) : <span class="muted">{t('po.notMeasured')}</span>}</td>
      </tr>
      {l.fulfilments.map((f) => (
        <tr key={f.id} class="fulfilment" data-testid="fulfilment">
          <td />
          <td colSpan={5}>
            {t('orders.delivery')} <code>{f.delivery_key}</code>: {t('orders.shippedAt')} {fmt.dateTime(f.shipped_at)} · {t('orders.deliveredAt')} {fmt.dateTime(f.delivered_at)}
          </td>
          <td class="num">{fmt.number(f.delivered_quantity)}</td>
          <td class="marks">
            <Mark ok={!f.damaged} label={t('po.damage_free')} />
            <Mark ok={f.documents_ok} label={t('po.documentation')} />
          </td>
        </tr>
      ))}
    </>
  );
}

function ConfigurationSummary({ id }: { id: number }) {
  const { t, fmt } = useApp();
  const c = useAsync((signal) => get<Configuration>(`/api/v1/configurations/${id}`, signal), [id]);
  if (!c.data) return null;
  const parts = [...Object.entries(c.data.options ?? {}).map(([k, v]) => `${k}: ${v}`), ...Object.entries(c.data.measurements ?? {}).map(([k, v]) => `${k}: ${fmt.number(v)}`)];
  return (
    <div class="configuration" data-testid="configuration">
      {t('orders.configuration')} #{id}: {parts.join(' · ')} · {t('orders.leadTime', { n: c.data.lead_time_days })}
    </div>
  );
}

function ShipmentTracking({ id }: { id: number }) {
  const { tv, fmt } = useApp();
  const s = useAsync((signal) => get<Shipment>(`/api/v1/shipments/${id}`, signal), [id]);
  if (s.error != null) return <ErrorBox error={s.error} />;
  if (!s.data) return <Loading />;
  const sh = s.data;
  return (
    <div class="shipment" data-testid="shipment">
      <h3>
        {sh.number} · {sh.carrier ?? '—'} {sh.tracking_number && <code>{sh.tracking_number}</code>} <span class="badge">{tv('shipStatus', sh.status)}</span>
      </h3>
      <ol class="events">
        {(sh.events ?? []).map((e) => (
          <li key={e.id} data-testid="tracking-event">
            <time>{fmt.dateTime(e.occurred_at)}</time> <strong>{tv('shipStatus', e.status)}</strong> {e.place ?? ''} {e.source && <span class="muted">({e.source})</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Shipments of one carrier (the Perfect Order drill-down by carrier), each linking to its order. */
export function ShipmentListPage({ search }: { search: string }) {
  const { t, tv, fmt } = useApp();
  const carrier = new URLSearchParams(search).get('carrier') ?? '';
  const [paging, setPaging] = useState<PagingState>(firstPage);
  const list = useAsync(
    async (signal) => {
      const p = new URLSearchParams({ limit: '50' });
      if (carrier) p.set('filter[carrier]', carrier);
      if (paging.cursor) p.set('cursor', paging.cursor);
      const r = await get<Page<Shipment>>(`/api/v1/shipments?${p.toString()}`, signal);
      setPaging((s) => loaded(s, r.next_cursor));
      return r;
    },
    [carrier, paging.cursor],
  );
  const rows = list.data?.data ?? [];
  const names = useCustomerNames(rows.map((s) => s.customer_id));
  return (
    <div class="page">
      <header class="page-head">
        <h1>{carrier ? t('shipments.titleCarrier', { carrier }) : t('shipments.title')}</h1>
        <Link href="/orders/perfect-order">{t('nav.perfectOrder')}</Link>
      </header>
      {list.error != null ? (
        <ErrorBox error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('shipments.none')}</Empty>
      ) : (
        <div class="table-wrap card">
          <table data-testid="shipment-table">
            <thead>
              <tr>
                <th>{t('shipments.number')}</th>
                <th>{t('orders.number')}</th>
                <th>{t('orders.customer')}</th>
                <th>{t('orders.carrier')}</th>
                <th>{t('orders.status')}</th>
                <th>{t('orders.shippedAt')}</th>
                <th>{t('orders.deliveredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>{s.number}</td>
                  <td>
                    <Link href={`/orders/${s.order_id}`} data-testid="order-link">
                      {s.order_number ?? `#${s.order_id}`}
                    </Link>
                  </td>
                  <td>
                    <CustomerLink id={s.customer_id} names={names} />
                  </td>
                  <td>{s.carrier ?? '—'}</td>
                  <td>{tv('shipStatus', s.status)}</td>
                  <td>{fmt.dateTime(s.shipped_at)}</td>
                  <td>{fmt.dateTime(s.delivered_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager">
        <button type="button" disabled={!hasPrev(paging)} onClick={() => setPaging(goPrev(paging))}>
          {t('common.prev')}
        </button>
        <span>{t('common.page', { n: pageNumber(paging) })}</span>
        <button type="button" disabled={!hasNext(paging)} onClick={() => setPaging(goNext(paging))}>
          {t('common.next')}
        </button>
      </nav>
    </div>
  );
}
