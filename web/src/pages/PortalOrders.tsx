// Portal: own orders (list, detail with lines, delivery status and shipment tracking) and invoices.
import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { get } from '../lib/api';
import type { Page } from '../lib/types';
import { deliveryProgress, type Balance, type Invoice, type OrderDetail, type OrderRow, type Shipment } from '../lib/service';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';
import '../service.css';

export function PortalOrdersPage() {
  const { t, tv, fmt } = useApp();
  const [rows, setRows] = useState<OrderRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const res = useAsync(
    async (signal) => {
      const r = await get<Page<OrderRow>>(`/api/v1/orders?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, signal);
      setRows((p) => (cursor ? [...p, ...(r.data ?? [])] : r.data ?? []));
      setNext(r.next_cursor ?? null);
      return r;
    },
    [cursor],
  );
  return (
    <div class="page portal" data-testid="portal-orders">
      <h1>{t('portal.orders')}</h1>
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.loading && rows.length === 0 && <Loading />}
      {!res.loading && !res.error && rows.length === 0 && <Empty>{t('portal.noOrders')}</Empty>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="grid" data-testid="order-table">
            <thead>
              <tr>
                <th>{t('order.number')}</th>
                <th>{t('order.date')}</th>
                <th>{t('order.status')}</th>
                <th>{t('order.promised')}</th>
                <th>{t('order.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/portal/orders/${o.id}`} data-testid="order-link">
                      {o.number ?? o.quote_number ?? `#${o.id}`}
                    </Link>
                    {o.kind === 'quote' && <span class="badge">{t('order.quote')}</span>}
                  </td>
                  <td>{fmt.date(o.ordered_at ?? o.created_at)}</td>
                  <td>
                    <span class={`status-pill s-${o.status}`}>{tv('orderStatus', o.status)}</span>
                  </td>
                  <td>{fmt.date(o.promised_date)}</td>
                  <td class="num">{fmt.money(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <div class="pager">
          <button type="button" onClick={() => setCursor(next)} disabled={res.loading}>
            {t('common.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}

function ShipmentCard({ id }: { id: string | number }) {
  const { t, tv, fmt } = useApp();
  const res = useAsync((signal) => get<Shipment>(`/api/v1/shipments/${encodeURIComponent(String(id))}`, signal), [id]);
  const s = res.data;
  return (
    <div class="card shipment" data-testid="shipment">
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {s && (
        <>
          <h3>
            {s.number} · <span class={`status-pill s-${s.status}`} data-testid="shipment-status">{tv('shipmentStatus', s.status)}</span>
          </h3>
          <p class="muted">
            {s.carrier ?? '—'} · {t('shipment.tracking')}: <code>{s.tracking_number ?? '—'}</code>
            {s.delivered_at && ` · ${t('shipment.deliveredAt', { d: fmt.dateTime(s.delivered_at) })}`}
          </p>
          {s.events.length === 0 ? (
            <Empty>{t('shipment.noEvents')}</Empty>
          ) : (
            <ol class="tracking" data-testid="tracking-events">
              {[...s.events]
                .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at))
                .map((e) => (
                  <li key={e.id} data-testid="tracking-event">
                    <strong>{tv('shipmentStatus', e.status)}</strong> · {e.place ?? '—'}
                    <div class="muted">{fmt.dateTime(e.occurred_at)}</div>
                  </li>
                ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

export function PortalOrderPage({ id }: { id: string }) {
  const { t, tv, fmt } = useApp();
  const res = useAsync((signal) => get<OrderDetail>(`/api/v1/orders/${encodeURIComponent(id)}`, signal), [id]);
  const o = res.data;
  const prog = o ? deliveryProgress(o.lines) : null;
  return (
    <div class="page portal" data-testid="portal-order">
      <p>
        <Link href="/portal/orders">← {t('portal.orders')}</Link>
      </p>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {o && prog && (
        <>
          <div class="case-head">
            <h1 data-testid="order-number">{o.number ?? o.quote_number}</h1>
            <span class={`status-pill s-${o.status}`}>{tv('orderStatus', o.status)}</span>
          </div>
          <p class="muted">
            {t('order.date')}: {fmt.date(o.ordered_at ?? o.created_at)} · {t('order.promised')}: {fmt.date(o.promised_date)} · {t('order.total')}: {fmt.money(o.total)}
          </p>
          <Section title={t('order.lines')}>
            <p data-testid="delivery-progress">{t('order.delivered', { d: fmt.number(prog.delivered), n: fmt.number(prog.ordered) })}</p>
            <div class="table-wrap">
              <table class="grid" data-testid="order-lines">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t('order.item')}</th>
                    <th>{t('order.qty')}</th>
                    <th>{t('order.unitPrice')}</th>
                    <th>{t('order.lineTotal')}</th>
                    <th>{t('order.deliveredQty')}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.lines.map((l) => (
                    <tr key={l.id}>
                      <td>{l.line_no}</td>
                      <td>
                        {l.description}
                        {l.sku && <span class="muted"> ({l.sku})</span>}
                      </td>
                      <td class="num">{fmt.number(l.quantity)}</td>
                      <td class="num">{fmt.money(l.unit_price)}</td>
                      <td class="num">{fmt.money(l.line_total)}</td>
                      <td class="num">
                        {fmt.number(l.delivered_quantity)} / {fmt.number(l.quantity)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
          <Section title={t('order.shipments')}>
            {o.shipments.length === 0 ? <Empty>{t('order.noShipments')}</Empty> : o.shipments.map((s) => <ShipmentCard key={s.id} id={s.id} />)}
          </Section>
        </>
      )}
    </div>
  );
}

export function PortalInvoicesPage() {
  const { t, tv, fmt, user } = useApp();
  const cid = user?.customer_id;
  const res = useAsync(
    async (signal) => {
      const [inv, bal] = await Promise.all([
        get<Page<Invoice>>('/api/v1/invoices?limit=100', signal),
        cid === null || cid === undefined ? Promise.resolve(null) : get<Balance>(`/api/v1/customers/${encodeURIComponent(String(cid))}/balance`, signal),
      ]);
      return { inv: inv.data ?? [], bal };
    },
    [cid],
  );
  return (
    <div class="page portal" data-testid="portal-invoices">
      <h1>{t('portal.invoices')}</h1>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.data && (
        <>
          <Section title={t('invoice.balance')}>
            {!res.data.bal || res.data.bal.balances.length === 0 ? (
              <Empty>{t('invoice.noBalance')}</Empty>
            ) : (
              <div class="metric-tiles" data-testid="balance">
                {res.data.bal.balances.flatMap((b) => [
                  <div class="metric-tile" key={`${b.currency}-t`}>
                    <div class="v">{fmt.money({ amount: b.total, currency: b.currency })}</div>
                    <div class="l">{t('invoice.open')}</div>
                  </div>,
                  <div class="metric-tile" key={`${b.currency}-o`}>
                    <div class="v">{fmt.money({ amount: b.overdue, currency: b.currency })}</div>
                    <div class="l">{t('invoice.overdue')}</div>
                  </div>,
                ])}
              </div>
            )}
          </Section>
          {res.data.inv.length === 0 ? (
            <Empty>{t('invoice.none')}</Empty>
          ) : (
            <div class="table-wrap">
              <table class="grid" data-testid="invoice-table">
                <thead>
                  <tr>
                    <th>{t('invoice.number')}</th>
                    <th>{t('invoice.issued')}</th>
                    <th>{t('invoice.due')}</th>
                    <th>{t('invoice.status')}</th>
                    <th>{t('invoice.total')}</th>
                    <th>{t('invoice.paid')}</th>
                    <th>{t('invoice.balanceCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {res.data.inv.map((i) => (
                    <tr key={i.id}>
                      <td>
                        {i.number}
                        {i.order_id && (
                          <>
                            {' · '}
                            <Link href={`/portal/orders/${i.order_id}`}>{t('invoice.order')}</Link>
                          </>
                        )}
                      </td>
                      <td>{fmt.date(i.issued_at)}</td>
                      <td>{fmt.date(i.due_at)}</td>
                      <td>
                        <span class={`status-pill s-${i.status}`}>{tv('invoiceStatus', i.status)}</span>
                        {i.overdue && <span class="badge sla-breached-badge">{t('invoice.daysLate', { n: i.days_past_due })}</span>}
                      </td>
                      <td class="num">{fmt.money(i.total)}</td>
                      <td class="num">{fmt.money(i.paid)}</td>
                      <td class="num">{fmt.money(i.balance)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
