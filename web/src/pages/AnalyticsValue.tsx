import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { ApiError, get, request } from '../lib/api';
import {
  ABC_CLASSES,
  ACCOUNT_SIZES,
  VALUE_CLASSES,
  canReadAnalytics,
  canRunAnalyses,
  drill,
  histogramSeries,
  paretoSeries,
  pollRun,
  rfmHeatmap,
  type AnalysisRun,
  type RunView,
  type ValueSummary,
} from '../lib/analytics';
import { navigate } from '../lib/router';
import { Chart } from '../components/Chart';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';

const CLASS_COLORS: Record<string, string> = { A: '#2f6db5', B: '#7aa6dc', C: '#c5d5ea' };

function useFormat() {
  const { locale } = useApp();
  const num = (n: number | null | undefined, digits = 4) =>
    n === null || n === undefined || !Number.isFinite(n) ? '—' : new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(n);
  const fixed = (n: number | null | undefined, digits = 2) =>
    n === null || n === undefined || !Number.isFinite(n) ? '—' : new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  const pct = (x: number | null | undefined, digits = 1) =>
    x === null || x === undefined || !Number.isFinite(x) ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(x);
  return { num, fixed, pct };
}

function compactMoney(locale: string, currency: string) {
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'CNY', notation: 'compact', maximumFractionDigits: 1 });
  } catch {
    nf = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  }
  return (n: number) => nf.format(n);
}

function RunPanel({ onFinished }: { onFinished: () => void }) {
  const { t, user } = useApp();
  const { pct } = useFormat();
  const [view, setView] = useState<RunView>({ phase: 'idle' });
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);
  if (!user || !canRunAnalyses(user.role)) return null;

  async function start() {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setView({ phase: 'starting' });
    try {
      const r = await request<AnalysisRun>('/api/v1/analysis/runs', { method: 'POST', body: { kind: 'value' } });
      const final = await pollRun((id) => get<AnalysisRun>(`/api/v1/analysis/runs/${id}`, c.signal), r.data, {
        signal: c.signal,
        onUpdate: (v) => !c.signal.aborted && setView(v),
      });
      if (!c.signal.aborted && final.phase === 'succeeded') onFinished();
    } catch (error) {
      if (!c.signal.aborted) setView({ phase: 'failed', error });
    }
  }

  const busy = view.phase === 'starting' || view.phase === 'polling';
  const progress = view.phase === 'polling' ? view.run.progress : view.phase === 'starting' ? 0 : 1;
  return (
    <div class="run-panel" data-testid="run-panel" data-phase={view.phase}>
      <button type="button" class="primary" data-testid="run-analysis" disabled={busy} onClick={start}>
        {busy ? t('analytics.running') : t('analytics.run')}
      </button>
      {busy && (
        <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} data-testid="run-progress">
          <div class="progress-bar" style={{ width: `${Math.round(progress * 100)}%` }} />
          <span>
            {view.phase === 'polling' ? t(`analytics.status.${view.run.status}` as 'analytics.status.queued') : t('analytics.status.queued')} · {pct(progress, 0)}
          </span>
        </div>
      )}
      {view.phase === 'succeeded' && (
        <p class="muted" role="status" data-testid="run-succeeded">
          {t('analytics.runSucceeded', { id: view.run.id })}
        </p>
      )}
      {view.phase === 'failed' &&
        (view.run && view.run.status === 'failed' ? (
          <div class="error-box" role="alert" data-testid="run-failed">
            <strong>{t('analytics.runFailed', { id: view.run.id })}</strong>
            <p class="detail">{view.run.error}</p>
          </div>
        ) : (
          <ErrorBox error={view.error} />
        ))}
    </div>
  );
}

