import { describe, expect, it } from 'vitest';
import { scoreRows, type ScoreFormatters } from './ScoresCard';
import type { CustomerScores } from '../lib/analytics';

const f: ScoreFormatters = {
  money: (n) => `¥${n.toFixed(2)}`,
  number: (n, d) => (d === undefined ? String(n) : n.toFixed(d)),
  percent: (x) => `${Math.round(x * 100)}%`,
  dateTime: (iso) => iso.slice(0, 10),
  valueClass: (v) => `vc:${v}`,
  accountSize: (v) => `size:${v}`,
};

const base: CustomerScores = {
  run_id: 1,
  computed_at: '2026-11-24T04:00:00Z',
  recency_days: 12,
  frequency: 5,
  monetary: 1234.5,
  rfm: { r: 5, f: 4, m: 3 },
  rfm_cell: '543',
  abc_class: 'A',
  abc_rank: 3,
  profit: 400,
  clv_discounted: 900,
  clv_historical: 500,
  clv_future: 300,
  clv_potential: 100,
  p_alive: 0.8765,
  expected_purchases_90d: 1.234,
  expected_spend: 250,
  clv: 2000,
  value_class: 'key',
  account_size: 'large',
};

describe('scoreRows', () => {
  it('lists classes first, then both CLVs with the parts of the discounted one, formatted', () => {
    const rows = scoreRows(base, f);
    const m = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    expect(rows.slice(0, 5).map((r) => r.key)).toEqual(['score.value_class', 'score.abc_class', 'score.rfm_cell', 'score.rfm', 'score.account_size']);
    expect(m['score.value_class']).toBe('vc:key');
    expect(m['score.abc_class']).toBe('A (#3)');
    expect(m['score.rfm']).toBe('R 5 · F 4 · M 3');
    expect(m['score.clv']).toBe('¥2000.00');
    expect(m['score.p_alive']).toBe('88%');
    expect(m['score.expected_purchases_90d']).toBe('1.23');
    expect(m['score.clv_historical']).toBe('¥500.00');
    expect(rows.find((r) => r.key === 'score.clv_future')?.sub).toBe(true);
  });
  it('leaves out what a run could not compute (no model fit, no purchases)', () => {
    const rows = scoreRows({ ...base, clv: null, p_alive: null, expected_purchases_90d: null, expected_spend: null, rfm: { r: null, f: null, m: null }, rfm_cell: '000', abc_rank: null, clv_discounted: null, clv_historical: null, clv_future: null, clv_potential: null }, f);
    const keys = rows.map((r) => r.key);
    expect(keys).not.toContain('score.clv');
    expect(keys).not.toContain('score.p_alive');
    expect(keys).not.toContain('score.rfm');
    expect(keys).toContain('score.rfm_cell');
    expect(rows.find((r) => r.key === 'score.abc_class')?.value).toBe('A');
  });
});
