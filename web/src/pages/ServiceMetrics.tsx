// Service metrics dashboard and the volume forecast with staffing (ECharts).
import { useApp } from '../app-context';
import { get } from '../lib/api';
import { BACKLOG_BUCKETS, canReadForecast, hourOfWeekLabel, type Forecast, type ServiceMetrics } from '../lib/service';
import { Chart } from '../components/Chart';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';
import '../service.css';

export function ServiceTabs({ active }: { active: 'queue' | 'metrics' | 'forecast' }) {
  const { t, user } = useApp();
  const tabs: { id: typeof active; href: string; label: string }[] = [
    { id: 'queue', href: '/service', label: t('service.queue') },
    { id: 'metrics', href: '/service/metrics', label: t('service.metrics') },
    ...(user && canReadForecast(user.role) ? [{ id: 'forecast' as const, href: '/service/forecast', label: t('service.forecast') }] : []),
  ];
  return (
    <nav class="actions service-tabs" aria-label={t('nav.service')}>
      {tabs.map((x) => (
        <Link key={x.id} href={x.href} class={x.id === active ? 'button primary' : 'button'} data-testid={`service-tab-${x.id}`} aria-current={x.id === active ? 'page' : undefined}>
          {x.label}
        </Link>
      ))}
    </nav>
  );
}

const round1 = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);

function Tile({ label, value, testid }: { label: string; value: string; testid?: string }) {
  return (
    <div class="metric-tile" data-testid={testid}>
      <div class="v">{value}</div>
      <div class="l">{label}</div>
    </div>
  );
}

