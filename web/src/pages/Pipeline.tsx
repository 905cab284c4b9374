import '../sales.css';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { ApiError, get, request } from '../lib/api';
import { navigate } from '../lib/router';
import type { Page } from '../lib/types';
import {
  STAGES,
  canMoveOpportunity,
  checkMove,
  forecastSeries,
  ifMatch,
  moveBody,
  moveCard,
  type BoardStage,
  type ForecastRow,
  type Opportunity,
  type Stage,
  type Task,
} from '../lib/sales';
import { Chart } from '../components/Chart';
import { CustomerLink, useCustomerNames } from '../components/CustomerNames';
import { Empty, ErrorBox, Loading, Section, useAsync } from '../components/common';

type Columns = Record<Stage, Opportunity[]>;
type Notice = { kind: 'info' | 'error'; text: string } | null;

function emptyColumns(): Columns {
  return Object.fromEntries(STAGES.map((s) => [s, []])) as unknown as Columns;
}

function problemText(e: unknown): string {
  if (e instanceof ApiError) return e.problem.errors[0]?.message ? `${e.problem.detail ?? ''} ${e.problem.errors.map((x) => `${x.field}: ${x.message}`).join('; ')}`.trim() : e.message;
  return e instanceof Error ? e.message : String(e);
}