function RunCard({ s }: { s: ValueSummary }) {
  const { t, fmt } = useApp();
  const { num, fixed } = useFormat();
  const p = s.run.parameters;
  const inputs = (s.run.inputs ?? {}) as Record<string, number | string | null>;
  return (
    <Section title={t('analytics.latestRun')} id="latest-run">
      <dl class="kv" data-testid="latest-run">
        <div class="kv-row">
          <dt>{t('analytics.finishedAt')}</dt>
          <dd>
            {fmt.dateTime(s.run.finished_at)} · #{s.run.id} · {s.run.created_by}
          </dd>
        </div>
        {p && (
          <>
            <div class="kv-row">
              <dt>{t('analytics.asOf')}</dt>
              <dd>
                {fmt.date(p.as_of)}
                {p.calibration_end ? ` · ${t('analytics.calibrationEnd')} ${fmt.date(p.calibration_end)}` : ''}
              </dd>
            </div>
            <div class="kv-row">
              <dt>{t('analytics.parameters')}</dt>
              <dd>
                {t('analytics.paramLine', {
                  model: t(`analytics.model.${p.model}` as 'analytics.model.bgnbd'),
                  unit: t(`analytics.unit.${p.unit}` as 'analytics.unit.week'),
                  rank: t(`analytics.rankBy.${p.rank_by}` as 'analytics.rankBy.revenue'),
                  h: p.horizon_months,
                  d: num(p.monthly_discount_rate * 100, 3),
                })}
              </dd>
            </div>
          </>
        )}
        <div class="kv-row">
          <dt>{t('analytics.inputs')}</dt>
          <dd>
            {t('analytics.inputLine', {
              customers: fmt.number(inputs.customers as number),
              buyers: fmt.number(inputs.customers_with_purchases as number),
              tx: fmt.number(inputs.transactions as number),
              repeat: fmt.number(inputs.fit_repeat_customers as number),
            })}
          </dd>
        </div>
      </dl>
      <div class="table-wrap">
        <table class="grid" data-testid="fitted-models">
          <thead>
            <tr>
              <th>{t('analytics.modelCol')}</th>
              <th>{t('analytics.paramsCol')}</th>
              <th class="num">{t('analytics.logLik')}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-model="bgnbd">
              <td>
                {t('analytics.model.bgnbd')}
                {s.model === 'bgnbd' && <span class="badge">{t('analytics.chosen')}</span>}
              </td>
              <td>{s.bgnbd ? `r = ${num(s.bgnbd.r)}, α = ${num(s.bgnbd.alpha)}, a = ${num(s.bgnbd.a)}, b = ${num(s.bgnbd.b)}` : t('analytics.notFitted')}</td>
              <td class="num">{fixed(s.bgnbd?.log_likelihood)}</td>
            </tr>
            <tr data-model="paretonbd">
              <td>
                {t('analytics.model.paretonbd')}
                {s.model === 'paretonbd' && <span class="badge">{t('analytics.chosen')}</span>}
              </td>
              <td>{s.paretonbd ? `r = ${num(s.paretonbd.r)}, α = ${num(s.paretonbd.alpha)}, s = ${num(s.paretonbd.s)}, β = ${num(s.paretonbd.beta)}` : t('analytics.notFitted')}</td>
              <td class="num">{fixed(s.paretonbd?.log_likelihood)}</td>
            </tr>
            <tr data-model="gamma_gamma">
              <td>{t('analytics.model.gamma_gamma')}</td>
              <td>
                {s.gamma_gamma ? `p = ${num(s.gamma_gamma.p)}, q = ${num(s.gamma_gamma.q)}, γ = ${num(s.gamma_gamma.gamma)}` : t('analytics.notFitted')}
                {s.gamma_gamma_check && (
                  <div class="muted">
                    {t('analytics.ggCheck', {
                      used: fmt.number(s.gamma_gamma_check.customers_used),
                      corr: num(s.gamma_gamma_check.frequency_spend_correlation, 2),
                      ok: s.gamma_gamma_check.independence_plausible ? t('common.yes') : t('common.no'),
                    })}
                  </div>
                )}
              </td>
              <td class="num">{fixed(s.gamma_gamma_check?.log_likelihood)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {s.warnings?.length > 0 && (
        <ul class="notice warnings" data-testid="run-warnings">
          {s.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Counts({ s }: { s: ValueSummary }) {
  const { t, tv, fmt } = useApp();
  const money = (n: number | null) => fmt.money(n === null ? null : { amount: String(n), currency: s.currency });
  const group = (title: string, entries: { label: string; n: number; href: string; testid: string }[]) => (
    <div class="count-group">
      <h3>{title}</h3>
      <ul class="count-list">
        {entries.map((e) => (
          <li key={e.testid}>
            <Link href={e.href} data-testid={e.testid}>
              {e.label}
            </Link>
            <span class="num">{fmt.number(e.n)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <Section title={t('analytics.classes')} id="classes">
      <p>
        {t('analytics.totals', {
          customers: fmt.number(s.counts.customers),
          scored: fmt.number(s.counts.scored_by_model),
          clv: money(s.totals.clv),
          dclv: money(s.totals.clv_discounted),
        })}
      </p>
      <div class="count-groups" data-testid="class-counts">
        {group(
          t('score.value_class'),
          VALUE_CLASSES.map((c) => ({ label: tv('valueClass', c), n: s.counts.value_class?.[c] ?? 0, href: drill.valueClass(c), testid: `value-${c}` })),
        )}
        {group(
          t('score.account_size'),
          ACCOUNT_SIZES.map((c) => ({ label: tv('accountSize', c), n: s.counts.account_size?.[c] ?? 0, href: drill.accountSize(c), testid: `size-${c}` })),
        )}
        {group(
          t('score.abc_class'),
          ABC_CLASSES.map((c) => ({ label: t('analytics.classN', { c }), n: s.counts.abc?.[c] ?? 0, href: drill.abc(c), testid: `abc-${c}` })),
        )}
      </div>
    </Section>
  );
}

function ParetoCard({ s }: { s: ValueSummary }) {
  const { t, locale } = useApp();
  const { pct } = useFormat();
  const series = paretoSeries(s);
  const money = compactMoney(locale, s.currency);
  const marks = (['B', 'C'] as const)
    .filter((k) => series.boundaries[k] !== null)
    .map((k) => ({ xAxis: series.categories[series.boundaries[k]!], label: { formatter: k === 'B' ? 'A | B' : 'B | C' } }));
  return (
    <Section title={t('analytics.pareto')} id="pareto">
      <p class="muted">{t('analytics.paretoHelp', { rank: t(`analytics.rankBy.${s.abc.rank_by}` as 'analytics.rankBy.revenue') })}</p>
      <Chart
        testid="pareto-chart"
        label={t('analytics.pareto')}
        height={300}
        deps={[s, locale]}
        onClick={(e) => {
          const cls = series.classes[e.dataIndex];
          if (cls) navigate(drill.abc(cls));
        }}
        option={() => ({
          grid: { left: 70, right: 50, top: 30, bottom: 40 },
          tooltip: { trigger: 'axis' },
          legend: { data: [t('analytics.valueBar'), t('analytics.cumulative')], top: 0 },
          xAxis: { type: 'category', data: series.categories, name: t('analytics.rank'), nameLocation: 'middle', nameGap: 26 },
          yAxis: [
            { type: 'value', axisLabel: { formatter: (v: number) => money(v) } },
            { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' }, splitLine: { show: false } },
          ],
          series: [
            {
              type: 'bar',
              name: t('analytics.valueBar'),
              data: series.values.map((v, i) => ({ value: v, itemStyle: { color: CLASS_COLORS[series.classes[i]] } })),
              tooltip: { valueFormatter: (v: unknown) => money(Number(v)) },
              markLine: { symbol: 'none', silent: true, lineStyle: { color: '#b42318', type: 'dashed' }, data: marks },
            },
            {
              type: 'line',
              name: t('analytics.cumulative'),
              yAxisIndex: 1,
              data: series.cumulative,
              symbol: 'none',
              itemStyle: { color: '#f79009' },
              tooltip: { valueFormatter: (v: unknown) => `${v} %` },
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#98a2b3', type: 'dotted' },
                data: [
                  { yAxis: series.cutoffs.A, label: { position: 'insideEndBottom', formatter: `A ${pct(series.cutoffs.A / 100)}` } },
                  { yAxis: series.cutoffs.B, label: { position: 'insideEndBottom', formatter: `A+B ${pct(series.cutoffs.B / 100)}` } },
                ],
              },
            },
          ],
        })}
      />
      <ul class="class-legend" data-testid="pareto-classes">
        {ABC_CLASSES.map((c) => (
          <li key={c}>
            <span class="swatch" style={{ background: CLASS_COLORS[c] }} />
            <Link href={drill.abc(c)} data-testid={`pareto-${c}`}>
              {t('analytics.classLine', { c, n: s.abc.classes[c]?.customers ?? 0, share: pct(s.abc.classes[c]?.share) })}
            </Link>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function RfmCard({ s }: { s: ValueSummary }) {
  const { t, fmt, locale } = useApp();
  const h = rfmHeatmap(s.rfm_grid ?? []);
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : fmt.money({ amount: String(n), currency: s.currency }));
  return (
    <Section title={t('analytics.rfm')} id="rfm">
      <p class="muted">{t('analytics.rfmHelp')}</p>
      <Chart
        testid="rfm-chart"
        label={t('analytics.rfm')}
        height={320}
        deps={[s, locale]}
        onClick={(e) => {
          const d = e.data as [number, number, number] | undefined;
          if (d) navigate(drill.rfm(d[1] + 1, d[0] + 1));
        }}
        option={() => ({
          grid: { left: 60, right: 20, top: 10, bottom: 70 },
          tooltip: {
            formatter: (p: { data: [number, number, number] }) =>
              `R ${p.data[1] + 1} · F ${p.data[0] + 1}<br/>${t('analytics.customers')}: ${fmt.number(p.data[2])}<br/>${t('analytics.meanMonetary')}: ${money(h.mean.get(`${p.data[1] + 1},${p.data[0] + 1}`))}`,
          },
          xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: t('analytics.fScore'), nameLocation: 'middle', nameGap: 24, splitArea: { show: true } },
          yAxis: { type: 'category', data: ['1', '2', '3', '4', '5'], name: t('analytics.rScore'), nameLocation: 'middle', nameGap: 30, splitArea: { show: true } },
          visualMap: { min: 0, max: Math.max(1, h.max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f2f6fc', '#2f6db5'] } },
          series: [
            {
              type: 'heatmap',
              name: t('analytics.customers'),
              data: h.points,
              label: { show: true, formatter: (p: { data: [number, number, number] }) => `${fmt.number(p.data[2])}\n${money(h.mean.get(`${p.data[1] + 1},${p.data[0] + 1}`))}`, fontSize: 10 },
            },
          ],
        })}
      />
    </Section>
  );
}

function HistogramChart({ s, field, testid, label }: { s: ValueSummary; field: 'clv' | 'p_alive'; testid: string; label: string }) {
  const { t, locale, fmt } = useApp();
  const { pct } = useFormat();
  const bins = field === 'clv' ? s.clv_histogram : s.p_alive_histogram;
  if (!bins?.length) return <Empty>{t('analytics.noModelScores')}</Empty>;
  const fmtBound = field === 'clv' ? compactMoney(locale, s.currency) : (n: number) => pct(n, 0);
  const hs = histogramSeries(bins, fmtBound);
  return (
    <Chart
      testid={testid}
      label={label}
      deps={[s, locale, field]}
      onClick={(e) => navigate(drill.bin(field, bins[e.dataIndex], e.dataIndex === bins.length - 1))}
      option={() => ({
        grid: { left: 50, right: 16, top: 16, bottom: 60 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => fmt.number(Number(v)) },
        xAxis: { type: 'category', data: hs.labels, axisLabel: { rotate: 40, fontSize: 10 } },
        yAxis: { type: 'value', minInterval: 1, name: t('analytics.customers') },
        series: [{ type: 'bar', name: t('analytics.customers'), data: hs.counts, itemStyle: { color: field === 'clv' ? '#2f6db5' : '#12b76a' } }],
      })}
    />
  );
}

function ClvCard({ s }: { s: ValueSummary }) {
  const { t, tv, fmt } = useApp();
  const { pct, fixed } = useFormat();
  const money = (n: number | null) => fmt.money(n === null ? null : { amount: String(n), currency: s.currency });
  return (
    <Section title={t('analytics.clv')} id="clv">
      <p class="muted">{t('analytics.clvHelp', { h: s.run.parameters?.horizon_months ?? 12 })}</p>
      <HistogramChart s={s} field="clv" testid="clv-chart" label={t('analytics.clv')} />
      <h3>{t('analytics.top')}</h3>
      {s.top_customers?.length ? (
        <div class="table-wrap">
          <table class="grid" data-testid="top-customers">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('field.name')}</th>
                <th class="num">{t('score.clv')}</th>
                <th class="num">{t('score.p_alive')}</th>
                <th class="num">{t('score.expected_purchases_90d')}</th>
                <th>{t('score.abc_class')}</th>
                <th>{t('score.value_class')}</th>
                <th>{t('score.rfm_cell')}</th>
              </tr>
            </thead>
            <tbody>
              {s.top_customers.map((c, i) => (
                <tr key={c.customer_id}>
                  <td>{i + 1}</td>
                  <td>
                    <Link href={`/customers/${c.customer_id}`}>{c.name}</Link>
                  </td>
                  <td class="num">{money(c.clv)}</td>
                  <td class="num">{pct(c.p_alive)}</td>
                  <td class="num">{fixed(c.expected_purchases_90d)}</td>
                  <td>{c.abc_class ?? '—'}</td>
                  <td>{tv('valueClass', c.value_class) || '—'}</td>
                  <td>{c.rfm_cell ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>{t('analytics.noModelScores')}</Empty>
      )}
    </Section>
  );
}

function AliveCard({ s }: { s: ValueSummary }) {
  const { t, fmt } = useApp();
  const { fixed } = useFormat();
  const h = s.holdout;
  return (
    <Section title={t('analytics.alive')} id="alive">
      <p class="muted">{t('analytics.aliveHelp')}</p>
      <HistogramChart s={s} field="p_alive" testid="p-alive-chart" label={t('analytics.alive')} />
      <p>
        <Link class="button" href={drill.churnRisk()} data-testid="churn-risk">
          {t('analytics.churnRisk')}
        </Link>{' '}
        <span class="muted">{t('analytics.churnRiskHelp')}</span>
      </p>
      {h && (
        <>
          <h3>{t('analytics.holdout')}</h3>
          <p class="muted">
            {t('analytics.holdoutLine', { expected: fixed(h.expected_total, 1), actual: fixed(h.actual_total, 1), mae: fixed(h.mean_absolute_error, 3) })}
          </p>
          <div class="table-wrap">
            <table class="grid" data-testid="holdout">
              <thead>
                <tr>
                  <th>{t('analytics.frequency')}</th>
                  <th class="num">{t('analytics.customers')}</th>
                  <th class="num">{t('analytics.actual')}</th>
                  <th class="num">{t('analytics.expected')}</th>
                </tr>
              </thead>
              <tbody>
                {h.buckets.map((b) => (
                  <tr key={b.frequency}>
                    <td>
                      {b.frequency}
                      {b.open_ended ? '+' : ''}
                    </td>
                    <td class="num">{fmt.number(b.customers)}</td>
                    <td class="num">{fixed(b.actual_mean)}</td>
                    <td class="num">{fixed(b.expected_mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}

export function AnalyticsValuePage() {
  const { t, user } = useApp();
  const res = useAsync((signal) => get<ValueSummary>('/api/v1/analysis/value/summary', signal), []);
  const noRun = res.error instanceof ApiError && res.error.status === 404;
  if (user && !canReadAnalytics(user.role)) {
    return (
      <div class="page">
        <ErrorBox error={new ApiError({ status: 403, title: t('error.title'), detail: t('error.forbidden'), errors: [] })} />
      </div>
    );
  }
  const s = res.data;
  return (
    <div class="page analytics" data-testid="analytics-value">
      <div class="page-head">
        <div>
          <h1>{t('analytics.valueTitle')}</h1>
          <p class="muted">{t('analytics.valueIntro')}</p>
        </div>
        <RunPanel onFinished={res.reload} />
      </div>
      {res.loading && !s && <Loading />}
      {noRun && (
        <div class="card empty-state" data-testid="analytics-empty">
          <h2>{t('analytics.emptyTitle')}</h2>
          <p>{user && canRunAnalyses(user.role) ? t('analytics.emptyRun') : t('analytics.emptyAsk')}</p>
        </div>
      )}
      {res.error != null && !noRun && <ErrorBox error={res.error} onRetry={res.reload} />}
      {s && (
        <div data-testid="analytics-summary" data-run={s.run.id}>
          <div class="grid-2">
            <RunCard s={s} />
            <Counts s={s} />
          </div>
          <ParetoCard s={s} />
          <div class="grid-2">
            <RfmCard s={s} />
            <AliveCard s={s} />
          </div>
          <ClvCard s={s} />
        </div>
      )}
    </div>
  );
}