export function ServiceMetricsPage() {
  const { t, tv, fmt } = useApp();
  const res = useAsync(
    async (signal) => {
      const [byCat, byChan] = await Promise.all([
        get<ServiceMetrics>('/api/v1/service/metrics?group_by=category', signal),
        get<ServiceMetrics>('/api/v1/service/metrics?group_by=channel', signal),
      ]);
      return { byCat, byChan };
    },
    [],
  );
  const hours = (n: number | null | undefined) => (n === null || n === undefined ? '—' : t('service.hours', { n: fmt.number(round1(n)) }));
  const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${fmt.number(round1(n))} %`);
  const m = res.data?.byCat;
  const o = m?.overall;
  return (
    <div class="page" data-testid="service-metrics">
      <div class="page-head">
        <h1>{t('service.metricsTitle')}</h1>
        <ServiceTabs active="metrics" />
      </div>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {m && o && (
        <>
          <p class="muted">{t('service.window', { from: fmt.date(m.from), to: fmt.date(m.to) })}</p>
          <div class="metric-tiles">
            <Tile label={t('service.volume')} value={fmt.number(o.volume)} testid="tile-volume" />
            <Tile label={t('service.frMean')} value={hours(o.first_response_hours.mean)} />
            <Tile label={t('service.frP90')} value={hours(o.first_response_hours.p90)} />
            <Tile label={t('service.resMean')} value={hours(o.resolution_hours.mean)} />
            <Tile label={t('service.resP90')} value={hours(o.resolution_hours.p90)} />
            <Tile label={t('service.fcr')} value={pct(o.fcr.rate)} testid="tile-fcr" />
            <Tile label={t('service.slaFr')} value={pct(o.sla.first_response_attainment)} />
            <Tile label={t('service.slaRes')} value={pct(o.sla.resolution_attainment)} testid="tile-sla" />
            <Tile label={t('service.backlog')} value={fmt.number(m.backlog.open)} />
          </div>
          <div class="grid-2">
            <Section title={t('service.byCategory')}>
              {m.groups.length === 0 ? (
                <Empty>{t('service.noData')}</Empty>
              ) : (
                <Chart
                  testid="chart-category"
                  label={t('service.byCategory')}
                  deps={[m, tv]}
                  option={() => ({
                    tooltip: { trigger: 'axis' },
                    grid: { left: 40, right: 10, top: 20, bottom: 80 },
                    xAxis: { type: 'category', data: m.groups.map((g) => tv('caseCategory', g.key)), axisLabel: { rotate: 35, interval: 0 } },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ type: 'bar', name: t('service.volume'), data: m.groups.map((g) => g.volume), itemStyle: { color: '#2f6db5' } }],
                  })}
                />
              )}
            </Section>
            <Section title={t('service.byChannel')}>
              {(res.data?.byChan.groups.length ?? 0) === 0 ? (
                <Empty>{t('service.noData')}</Empty>
              ) : (
                <Chart
                  testid="chart-channel"
                  label={t('service.byChannel')}
                  deps={[res.data?.byChan, tv]}
                  option={() => ({
                    tooltip: { trigger: 'axis' },
                    grid: { left: 40, right: 10, top: 20, bottom: 40 },
                    xAxis: { type: 'category', data: res.data!.byChan.groups.map((g) => tv('caseChannel', g.key)), axisLabel: { interval: 0 } },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ type: 'bar', name: t('service.volume'), data: res.data!.byChan.groups.map((g) => g.volume), itemStyle: { color: '#12b76a' } }],
                  })}
                />
              )}
            </Section>
            <Section title={t('service.timesByCategory')}>
              <Chart
                testid="chart-times"
                label={t('service.timesByCategory')}
                deps={[m, tv]}
                option={() => ({
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 45, right: 10, top: 30, bottom: 80 },
                  xAxis: { type: 'category', data: m.groups.map((g) => tv('caseCategory', g.key)), axisLabel: { rotate: 35, interval: 0 } },
                  yAxis: { type: 'value', name: t('service.hoursAxis') },
                  series: [
                    { type: 'bar', name: t('service.frMean'), data: m.groups.map((g) => round1(g.first_response_hours.mean)) },
                    { type: 'bar', name: t('service.frP90'), data: m.groups.map((g) => round1(g.first_response_hours.p90)) },
                    { type: 'bar', name: t('service.resMean'), data: m.groups.map((g) => round1(g.resolution_hours.mean)) },
                    { type: 'bar', name: t('service.resP90'), data: m.groups.map((g) => round1(g.resolution_hours.p90)) },
                  ],
                })}
              />
            </Section>
            <Section title={t('service.backlogAge')}>
              <Chart
                testid="chart-backlog"
                label={t('service.backlogAge')}
                deps={[m, t]}
                option={() => ({
                  tooltip: { trigger: 'axis' },
                  grid: { left: 40, right: 10, top: 20, bottom: 30 },
                  xAxis: { type: 'category', data: BACKLOG_BUCKETS.map((b) => t(`backlog.${b}` as 'backlog.lt_1d')) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [{ type: 'bar', name: t('service.backlog'), data: BACKLOG_BUCKETS.map((b) => m.backlog.by_age[b] ?? 0), itemStyle: { color: '#f79009' } }],
                })}
              />
            </Section>
          </div>
          <Section title={t('service.slaByCategory')}>
            <div class="table-wrap">
              <table class="grid" data-testid="metrics-table">
                <thead>
                  <tr>
                    <th>{t('case.category')}</th>
                    <th>{t('service.volume')}</th>
                    <th>{t('service.resolved')}</th>
                    <th>{t('service.fcr')}</th>
                    <th>{t('service.slaFr')}</th>
                    <th>{t('service.slaRes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.groups.map((g) => (
                    <tr key={g.key}>
                      <td>{tv('caseCategory', g.key)}</td>
                      <td>{fmt.number(g.volume)}</td>
                      <td>{fmt.number(g.resolved)}</td>
                      <td>{pct(g.fcr.rate)}</td>
                      <td>{pct(g.sla.first_response_attainment)}</td>
                      <td>{pct(g.sla.resolution_attainment)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        </>
      )}
    </div>
  );
}

export function ServiceForecastPage() {
  const { t, fmt } = useApp();
  const res = useAsync((signal) => get<Forecast>('/api/v1/service/forecast?weeks=1', signal), []);
  const f = res.data;
  const week = f?.weeks[0];
  const days = [t('dow.mon'), t('dow.tue'), t('dow.wed'), t('dow.thu'), t('dow.fri'), t('dow.sat'), t('dow.sun')];
  return (
    <div class="page" data-testid="service-forecast">
      <div class="page-head">
        <h1>{t('service.forecastTitle')}</h1>
        <ServiceTabs active="forecast" />
      </div>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {f && !week && <Empty>{t('service.noData')}</Empty>}
      {f && week && (
        <>
          <div class="metric-tiles">
            <Tile label={t('service.weekVolume')} value={fmt.number(Math.round(week.total_volume * 10) / 10)} testid="tile-week-volume" />
            <Tile label={t('service.peakAgents')} value={fmt.number(week.peak_agents)} testid="tile-peak-agents" />
            <Tile label={t('service.history')} value={t('service.historyWeeks', { n: f.history.weeks })} />
            <Tile label={t('service.mase')} value={f.accuracy?.mase === null || f.accuracy?.mase === undefined ? '—' : fmt.number(Math.round(f.accuracy.mase * 100) / 100)} />
          </div>
          <Section title={t('service.forecastChart', { from: fmt.date(week.start) })}>
            <Chart
              testid="chart-forecast"
              height={340}
              label={t('service.forecastTitle')}
              deps={[f, t]}
              option={() => ({
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 45, right: 45, top: 35, bottom: 50 },
                xAxis: { type: 'category', data: week.hours.map((h) => hourOfWeekLabel(h.hour_of_week, days)), axisLabel: { interval: 23 } },
                yAxis: [
                  { type: 'value', name: t('service.volumePerHour') },
                  { type: 'value', name: t('service.agents'), minInterval: 1 },
                ],
                series: [
                  { type: 'line', name: t('service.volumePerHour'), showSymbol: false, data: week.hours.map((h) => Math.round(h.volume * 100) / 100), itemStyle: { color: '#2f6db5' } },
                  { type: 'bar', name: t('service.agents'), yAxisIndex: 1, data: week.hours.map((h) => h.agents), itemStyle: { color: '#b2ccee' } },
                ],
              })}
            />
          </Section>
          {(f.warnings?.length ?? 0) > 0 && (
            <ul class="warnings notice">
              {f.warnings!.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
