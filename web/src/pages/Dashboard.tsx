import '../sales.css';
import { useApp } from '../app-context';
import { ApiError, get } from '../lib/api';
import type { ValueSummary } from '../lib/analytics';
import type { MessageKey } from '../lib/messages';
import {
  TARGETS,
  aliveShare,
  compareToTarget,
  monthlyTrend,
  type MeasureId,
  type PerfectOrderReport,
  type SatisfactionReport,
  type ServiceMetricsReport,
} from '../lib/sales';
import { Chart } from '../components/Chart';
import { ErrorBox, Link, Loading, useAsync } from '../components/common';

/** The first day of the month twelve months back: the window of the trend charts. */
function trendStart(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return d.toISOString().slice(0, 10);
}

async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
    throw e;
  }
}

interface Measure {
  id: MeasureId;
  title: MessageKey;
  value: number | null;
  display: string;
  targetDisplay: string;
  href: string;
  trend: { months: string[]; values: (number | null)[] } | null;
  note?: string;
}

/**
 * The manager's dashboard: the programme's measures against the client-side targets
 * (lib/sales.ts TARGETS), each with its trend by month where the API gives one, each
 * linking to the page behind it.
 */
export function DashboardPage() {
  const { t, fmt } = useApp();
  const from = trendStart();
  const value = useAsync(() => optional(get<ValueSummary>('/api/v1/analysis/value/summary')), []);
  const sat = useAsync(() => optional(get<SatisfactionReport>(`/api/v1/service/satisfaction?group_by=month&from=${from}`)), []);
  const sla = useAsync(() => optional(get<ServiceMetricsReport>(`/api/v1/service/metrics?group_by=month&from=${from}`)), []);
  const po = useAsync(() => optional(get<PerfectOrderReport>(`/api/v1/reports/perfect-order?group_by=month&from=${from}`)), []);
  const error = [value, sat, sla, po].find((x) => x.error != null)?.error;
  if (error != null) return <div class="page"><ErrorBox error={error} /></div>;
  if ([value, sat, sla, po].some((x) => x.loading)) return <div class="page"><Loading /></div>;

  const pctText = (v: number | null) => (v === null ? '—' : `${fmt.number(Number(v.toFixed(1)))} %`);
  const numText = (v: number | null) => (v === null ? '—' : fmt.number(Number(v.toFixed(1))));
  const v = value.data ?? null;
  const retention = v ? aliveShare(v.p_alive_histogram) : null;
  const clv = v?.totals.clv ?? null;
  const clvText = (n: number | null) => (n === null ? '—' : fmt.money({ amount: n.toFixed(2), currency: v?.currency || 'CNY' }));
  const s = sat.data ?? null;
  const m = sla.data ?? null;
  const p = po.data ?? null;
  const noRun = v ? undefined : t('dash.noRun');
  const measures: Measure[] = [
    {
      id: 'retention',
      title: 'dash.retention',
      value: retention === null ? null : retention * 100,
      display: pctText(retention === null ? null : retention * 100),
      targetDisplay: `≥ ${pctText(TARGETS.retention.target)}`,
      href: '/analytics/value',
      trend: null,
      note: noRun ?? t('dash.retentionNote'),
    },
    {
      id: 'clv',
      title: 'dash.clv',
      value: clv,
      display: clvText(clv),
      targetDisplay: `≥ ${clvText(TARGETS.clv.target)}`,
      href: '/analytics/value',
      trend: null,
      note: noRun ?? t('dash.clvNote', { n: fmt.number(v?.counts.customers ?? 0) }),
    },
    {
      id: 'satisfaction',
      title: 'dash.satisfaction',
      value: s?.overall.index ?? null,
      display: numText(s?.overall.index ?? null),
      targetDisplay: `≥ ${numText(TARGETS.satisfaction.target)}`,
      href: '/service/metrics',
      trend: s ? monthlyTrend(s.groups, (g) => g.index) : null,
      note: s ? t('dash.surveys', { n: fmt.number(s.overall.surveys) }) : t('dash.noData'),
    },
    {
      id: 'nps',
      title: 'dash.nps',
      value: s?.overall.nps ?? null,
      display: numText(s?.overall.nps ?? null),
      targetDisplay: `≥ ${numText(TARGETS.nps.target)}`,
      href: '/service/metrics',
      trend: s ? monthlyTrend(s.groups, (g) => g.nps) : null,
    },
    {
      id: 'poi',
      title: 'dash.poi',
      value: p?.total.poi ?? null,
      display: numText(p?.total.poi ?? null),
      targetDisplay: `≥ ${numText(TARGETS.poi.target)}`,
      href: '/orders/perfect-order',
      trend: p ? monthlyTrend(p.groups, (g) => g.poi) : null,
      note: p ? t('dash.orders', { n: fmt.number(p.total.orders) }) : t('dash.noData'),
    },
    {
      id: 'sla',
      title: 'dash.sla',
      value: m?.overall.sla.resolution_attainment ?? null,
      display: pctText(m?.overall.sla.resolution_attainment ?? null),
      targetDisplay: `≥ ${pctText(TARGETS.sla.target)}`,
      href: '/service/metrics',
      trend: m ? monthlyTrend(m.groups, (g) => g.sla.resolution_attainment) : null,
      note: m ? t('dash.firstResponse', { v: pctText(m.overall.sla.first_response_attainment) }) : t('dash.noData'),
    },
  ];
  return (
    <div class="page dashboard" data-testid="dashboard">
      <header class="page-head">
        <h1>{t('dash.title')}</h1>
        <p class="hint">{t('dash.window', { from: fmt.date(from) })}</p>
      </header>
      <div class="measures">
        {measures.map((x) => (
          <MeasureCard key={x.id} m={x} />
        ))}
      </div>
    </div>
  );
}

function MeasureCard({ m }: { m: Measure }) {
  const { t, locale } = useApp();
  const target = TARGETS[m.id];
  const cmp = compareToTarget(m.value, target);
  return (
    <section class={`card measure status-${cmp.status}`} data-testid={`measure-${m.id}`} data-status={cmp.status} aria-label={t(m.title)}>
      <header>
        <h2>
          <Link href={m.href} data-testid={`measure-link-${m.id}`}>
            {t(m.title)}
          </Link>
        </h2>
        <span class={`badge target-${cmp.status}`}>{t(`dash.status.${cmp.status}`)}</span>
      </header>
      <p class="measure-value" data-testid="measure-value">
        {m.display}
      </p>
      <p class="measure-target">
        {t('dash.target')}: {m.targetDisplay}
      </p>
      {m.note && <p class="hint">{m.note}</p>}
      {m.trend && m.trend.months.length > 0 && (
        <Chart
          testid={`trend-${m.id}`}
          label={t('dash.trendOf', { m: t(m.title) })}
          height={120}
          deps={[m.trend, locale]}
          option={() => ({
            grid: { left: 36, right: 8, top: 10, bottom: 20 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: m.trend!.months, axisLabel: { fontSize: 9 } },
            yAxis: { type: 'value', axisLabel: { fontSize: 9 } },
            series: [
              {
                type: 'line',
                name: t(m.title),
                data: m.trend!.values.map((v) => (v === null ? null : Number(v.toFixed(2)))),
                markLine: { silent: true, symbol: 'none', label: { show: false }, data: [{ yAxis: target.target, name: t('dash.target') }], lineStyle: { type: 'dashed', color: '#999' } },
              },
            ],
          })}
        />
      )}
    </section>
  );
}
