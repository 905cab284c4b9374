import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { get, request } from '../lib/api';
import { canArchiveCustomers, canEditCustomer, type Customer360, type CustomFieldDef, type HistoryEntry, type Page } from '../lib/types';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';
import { IdentifiersCard, ProfileCard, displayValue } from '../components/CustomerProfile';
import { RevenueChart } from '../components/RevenueChart';
import { ScoresCard } from '../components/ScoresCard';
import { PagedLoader } from '../components/PagedLoader';
import type { Interaction, Purchase } from '../lib/types';

export async function loadCustomFields(signal?: AbortSignal): Promise<CustomFieldDef[]> {
  try {
    const r = await get<{ data: CustomFieldDef[] }>('/api/v1/custom-fields', signal);
    return (r.data ?? []).filter((d) => !d.entity || d.entity === 'customer');
  } catch {
    return []; // labels are a nicety; the values still show under their keys
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function actorName(a: HistoryEntry['actor']): string {
  if (a === null || a === undefined) return '—';
  if (typeof a === 'object') return String((a as Record<string, unknown>).name ?? (a as Record<string, unknown>).email ?? (a as Record<string, unknown>).id ?? '');
  return String(a);
}

function History({ id }: { id: string }) {
  const { t, tv, fmt } = useApp();
  const [pages, setPages] = useState<HistoryEntry[][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const res = useAsync(async (signal) => {
    const qs = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const r = await get<Page<HistoryEntry>>(`/api/v1/customers/${encodeURIComponent(id)}/history${qs}`, signal);
    setPages((p) => (cursor ? [...p, r.data] : [r.data]));
    return r;
  }, [id, cursor]);
  const entries = pages.flat();
  const yes = t('common.yes');
  const no = t('common.no');
  const show = (v: unknown) => (typeof v === 'string' && ISO_INSTANT.test(v) ? fmt.dateTime(v) : displayValue(v, yes, no));
  return (
    <Section title={t('c360.history')} id="history">
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.loading && entries.length === 0 && <Loading />}
      {!res.loading && !res.error && entries.length === 0 && <Empty>{t('c360.noHistory')}</Empty>}
      {entries.length > 0 && (
        <ol class="history" data-testid="history">
          {entries.map((h) => (
            <li key={h.seq}>
              <div class="hist-head">
                <strong>{tv('op', h.op)}</strong> · {fmt.dateTime(h.at)} · {t('hist.actor')} {actorName(h.actor)}
                {h.entity && h.entity !== 'customer' && <span class="muted"> · {h.entity}</span>}
              </div>
              {h.changes?.length > 0 && (
                <table class="changes">
                  <thead>
                    <tr>
                      <th>{t('hist.field')}</th>
                      <th>{t('hist.before')}</th>
                      <th>{t('hist.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.changes.map((c, i) => (
                      <tr key={i}>
                        <td title={c.field}>{tv('field', c.field)}</td>
                        <td class="before">{show(c.before)}</td>
                        <td class="after">{show(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
      {res.data?.next_cursor && (
        <button type="button" disabled={res.loading} onClick={() => setCursor(res.data!.next_cursor)}>
          {t('common.loadMore')}
        </button>
      )}
    </Section>
  );
}

export function Customer360Page({ id }: { id: string }) {
  const { t, tv, fmt, user } = useApp();
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const [allInteractions, setAllInteractions] = useState<Interaction[] | null>(null);
  const [allPurchases, setAllPurchases] = useState<Purchase[] | null>(null);
  const res = useAsync(
    async (signal) => {
      const [v, defs] = await Promise.all([get<Customer360>(`/api/v1/customers/${encodeURIComponent(id)}/360`, signal), loadCustomFields(signal)]);
      return { v, defs };
    },
    [id],
  );
  if (res.loading && !res.data) return <Loading />;
  if (res.error != null) return <div class="page">{<ErrorBox error={res.error} onRetry={res.reload} />}</div>;
  if (!res.data) return null;
  const { v, defs } = res.data;
  const c = v.customer;
  const stats = v.stats ?? c.stats ?? null;
  const staff = user && user.role !== 'customer';
  const canEdit = !!user && canEditCustomer(user, c);
  const canArchive = !!user && canArchiveCustomers(user.role);
  const interactions = [...(allInteractions ?? v.interactions ?? [])].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
  const purchases = [...(allPurchases ?? v.purchases ?? [])].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));

  async function archiveOrRestore() {
    if (c.status === 'active' && !confirm(t('c360.archiveConfirm'))) return;
    setBusy(true);
    setActionError(null);
    try {
      const path = `/api/v1/customers/${encodeURIComponent(id)}`;
      if (c.status === 'active') await request(path, { method: 'DELETE' });
      else await request(`${path}/restore`, { method: 'POST' });
      res.reload();
      setHistoryKey((k) => k + 1);
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="page c360" data-testid="customer-360">
      <div class="page-head">
        <div>
          <h1 data-testid="customer-name">{c.name}</h1>
          <p class="muted">
            #{String(c.id)} · {tv('kind', c.kind)} · <span class={`badge ${c.status}`}>{tv('status', c.status)}</span>
          </p>
        </div>
        {staff && (canEdit || canArchive) && (
          <div class="actions">
            {canEdit && (
              <Link class="button primary" href={`/customers/${encodeURIComponent(id)}/edit`} data-testid="edit">
                {t('common.edit')}
              </Link>
            )}
            {canArchive && (
              <button type="button" disabled={busy} onClick={archiveOrRestore} data-testid="archive">
                {c.status === 'active' ? t('c360.archive') : t('c360.restore')}
              </button>
            )}
          </div>
        )}
      </div>
      {actionError != null && <ErrorBox error={actionError} />}
      <div class="grid-2">
        <ProfileCard c={c} defs={defs} />
        <IdentifiersCard c={c} />
      </div>
      <div class="grid-2">
        <Section title={t('c360.stats')} id="stats">
          {stats ? (
            <dl class="kv" data-testid="stats">
              <div class="kv-row">
                <dt>{t('field.purchase_count')}</dt>
                <dd>{fmt.number(stats.purchase_count)}</dd>
              </div>
              <div class="kv-row">
                <dt>{t('field.revenue_total')}</dt>
                <dd>{fmt.money(stats.revenue_total)}</dd>
              </div>
              <div class="kv-row">
                <dt>{t('field.cost_total')}</dt>
                <dd>{fmt.money(stats.cost_total)}</dd>
              </div>
              <div class="kv-row">
                <dt>{t('field.first_purchase_at')}</dt>
                <dd>{fmt.date(stats.first_purchase_at)}</dd>
              </div>
              <div class="kv-row">
                <dt>{t('field.last_purchase_at')}</dt>
                <dd>{fmt.date(stats.last_purchase_at)}</dd>
              </div>
            </dl>
          ) : (
            <Empty>{t('c360.noPurchases')}</Empty>
          )}
        </Section>
        <ScoresCard scores={v.scores} currency={stats?.revenue_total?.currency ?? stats?.cost_total?.currency ?? ''} />
      </div>
      <Section title={t('c360.contacts')} id="contacts">
        {v.contacts?.length ? (
          <div class="table-wrap">
            <table class="grid">
              <thead>
                <tr>
                  <th>{t('field.name')}</th>
                  <th>{t('c360.title')}</th>
                  <th>{t('field.email')}</th>
                  <th>{t('field.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {v.contacts.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>{k.title ?? ''}</td>
                    <td>{k.email ? <a href={`mailto:${k.email}`}>{k.email}</a> : ''}</td>
                    <td>{k.phone ? <a href={`tel:${k.phone}`}>{k.phone}</a> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('c360.noContacts')}</Empty>
        )}
      </Section>
      <Section title={t('c360.timeline')} id="timeline">
        {interactions.length ? (
          <ol class="timeline" data-testid="timeline">
            {interactions.map((i) => (
              <li key={i.id}>
                <div class="tl-head">
                  <time dateTime={i.occurred_at}>{fmt.dateTime(i.occurred_at)}</time> · <strong>{i.type}</strong>
                  {i.channel && <span> · {i.channel}</span>}
                  {i.direction && <span class="muted"> · {i.direction}</span>}
                </div>
                {i.subject && <div class="tl-subject">{i.subject}</div>}
                {i.body && <div class="tl-body">{i.body}</div>}
              </li>
            ))}
          </ol>
        ) : (
          <Empty>{t('c360.noInteractions')}</Empty>
        )}
        {interactions.length > 0 && <PagedLoader<Interaction> path="/api/v1/interactions" customerId={id} onRows={setAllInteractions} label={t('c360.showAll')} />}
      </Section>
      <Section title={t('c360.purchases')} id="purchases">
        {purchases.length ? (
          <>
            <h3>{t('c360.revenueByMonth')}</h3>
            <RevenueChart purchases={purchases} />
            <div class="table-wrap">
              <table class="grid" data-testid="purchases">
                <thead>
                  <tr>
                    <th>{t('c360.date')}</th>
                    <th>{t('c360.sku')}</th>
                    <th>{t('field.product')}</th>
                    <th class="num">{t('c360.quantity')}</th>
                    <th class="num">{t('field.revenue_total')}</th>
                    <th>{t('c360.orderRef')}</th>
                  </tr>
                </thead>
                <tbody>
                  {purchases.map((p) => (
                    <tr key={p.id}>
                      <td>{fmt.date(p.occurred_at)}</td>
                      <td>{p.sku ?? ''}</td>
                      <td>{p.product ?? ''}</td>
                      <td class="num">{p.quantity == null ? '' : fmt.number(p.quantity)}</td>
                      <td class="num">{fmt.money(p.revenue)}</td>
                      <td>{p.order_ref ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <PagedLoader<Purchase> path="/api/v1/purchases" customerId={id} onRows={setAllPurchases} label={t('c360.showAll')} />
          </>
        ) : (
          <Empty>{t('c360.noPurchases')}</Empty>
        )}
      </Section>
      {staff && <History id={id} key={`${id}-${historyKey}-${c.version}`} />}
    </div>
  );
}
