// The staff case view: SLA timers, thread, reply/internal note, transitions and field edits (If-Match).
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { ApiError, request } from '../lib/api';
import { CASE_PRIORITIES, allowedTransitions, canWriteCases, type ServiceCase } from '../lib/service';
import { ErrorBox, Link, Loading, Section, useAsync } from '../components/common';
import { CaseThread, ReplyBox, SlaTimers } from '../components/CaseParts';
import '../service.css';

async function loadCase(id: string, signal?: AbortSignal): Promise<{ c: ServiceCase; etag: string | null }> {
  const r = await request<ServiceCase>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal });
  return { c: r.data, etag: r.etag };
}

function CaseActions({ c, etag, onChanged }: { c: ServiceCase; etag: string | null; onChanged: (c: ServiceCase, etag: string | null) => void }) {
  const { t, tv, user } = useApp();
  const [priority, setPriority] = useState(c.priority);
  const [owner, setOwner] = useState(c.owner_id === null || c.owner_id === undefined ? '' : String(c.owner_id));
  const [queue, setQueue] = useState(c.queue ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setPriority(c.priority);
    setOwner(c.owner_id === null || c.owner_id === undefined ? '' : String(c.owner_id));
    setQueue(c.queue ?? '');
  }, [c.version]);

  async function patch(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const r = await request<ServiceCase>(`/api/v1/cases/${encodeURIComponent(String(c.id))}`, {
        method: 'PATCH',
        body,
        headers: etag ? { 'If-Match': etag } : {},
      });
      onChanged(r.data, r.etag);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 412) {
        const fresh = await loadCase(String(c.id)).catch(() => null);
        if (fresh) onChanged(fresh.c, fresh.etag);
      }
    } finally {
      setBusy(false);
    }
  }
  if (!user || !canWriteCases(user.role)) return null;
  const next = allowedTransitions(c.status);
  const edits: Record<string, unknown> = {};
  if (priority !== c.priority) edits.priority = priority;
  const ownerNow = c.owner_id === null || c.owner_id === undefined ? '' : String(c.owner_id);
  if (owner.trim() !== ownerNow) edits.owner_id = owner.trim() === '' ? null : Number(owner.trim());
  if (queue.trim() !== (c.queue ?? '')) edits.queue = queue.trim() === '' ? null : queue.trim();
  return (
    <Section title={t('case.actions')} id="case-actions">
      {error != null && (
        <div data-testid="case-error">
          {error instanceof ApiError && error.status === 412 ? <p class="form-error">{t('case.stale')}</p> : <ErrorBox error={error} />}
          {error instanceof ApiError &&
            error.problem.errors.map((fe, i) => (
              <p class="field-error" key={i} data-testid={`error-${fe.field}`}>
                {fe.field}: {fe.message}
              </p>
            ))}
        </div>
      )}
      <div class="actions" data-testid="transitions">
        {next.length === 0 && <span class="muted">{t('case.noTransitions')}</span>}
        {next.map((s) => (
          <button type="button" key={s} data-testid={`to-${s}`} disabled={busy} onClick={() => patch({ status: s })}>
            {t('case.moveTo', { s: tv('caseStatus', s) })}
          </button>
        ))}
      </div>
      <form
        class="form-grid edit-case"
        onSubmit={(e) => {
          e.preventDefault();
          if (Object.keys(edits).length) patch(edits);
        }}
      >
        <label class="field">
          <span>{t('case.priority')}</span>
          <select data-testid="edit-priority" value={priority} onChange={(e) => setPriority((e.currentTarget as HTMLSelectElement).value)}>
            {CASE_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {tv('casePriority', p)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('case.ownerId')}</span>
          <span class="row">
            <input data-testid="edit-owner" inputMode="numeric" value={owner} onInput={(e) => setOwner((e.currentTarget as HTMLInputElement).value)} />
            <button type="button" onClick={() => setOwner(String(user.id))}>
              {t('case.assignMe')}
            </button>
          </span>
        </label>
        <label class="field">
          <span>{t('case.queue')}</span>
          <input data-testid="edit-queue" value={queue} onInput={(e) => setQueue((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <div class="actions">
          <button type="submit" class="primary" data-testid="save-case" disabled={busy || Object.keys(edits).length === 0}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Section>
  );
}

export function ServiceCasePage({ id }: { id: string }) {
  const { t, tv, fmt, user } = useApp();
  const [state, setState] = useState<{ c: ServiceCase; etag: string | null } | null>(null);
  const res = useAsync(
    async (signal) => {
      const r = await loadCase(id, signal);
      setState(r);
      return r;
    },
    [id],
  );
  const c = state?.c;
  return (
    <div class="page" data-testid="case-view">
      <p>
        <Link href="/service">← {t('service.queueTitle')}</Link>
      </p>
      {res.loading && !c && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {c && (
        <>
          <div class="case-head">
            <h1>
              <span data-testid="case-number">{c.number}</span> · {c.subject}
            </h1>
            <span class={`status-pill s-${c.status}`} data-testid="case-status" data-status={c.status}>
              {tv('caseStatus', c.status)}
            </span>
            <span class={`prio-${c.priority}`} data-testid="case-priority">
              {tv('casePriority', c.priority)}
            </span>
          </div>
          <SlaTimers sla={c.sla && 'resolution_due' in c.sla ? c.sla : null} />
          <div class="case-layout">
            <div>
              <Section title={t('case.thread')} id="thread">
                {c.description && <p class="case-description">{c.description}</p>}
                <CaseThread notes={c.notes ?? []} />
                {user && canWriteCases(user.role) && <ReplyBox caseId={c.id} staff onPosted={res.reload} />}
              </Section>
            </div>
            <div>
              <CaseActions c={c} etag={state?.etag ?? null} onChanged={(nc, etag) => setState({ c: { ...nc, notes: nc.notes ?? c.notes }, etag })} />
              <Section title={t('case.details')} id="case-details">
                <dl class="kv">
                  <div class="kv-row">
                    <dt>{t('case.customer')}</dt>
                    <dd>
                      <Link href={`/customers/${c.customer_id}`}>#{c.customer_id}</Link>
                    </dd>
                  </div>
                  <div class="kv-row">
                    <dt>{t('case.category')}</dt>
                    <dd>{tv('caseCategory', c.category)}</dd>
                  </div>
                  <div class="kv-row">
                    <dt>{t('case.channel')}</dt>
                    <dd>{tv('caseChannel', c.channel)}</dd>
                  </div>
                  <div class="kv-row">
                    <dt>{t('case.queue')}</dt>
                    <dd data-testid="case-queue">{c.queue ?? '—'}</dd>
                  </div>
                  <div class="kv-row">
                    <dt>{t('case.owner')}</dt>
                    <dd data-testid="case-owner">{c.owner_id ?? '—'}</dd>
                  </div>
                  <div class="kv-row">
                    <dt>{t('case.created')}</dt>
                    <dd>{fmt.dateTime(c.created_at)}</dd>
                  </div>
                  {c.serial && (
                    <div class="kv-row">
                      <dt>{t('case.serial')}</dt>
                      <dd>{c.serial}</dd>
                    </div>
                  )}
                  {!!c.reopen_count && (
                    <div class="kv-row">
                      <dt>{t('case.reopened')}</dt>
                      <dd>{fmt.number(c.reopen_count)}</dd>
                    </div>
                  )}
                </dl>
              </Section>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
