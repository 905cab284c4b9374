// The service desk queue: cases filtered by status, queue, priority and owner, keyset "load more".
import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { get } from '../lib/api';
import type { Page } from '../lib/types';
import { CASE_PRIORITIES, CASE_STATUSES, slaClock, formatCountdown, type ServiceCase } from '../lib/service';
import { Empty, ErrorBox, Link, Loading, useAsync } from '../components/common';
import { useNow } from '../components/CaseParts';
import { ServiceTabs } from './ServiceMetrics';
import '../service.css';

interface Filters {
  status: string;
  queue: string;
  priority: string;
  owner: string; // '', 'me' or a user id
}

function listUrl(f: Filters, me: string | number, cursor: string | null): string {
  const p = new URLSearchParams();
  if (f.status) p.set('filter[status]', f.status);
  if (f.queue.trim()) p.set('filter[queue]', f.queue.trim());
  if (f.priority) p.set('filter[priority]', f.priority);
  const owner = f.owner === 'me' ? String(me) : f.owner.trim();
  if (owner) p.set('filter[owner_id]', owner);
  p.set('limit', '25');
  if (cursor) p.set('cursor', cursor);
  return `/api/v1/cases?${p.toString()}`;
}

function SlaCell({ c, now }: { c: ServiceCase; now: number }) {
  const { t, tv } = useApp();
  const sla = c.sla && 'resolution_due' in c.sla ? c.sla : null;
  const fr = slaClock(sla, 'first_response', now);
  const clock = fr.state === 'met' || fr.state === 'missed' || fr.state === 'none' ? slaClock(sla, 'resolution', now) : fr;
  if (clock.state === 'none') return <span class="muted">—</span>;
  if (clock.remainingMs === null) return <span class={`sla-text sla-${clock.state}`}>{tv('sla.state', clock.state)}</span>;
  const txt = clock.state === 'breached' ? t('sla.overdueBy', { t: formatCountdown(clock.remainingMs) }) : clock.state === 'paused' ? t('sla.paused') : formatCountdown(clock.remainingMs);
  return <span class={`sla-text sla-${clock.state}`}>{txt}</span>;
}

export function ServiceQueuePage() {
  const { t, tv, fmt, user } = useApp();
  const [draft, setDraft] = useState<Filters>({ status: '', queue: '', priority: '', owner: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [rows, setRows] = useState<ServiceCase[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const now = useNow(30_000);
  const res = useAsync(
    async (signal) => {
      const r = await get<Page<ServiceCase>>(listUrl(filters, user?.id ?? '', cursor), signal);
      setRows((prev) => (cursor ? [...prev, ...(r.data ?? [])] : r.data ?? []));
      setNext(r.next_cursor ?? null);
      return r;
    },
    [filters, cursor],
  );
  const set = (k: keyof Filters) => (e: Event) => setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <div class="page" data-testid="service-queue">
      <div class="page-head">
        <h1>{t('service.queueTitle')}</h1>
        <ServiceTabs active="queue" />
      </div>
      <form
        class="filters card"
        onSubmit={(e) => {
          e.preventDefault();
          setRows([]);
          setCursor(null);
          setFilters({ ...draft });
        }}
      >
        <label class="field inline">
          <span>{t('case.status')}</span>
          <select data-testid="filter-status" value={draft.status} onChange={set('status')}>
            <option value="">{t('common.any')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tv('caseStatus', s)}
              </option>
            ))}
          </select>
        </label>
        <label class="field inline">
          <span>{t('case.queue')}</span>
          <input data-testid="filter-queue" value={draft.queue} onInput={set('queue')} placeholder="hotline" />
        </label>
        <label class="field inline">
          <span>{t('case.priority')}</span>
          <select data-testid="filter-priority" value={draft.priority} onChange={set('priority')}>
            <option value="">{t('common.any')}</option>
            {CASE_PRIORITIES.map((s) => (
              <option key={s} value={s}>
                {tv('casePriority', s)}
              </option>
            ))}
          </select>
        </label>
        <label class="field inline">
          <span>{t('case.owner')}</span>
          <select data-testid="filter-owner" value={draft.owner === '' || draft.owner === 'me' ? draft.owner : 'id'} onChange={(e) => setDraft({ ...draft, owner: (e.currentTarget as HTMLSelectElement).value === 'id' ? ' ' : (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('common.any')}</option>
            <option value="me">{t('service.ownerMe')}</option>
            <option value="id">{t('service.ownerId')}</option>
          </select>
        </label>
        {draft.owner !== '' && draft.owner !== 'me' && (
          <label class="field inline">
            <span>{t('service.ownerId')}</span>
            <input data-testid="filter-owner-id" inputMode="numeric" value={draft.owner.trim()} onInput={set('owner')} />
          </label>
        )}
        <div class="actions">
          <button type="submit" class="primary" data-testid="apply-filters">
            {t('common.apply')}
          </button>
        </div>
      </form>
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.loading && rows.length === 0 && <Loading />}
      {!res.loading && !res.error && rows.length === 0 && <Empty>{t('service.noCases')}</Empty>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="grid" data-testid="case-table">
            <thead>
              <tr>
                <th>{t('case.number')}</th>
                <th>{t('case.subject')}</th>
                <th>{t('case.status')}</th>
                <th>{t('case.priority')}</th>
                <th>{t('case.queue')}</th>
                <th>{t('case.owner')}</th>
                <th>{t('case.sla')}</th>
                <th>{t('case.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-case-id={c.id}>
                  <td>
                    <Link href={`/service/cases/${c.id}`} data-testid="case-link">
                      {c.number}
                    </Link>
                  </td>
                  <td>{c.subject}</td>
                  <td>
                    <span class={`status-pill s-${c.status}`}>{tv('caseStatus', c.status)}</span>
                  </td>
                  <td class={`prio-${c.priority}`}>{tv('casePriority', c.priority)}</td>
                  <td>{c.queue ?? '—'}</td>
                  <td>{c.owner_id ?? '—'}</td>
                  <td>
                    <SlaCell c={c} now={now} />
                  </td>
                  <td>{fmt.dateTime(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <div class="pager">
          <button type="button" data-testid="load-more" disabled={res.loading} onClick={() => setCursor(next)}>
            {res.loading ? t('common.loading') : t('common.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
