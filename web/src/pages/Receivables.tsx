import '../sales.css';
import { useApp } from '../app-context';
import { get } from '../lib/api';
import { navigate } from '../lib/router';
import { AGEING_BUCKETS, bucketValues, overdueSeverity, worstBucket, type AgeingReport, type CollectionRow } from '../lib/sales';
import { Chart } from '../components/Chart';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';

/** Receivables: ageing buckets in total (chart) and per customer, and the collection work list. */
export function ReceivablesPage({ search }: { search: string }) {
  const { t, tv, fmt, locale } = useApp();
  const asOf = new URLSearchParams(search).get('as_of') ?? '';
  const suffix = asOf ? `?as_of=${encodeURIComponent(asOf)}` : '';
  const ageing = useAsync((signal) => get<AgeingReport>(`/api/v1/receivables/ageing${suffix}`, signal), [asOf]);
  const collection = useAsync(
    (signal) => get<{ as_of: string; data: CollectionRow[] }>(`/api/v1/receivables/collection${suffix ? `${suffix}&` : '?'}limit=50`, signal),
    [asOf],
  );
  const bucketLabels = AGEING_BUCKETS.map((b) => tv('bucket', b));
  const money = (amount: string | undefined, currency: string) => fmt.money({ amount: amount ?? '0', currency });
  return (
    <div class="page receivables" data-testid="receivables">
      <header class="page-head">
        <h1>{t('ar.title')}</h1>
        <form
          class="period"
          onSubmit={(e) => {
            e.preventDefault();
            const v = ((e.currentTarget as HTMLFormElement).elements.namedItem('as_of') as HTMLInputElement).value;
            navigate(`/receivables${v ? `?as_of=${v}` : ''}`);
          }}
        >
          <label>
            {t('ar.asOf')} <input type="date" name="as_of" value={asOf || ageing.data?.as_of || ''} />
          </label>
          <button type="submit">{t('common.apply')}</button>
        </form>
      </header>
      {ageing.error != null ? (
        <ErrorBox error={ageing.error} />
      ) : !ageing.data ? (
        <Loading />
      ) : (
        <>
          <Section title={t('ar.ageing', { date: fmt.date(ageing.data.as_of) })}>
            {ageing.data.totals.length === 0 ? (
              <Empty>{t('ar.nothingOwed')}</Empty>
            ) : (
              <>
                <Chart
                  testid="ageing-chart"
                  label={t('ar.ageingChart')}
                  deps={[ageing.data, locale]}
                  option={() => ({
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { left: 80, right: 16, top: 32, bottom: 30 },
                    xAxis: { type: 'category', data: bucketLabels },
                    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v) } },
                    series: ageing.data!.totals.map((row) => ({
                      type: 'bar',
                      name: row.currency,
                      data: bucketValues(row).map((v, i) => ({ value: v, itemStyle: { color: ['#4caf50', '#ffb300', '#fb8c00', '#e53935', '#8e0000'][i] } })),
                    })),
                  })}
                />
                <div class="table-wrap">
                  <table data-testid="ageing-totals">
                    <thead>
                      <tr>
                        <th>{t('ar.currency')}</th>
                        {bucketLabels.map((l) => (
                          <th key={l} class="num">
                            {l}
                          </th>
                        ))}
                        <th class="num">{t('ar.overdue')}</th>
                        <th class="num">{t('ar.total')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ageing.data.totals.map((row) => (
                        <tr key={row.currency}>
                          <td>{row.currency}</td>
                          {AGEING_BUCKETS.map((b) => (
                            <td key={b} class="num">
                              {money(row[b], row.currency)}
                            </td>
                          ))}
                          <td class="num">{money(row.overdue, row.currency)}</td>
                          <td class="num">
                            <strong>{money(row.total, row.currency)}</strong>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </Section>
        </>
      )}
      <Section title={t('ar.collection')}>
        {collection.error != null ? (
          <ErrorBox error={collection.error} />
        ) : !collection.data ? (
          <Loading />
        ) : collection.data.data.length === 0 ? (
          <Empty>{t('ar.nothingOverdue')}</Empty>
        ) : (
          <div class="table-wrap">
            <table data-testid="collection-list">
              <thead>
                <tr>
                  <th>{t('orders.customer')}</th>
                  <th class="num">{t('ar.overdue')}</th>
                  <th class="num">{t('ar.daysPastDue')}</th>
                  <th class="num">{t('ar.invoices')}</th>
                  <th class="num">{t('ar.creditLimit')}</th>
                </tr>
              </thead>
              <tbody>
                {collection.data.data.map((r) => (
                  <tr key={`${r.customer_id}-${r.overdue.currency}`}>
                    <td>
                      <Link href={`/customers/${r.customer_id}`} data-testid="customer-link">
                        {r.name}
                      </Link>
                    </td>
                    <td class="num">{fmt.money(r.overdue)}</td>
                    <td class="num">
                      <span class={`badge sev-${overdueSeverity(r.max_days_past_due)}`}>{t('ar.days', { n: fmt.number(r.max_days_past_due) })}</span>
                    </td>
                    <td class="num">{fmt.number(r.overdue_invoices)}</td>
                    <td class="num">{r.credit_limit ? fmt.money(r.credit_limit) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      {ageing.data && ageing.data.customers.length > 0 && (
        <Section title={t('ar.perCustomer')}>
          <div class="table-wrap">
            <table data-testid="ageing-customers">
              <thead>
                <tr>
                  <th>{t('orders.customer')}</th>
                  {bucketLabels.map((l) => (
                    <th key={l} class="num">
                      {l}
                    </th>
                  ))}
                  <th class="num">{t('ar.total')}</th>
                </tr>
              </thead>
              <tbody>
                {ageing.data.customers.map((row) => {
                  const worst = worstBucket(row);
                  return (
                    <tr key={`${row.customer_id}-${row.currency}`} data-worst={worst ?? ''}>
                      <td>
                        <Link href={`/customers/${row.customer_id}`}>{row.name}</Link>
                      </td>
                      {AGEING_BUCKETS.map((b) => (
                        <td key={b} class={`num${Number(row[b]) > 0 && b !== 'current' ? ' owed' : ''}`}>
                          {Number(row[b]) > 0 ? money(row[b], row.currency) : '—'}
                        </td>
                      ))}
                      <td class="num">
                        <strong>{money(row.total, row.currency)}</strong>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
      )}
    </div>
  );
}