export function PipelinePage({ search }: { search: string }) {
  const { t, tv, fmt, user } = useApp();
  const mine = new URLSearchParams(search).get('mine') === '1';
  const [columns, setColumns] = useState<Columns>(emptyColumns);
  const [cursors, setCursors] = useState<Partial<Record<Stage, string | null>>>({});
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<Notice>(null);
  const [dragId, setDragId] = useState<number | null>(null);
  const [over, setOver] = useState<Stage | null>(null);
  const [pendingLost, setPendingLost] = useState<{ opp: Opportunity; reason: string } | null>(null);
  const [boardTick, setBoardTick] = useState(0);
  const board = useAsync((signal) => get<{ stages: BoardStage[] }>('/api/v1/pipeline/board', signal), [boardTick]);
  const forecast = useAsync((signal) => get<{ data: ForecastRow[] }>('/api/v1/pipeline/forecast?group_by=month', signal), [boardTick]);

  async function loadStage(stage: Stage, cursor?: string | null) {
    const p = new URLSearchParams({ 'filter[stage]': stage, limit: '50' });
    if (mine && user) p.set('filter[owner_id]', String(user.id));
    if (cursor) p.set('cursor', cursor);
    return get<Page<Opportunity>>(`/api/v1/opportunities?${p.toString()}`);
  }

  useEffect(() => {
    let live = true;
    setLoading(true);
    setLoadError(null);
    Promise.all(STAGES.map((s) => loadStage(s))).then(
      (pages) => {
        if (!live) return;
        const cols = emptyColumns();
        const next: Partial<Record<Stage, string | null>> = {};
        STAGES.forEach((s, i) => {
          cols[s] = pages[i].data ?? [];
          next[s] = pages[i].next_cursor ?? null;
        });
        setColumns(cols);
        setCursors(next);
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setLoadError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [mine]);

  const names = useCustomerNames(STAGES.flatMap((s) => columns[s].map((o) => o.customer_id)));

  async function more(stage: Stage) {
    try {
      const r = await loadStage(stage, cursors[stage]);
      setColumns((c) => ({ ...c, [stage]: [...c[stage], ...(r.data ?? [])] }));
      setCursors((c) => ({ ...c, [stage]: r.next_cursor ?? null }));
    } catch (e) {
      setNotice({ kind: 'error', text: problemText(e) });
    }
  }

  async function reloadCard(id: number) {
    try {
      const fresh = await get<Opportunity>(`/api/v1/opportunities/${id}`);
      setColumns((c) => moveCard(c, id, fresh.stage, fresh));
    } catch {
      /* keep what we have */
    }
  }

  async function move(opp: Opportunity, target: Stage, lostReason?: string) {
    if (!user) return;
    const check = checkMove(opp, target, user);
    if (!check.ok) {
      if (check.reason !== 'same') setNotice({ kind: 'error', text: t(check.reason === 'not_owner' ? 'pipeline.notOwner' : 'pipeline.readOnly') });
      return;
    }
    if (check.needsReason && lostReason === undefined) {
      setPendingLost({ opp, reason: '' });
      return;
    }
    const before = columns;
    setColumns((c) => moveCard(c, opp.id, target));
    try {
      const r = await request<Opportunity>(`/api/v1/opportunities/${opp.id}`, {
        method: 'PATCH',
        body: moveBody(target, lostReason),
        headers: { 'If-Match': ifMatch(opp.version), 'Content-Type': 'application/merge-patch+json' },
      });
      setColumns((c) => moveCard(c, opp.id, r.data.stage, r.data));
      setNotice({ kind: 'info', text: t('pipeline.moved', { name: opp.name, stage: tv('stage', target) }) });
      setBoardTick((n) => n + 1);
    } catch (e) {
      setColumns(before);
      if (e instanceof ApiError && e.status === 412) {
        setNotice({ kind: 'error', text: t('pipeline.stale', { name: opp.name }) });
        await reloadCard(opp.id);
      } else setNotice({ kind: 'error', text: problemText(e) });
    }
  }

  const byId = (id: number | null) => (id === null ? undefined : STAGES.flatMap((s) => columns[s]).find((o) => o.id === id));

  return (
    <div class="page pipeline-page">
      <header class="page-head">
        <h1>{t('pipeline.title')}</h1>
        <label class="inline">
          <input
            type="checkbox"
            data-testid="only-mine"
            checked={mine}
            onChange={(e) => navigate((e.currentTarget as HTMLInputElement).checked ? '/pipeline?mine=1' : '/pipeline', { replace: true })}
          />{' '}
          {t('pipeline.onlyMine')}
        </label>
      </header>
      {notice && (
        <p class={notice.kind === 'error' ? 'notice error' : 'notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="pipeline-notice">
          {notice.text}
        </p>
      )}
      {loadError != null ? (
        <ErrorBox error={loadError} />
      ) : loading ? (
        <Loading />
      ) : (
        <div class="kanban" data-testid="kanban">
          {STAGES.map((stage) => {
            const info = board.data?.stages.find((b) => b.stage === stage);
            const dragged = byId(dragId);
            const allowed = dragged && user ? checkMove(dragged, stage, user).ok : false;
            return (
              <section
                key={stage}
                class={`kanban-col stage-${stage}${over === stage && allowed ? ' over' : ''}`}
                data-testid={`col-${stage}`}
                data-stage={stage}
                aria-label={tv('stage', stage)}
                onDragOver={(e) => {
                  if (!allowed) return;
                  e.preventDefault();
                  if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
                  setOver(stage);
                }}
                onDragLeave={() => setOver((o) => (o === stage ? null : o))}
                onDrop={(e) => {
                  e.preventDefault();
                  setOver(null);
                  const id = Number(e.dataTransfer?.getData('text/plain') || dragId);
                  const opp = byId(id);
                  setDragId(null);
                  if (opp) void move(opp, stage);
                }}
              >
                <header>
                  <h2>{tv('stage', stage)}</h2>
                  <p class="col-meta">
                    {info ? `${fmt.number(info.count)} · ${info.probability} %` : ''}
                    {info?.totals.map((x) => (
                      <span key={x.currency} class="col-total">
                        {fmt.money({ amount: x.amount, currency: x.currency })}
                      </span>
                    ))}
                  </p>
                  {stage === 'lost' && <p class="drop-hint">{t('pipeline.lostHint')}</p>}
                </header>
                <ul class="cards">
                  {columns[stage].length === 0 && <li class="empty">{t('pipeline.emptyCol')}</li>}
                  {columns[stage].map((o) => {
                    const movable = user ? canMoveOpportunity(o, user) : false;
                    return (
                      <li
                        key={o.id}
                        class={`opp-card${dragId === o.id ? ' dragging' : ''}`}
                        draggable={movable}
                        data-testid="opp-card"
                        data-id={o.id}
                        data-stage={o.stage}
                        onDragStart={(e) => {
                          e.dataTransfer?.setData('text/plain', String(o.id));
                          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                          setDragId(o.id);
                        }}
                        onDragEnd={() => {
                          setDragId(null);
                          setOver(null);
                        }}
                      >
                        <strong class="opp-name">{o.name}</strong>
                        <span class="opp-customer">
                          <CustomerLink id={o.customer_id} names={names} />
                        </span>
                        <span class="opp-amount">{fmt.money(o.amount)}</span>
                        <span class="opp-meta">
                          {t('pipeline.owner')}: {o.owner_id === null ? '—' : String(o.owner_id) === String(user?.id) ? t('pipeline.me') : t('pipeline.user', { id: o.owner_id })}
                        </span>
                        <span class="opp-meta">
                          {t('pipeline.expectedClose')}: {fmt.date(o.expected_close)}
                        </span>
                        {o.lost_reason && <span class="opp-meta lost-reason">{o.lost_reason}</span>}
                        {movable && (
                          <label class="sr-move">
                            <span class="sr-only">{t('pipeline.moveTo')}</span>
                            <select
                              aria-label={t('pipeline.moveTo')}
                              data-testid="move-select"
                              value={o.stage}
                              onChange={(e) => {
                                const v = (e.currentTarget as HTMLSelectElement).value as Stage;
                                void move(o, v);
                              }}
                            >
                              {STAGES.map((s) => (
                                <option key={s} value={s}>
                                  {tv('stage', s)}
                                </option>
                              ))}
                            </select>
                          </label>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {cursors[stage] && (
                  <button type="button" class="more" onClick={() => more(stage)}>
                    {t('common.loadMore')}
                  </button>
                )}
              </section>
            );
          })}
        </div>
      )}
      {pendingLost && (
        <div class="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('pipeline.lostTitle')}>
          <form
            class="dialog card"
            data-testid="lost-dialog"
            onSubmit={(e) => {
              e.preventDefault();
              const p = pendingLost;
              setPendingLost(null);
              void move(p.opp, 'lost', p.reason);
            }}
          >
            <h2>{t('pipeline.lostTitle')}</h2>
            <p>{pendingLost.opp.name}</p>
            <label>
              {t('pipeline.lostReason')}
              <input
                name="lost_reason"
                data-testid="lost-reason"
                value={pendingLost.reason}
                onInput={(e) => setPendingLost({ ...pendingLost, reason: (e.currentTarget as HTMLInputElement).value })}
                autoFocus
              />
            </label>
            <div class="actions">
              <button type="submit">{t('pipeline.markLost')}</button>
              <button type="button" onClick={() => setPendingLost(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </div>
      )}
      <div class="grid-2">
        <Section title={t('pipeline.forecast')}>
          {forecast.error != null ? (
            <ErrorBox error={forecast.error} />
          ) : !forecast.data ? (
            <Loading />
          ) : forecast.data.data.length === 0 ? (
            <Empty>{t('pipeline.noForecast')}</Empty>
          ) : (
            <ForecastChart rows={forecast.data.data} />
          )}
        </Section>
        <Section title={t('tasks.title')}>
          <TaskList />
        </Section>
      </div>
    </div>
  );
}

function ForecastChart({ rows }: { rows: ForecastRow[] }) {
  const { t, fmt, locale } = useApp();
  const s = forecastSeries(rows);
  return (
    <Chart
      testid="forecast-chart"
      label={t('pipeline.forecast')}
      deps={[rows, locale]}
      option={() => ({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 70, right: 16, top: 32, bottom: 30 },
        xAxis: { type: 'category', data: s.months },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v) } },
        series: s.currencies.flatMap((c) => [
          { type: 'bar', name: `${t('pipeline.weighted')} (${c.currency})`, data: c.weighted },
          { type: 'line', name: `${t('pipeline.amount')} (${c.currency})`, data: c.amount },
        ]),
      })}
    />
  );
}

/** My tasks (the API orders them overdue first), with a done toggle (PATCH + If-Match). */
export function TaskList() {
  const { t, fmt, user } = useApp();
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const tasks = useAsync(
    (signal) => get<Page<Task>>(`/api/v1/tasks?${new URLSearchParams({ 'filter[assignee_id]': String(user?.id ?? ''), limit: '50' }).toString()}`, signal),
    [tick, user?.id],
  );
  const names = useCustomerNames((tasks.data?.data ?? []).map((x) => x.customer_id));
  async function toggle(task: Task) {
    setError(null);
    try {
      await request(`/api/v1/tasks/${task.id}`, {
        method: 'PATCH',
        body: { status: task.status === 'done' ? 'open' : 'done' },
        headers: { 'If-Match': ifMatch(task.version), 'Content-Type': 'application/merge-patch+json' },
      });
    } catch (e) {
      setError(e);
    }
    setTick((n) => n + 1);
  }
  if (tasks.error != null) return <ErrorBox error={tasks.error} />;
  if (!tasks.data) return <Loading />;
  const rows = tasks.data.data ?? [];
  if (rows.length === 0) return <Empty>{t('tasks.none')}</Empty>;
  return (
    <>
      {error != null && <ErrorBox error={error} />}
      <ul class="task-list" data-testid="task-list">
        {rows.map((x) => (
          <li key={x.id} class={`task ${x.overdue ? 'overdue' : ''} ${x.status}`} data-testid="task" data-overdue={String(x.overdue)}>
            <label>
              <input type="checkbox" checked={x.status === 'done'} data-testid="task-done" onChange={() => toggle(x)} /> <span class="task-title">{x.title}</span>
            </label>
            <span class="task-meta">
              {x.overdue && <span class="badge bad">{t('tasks.overdue')}</span>} {t('tasks.due')} {fmt.dateTime(x.due_at)} · <CustomerLink id={x.customer_id} names={names} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
