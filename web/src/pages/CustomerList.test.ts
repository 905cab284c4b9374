import { describe, expect, it } from 'vitest';
import { SCORE_COLUMNS, impliedColumns } from './CustomerList';
import { fromSearchParams } from '../lib/query';
import { drill } from '../lib/analytics';

const q = (url: string) => fromSearchParams(new URLSearchParams(url.split('?')[1] ?? '')).query;

describe('impliedColumns', () => {
  it('shows the score columns a drill-down filters or sorts on', () => {
    expect([...impliedColumns(q(drill.abc('A')))]).toEqual(['abc']);
    expect([...impliedColumns(q(drill.churnRisk()))].sort()).toEqual(['abc', 'expected_purchases', 'p_alive']);
    expect([...impliedColumns(q(drill.rfm(5, 4)))]).toEqual(['rfm_cell']);
    expect([...impliedColumns(q('/customers?sort=-clv&filter[kind]=person'))]).toEqual(['clv']);
    expect(impliedColumns(q('/customers?filter[kind]=person&sort=name')).size).toBe(0);
  });
  it('knows every sortable score field of the list API', () => {
    expect([...SCORE_COLUMNS].sort()).toEqual(['abc', 'account_size', 'clv', 'expected_purchases', 'p_alive', 'rfm_cell', 'value_class']);
  });
});
