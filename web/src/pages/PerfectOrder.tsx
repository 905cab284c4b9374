import '../sales.css';
import { useApp } from '../app-context';
import { get } from '../lib/api';
import { navigate } from '../lib/router';
import { PO_COMPONENTS, monthRange, monthlyTrend, pct, type PerfectOrderFigures, type PerfectOrderReport } from '../lib/sales';
import { Chart } from '../components/Chart';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';

function report(groupBy: string, from: string, to: string, signal: AbortSignal) {
  const p = new URLSearchParams({ group_by: groupBy });
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  return get<PerfectOrderReport>(`/api/v1/reports/perfect-order?${p.toString()}`, signal);
}

/**
 * The Perfect Order dashboard: POI and SCOR, the four component rates, the trend by month
 * (click a month to see that month's carriers) and tables by carrier (→ its shipments and
 * orders) and by segment.
 */
export function PerfectOrderPage({ search }: { search: string }) {
  const { t, fmt, locale } = useApp();
  const q = new URLSearchParams(search);
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  const monthly = useAsync((signal) => report('month', '', '', signal), []);
  const carriers = useAsync((signal) => report('carrier', from, to, signal), [from, to]);
  const segments = useAsync((signal) => report('segment', from, to, signal), [from, to]);
  const setPeriod = (f: string, tt: string) => {
    const p = new URLSearchParams();
    if (f) p.set('from', f);
    if (tt) p.set('to', tt);
    const s = p.toString();
    navigate(`/orders/perfect-order${s ? `?${s}` : ''}`);
  };
  const total = carriers.data?.total;
  const num = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : fmt.number(Number(v.toFixed(digits))));
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${num(v * 100)} %`);
  const trend = monthly.data ? monthlyTrend(monthly.data.groups, (g) => g.poi) : null;
  return (
    <div class="page perfect-order" data-testid="perfect-order">
      <header class="page-head">
        <h1>{t('po.dashboard')}</h1>
        <form
          class="period"
          onSubmit={(e) => {
            e.preventDefault();
            const f = e.currentTarget as HTMLFormElement;
            setPeriod((f.elements.namedItem('from') as HTMLInputElement).value, (f.elements.namedItem('to') as HTMLInputElement).value);
          }}
        >
          <label>
            {t('po.from')} <input type="date" name="from" value={from} />
          </label>
          <label>
            {t('po.to')} <input type="date" name="to" value={to} />
          </label>
          <button type="submit">{t('common.apply')}</button>
          {(from || to) && (
            <button type="button" onClick={() => setPeriod('', '')} data-testid="po-all-time">
              {t('common.reset')}
            </button>
          )}
        </form>
      </header>
      {(from || to) && <p class="notice">{t('po.period', { from: from ? fmt.date(from) : '…', to: to ? fmt.date(to) : '…' })}</p>}
      {carriers.error != null ? (
        <ErrorBox error={carriers.error} />
      ) : !total ? (
        <Loading />
      ) : (
        <div class="kpis" data-testid="po-kpis">
          <Kpi id="poi" label={t('po.poi')} value={num(total.poi)} hint={t('po.poiHint')} />
          <Kpi id="scor" label={t('po.scor')} value={total.scor === null ? '—' : `${num(total.scor)} %`} hint={t('po.scorHint')} />
          {PO_COMPONENTS.map((c) => (
            <Kpi key={c} id={c} label={t(`po.${c}`)} value={rate(total[c])} />
          ))}
          <Kpi id="orders" label={t('po.orders')} value={fmt.number(total.orders)} hint={t('po.perfectOrders', { n: total.perfect_orders })} />
          <Kpi id="fill_rate" label={t('po.fillRate')} value={rate(total.fill_rate)} />
        </div>
      )}
      <Section title={t('po.trend')}>
        {monthly.error != null ? (
          <ErrorBox error={monthly.error} />
        ) : !monthly.data || !trend ? (
          <Loading />
        ) : trend.months.length === 0 ? (
          <Empty>{t('po.noData')}</Empty>
        ) : (
          <Chart
            testid="po-trend-chart"
            label={t('po.trend')}
            deps={[monthly.data, locale]}
            onClick={(e) => {
              const m = trend.months[e.dataIndex];
              const r = m ? monthRange(m) : null;
              if (r) setPeriod(r.from, r.to);
            }}
            option={() => {
              const groups = [...monthly.data!.groups].filter((g) => /^\d{4}-\d{2}$/.test(g.key)).sort((a, b) => a.key.localeCompare(b.key));
              return {
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 48, right: 16, top: 56, bottom: 30 },
                xAxis: { type: 'category', data: trend.months },
                yAxis: { type: 'value', max: 100 },
                series: [
                  { type: 'bar', name: t('po.poi'), data: trend.values.map((v) => (v === null ? null : Number(v.toFixed(2)))) },
                  { type: 'line', name: t('po.scor'), data: groups.map((g) => (g.scor === null ? null : Number(g.scor.toFixed(2)))) },
                  ...PO_COMPONENTS.map((c) => ({
                    type: 'line',
                    name: t(`po.${c}`),
                    data: groups.map((g) => {
                      const v = pct(g[c]);
                      return v === null ? null : Number(v.toFixed(2));
                    }),
                  })),
                ],
              };
            }}
          />
        )}
        <p class="hint">{t('po.trendHint')}</p>
      </Section>
      <div class="grid-2">
        <Section title={t('po.byCarrier')}>
          <GroupTable data={carriers.data?.groups} error={carriers.error} testid="po-carriers" link={(k) => `/shipments?carrier=${encodeURIComponent(k)}`} />
        </Section>
        <Section title={t('po.bySegment')}>
          <GroupTable data={segments.data?.groups} error={segments.error} testid="po-segments" />
        </Section>
      </div>
    </div>
  );
}

function Kpi({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  return (
    <div class="kpi card" data-testid={`kpi-${id}`}>
      <span class="kpi-label">{label}</span>
      <strong class="kpi-value">{value}</strong>
      {hint && <span class="kpi-hint">{hint}</span>}
    </div>
  );
}

function GroupTable({ data, error, testid, link }: { data: (PerfectOrderFigures & { key: string })[] | undefined; error: unknown; testid: string; link?: (key: string) => string }) {
  const { t, tv, fmt } = useApp();
  if (error != null) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  if (data.length === 0) return <Empty>{t('po.noData')}</Empty>;
  const rate = (v: number | null) => (v === null ? '—' : `${fmt.number(Number((v * 100).toFixed(1)))} %`);
  const one = (v: number | null) => (v === null ? '—' : fmt.number(Number(v.toFixed(1))));
  return (
    <div class="table-wrap">
      <table data-testid={testid}>
        <thead>
          <tr>
            <th>{t('po.group')}</th>
            <th class="num">{t('po.orders')}</th>
            <th class="num">{t('po.poi')}</th>
            <th class="num">{t('po.scor')}</th>
            {PO_COMPONENTS.map((c) => (
              <th key={c} class="num">
                {t(`po.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((g) => (
            <tr key={g.key} data-key={g.key}>
              <td>{link ? <Link href={link(g.key)} data-testid="po-drill">{g.key}</Link> : tv('valueClass', g.key)}</td>
              <td class="num">{fmt.number(g.orders)}</td>
              <td class="num">{one(g.poi)}</td>
              <td class="num">{g.scor === null ? '—' : `${one(g.scor)} %`}</td>
              {PO_COMPONENTS.map((c) => (
                <td key={c} class="num">
                  {rate(g[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
