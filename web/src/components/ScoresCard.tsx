import { useApp } from '../app-context';
import type { CustomerScores } from '../lib/analytics';
import type { MessageKey } from '../lib/messages';
import { Empty, Section } from './common';

export interface ScoreFormatters {
  money: (n: number) => string;
  number: (n: number, digits?: number) => string;
  percent: (x: number) => string;
  dateTime: (iso: string) => string;
  valueClass: (v: string) => string;
  accountSize: (v: string) => string;
}

/** The rows of the "Scores and classes" card, in reading order; absent values are left out. */
export function scoreRows(s: CustomerScores, f: ScoreFormatters): { key: MessageKey; value: string; sub?: boolean }[] {
  const rows: { key: MessageKey; value: string; sub?: boolean }[] = [];
  const add = (key: MessageKey, v: string | null | undefined, sub?: boolean) => {
    if (v !== null && v !== undefined && v !== '') rows.push({ key, value: v, sub });
  };
  const num = (n: number | null | undefined, fn: (x: number) => string) => (n === null || n === undefined || !Number.isFinite(n) ? null : fn(n));
  add('score.value_class', s.value_class ? f.valueClass(s.value_class) : null);
  add('score.abc_class', s.abc_class ? (s.abc_rank ? `${s.abc_class} (#${f.number(s.abc_rank)})` : s.abc_class) : null);
  add('score.rfm_cell', s.rfm_cell);
  if (s.rfm && s.rfm.r) add('score.rfm', `R ${s.rfm.r} · F ${s.rfm.f} · M ${s.rfm.m}`, true);
  add('score.account_size', s.account_size ? f.accountSize(s.account_size) : null);
  add('score.clv', num(s.clv, f.money));
  add('score.p_alive', num(s.p_alive, f.percent));
  add('score.expected_purchases_90d', num(s.expected_purchases_90d, (n) => f.number(n, 2)));
  add('score.expected_spend', num(s.expected_spend, f.money));
  add('score.clv_discounted', num(s.clv_discounted, f.money));
  add('score.clv_historical', num(s.clv_historical, f.money), true);
  add('score.clv_future', num(s.clv_future, f.money), true);
  add('score.clv_potential', num(s.clv_potential, f.money), true);
  add('score.profit', num(s.profit, f.money));
  add('score.recency_days', num(s.recency_days, (n) => f.number(n, 0)));
  add('score.frequency', num(s.frequency, (n) => f.number(n, 0)));
  add('score.monetary', num(s.monetary, f.money));
  add('score.computed_at', s.computed_at ? f.dateTime(s.computed_at) : null);
  return rows;
}

/** Money in the scores is in major units of the ledger currency, which the purchases carry. */
export function ScoresCard({ scores, currency }: { scores: CustomerScores | null; currency: string }) {
  const { t, tv, fmt, locale } = useApp();
  const f: ScoreFormatters = {
    money: (n) => fmt.money({ amount: String(n), currency: currency || 'CNY' }),
    number: (n, digits) => new Intl.NumberFormat(locale, digits === undefined ? {} : { maximumFractionDigits: digits }).format(n),
    percent: (x) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x),
    dateTime: (iso) => fmt.dateTime(iso),
    valueClass: (v) => tv('valueClass', v),
    accountSize: (v) => tv('accountSize', v),
  };
  return (
    <Section title={t('c360.scores')} id="scores">
      {scores ? (
        <dl class="kv" data-testid="scores">
          {scoreRows(scores, f).map((r) => (
            <div class={r.sub ? 'kv-row sub' : 'kv-row'} key={r.key} data-score={r.key.slice(6)}>
              <dt>{t(r.key)}</dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Empty>{t('c360.noScores')}</Empty>
      )}
    </Section>
  );
}
