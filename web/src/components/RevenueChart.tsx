import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../app-context';
import type { Purchase } from '../lib/types';

/** Sums purchase revenue per calendar month (UTC), oldest first; one currency (the first seen). */
export function revenueByMonth(purchases: Purchase[]): { months: string[]; totals: number[]; currency: string } {
  const currency = purchases.find((p) => p.revenue?.currency)?.revenue?.currency ?? '';
  const sums = new Map<string, number>();
  for (const p of purchases) {
    if (!p.revenue || (currency && p.revenue.currency !== currency)) continue;
    const m = p.occurred_at.slice(0, 7);
    sums.set(m, (sums.get(m) ?? 0) + Number(p.revenue.amount));
  }
  const months = [...sums.keys()].sort();
  return { months, totals: months.map((m) => Math.round((sums.get(m) ?? 0) * 100) / 100), currency };
}

export function RevenueChart({ purchases }: { purchases: Purchase[] }) {
  const { t, locale } = useApp();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | null = null;
    const onResize = () => chart?.resize();
    import('../lib/echarts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const { months, totals, currency } = revenueByMonth(purchases);
      const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
      const nf = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : {});
      c.setOption({
        animation: false,
        grid: { left: 70, right: 16, top: 16, bottom: 30 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => nf.format(Number(v)) },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => nf.format(v) } },
        series: [{ type: 'bar', name: t('field.revenue_total'), data: totals, itemStyle: { color: '#2f6db5' } }],
      });
      chart = c;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [purchases, locale]);
  return <div ref={el} class="chart" role="img" aria-label={t('c360.revenueByMonth')} data-testid="revenue-chart" />;
}
