import { describe, expect, it } from 'vitest';
import { revenueByMonth } from '../components/RevenueChart';

describe('revenueByMonth', () => {
  it('sums per month in order, in the first currency seen', () => {
    const r = revenueByMonth([
      { id: 1, occurred_at: '2024-03-10T00:00:00Z', revenue: { amount: '10.10', currency: 'CNY' } },
      { id: 2, occurred_at: '2024-01-02T00:00:00Z', revenue: { amount: '5.00', currency: 'CNY' } },
      { id: 3, occurred_at: '2024-03-31T23:00:00Z', revenue: { amount: '0.20', currency: 'CNY' } },
      { id: 4, occurred_at: '2024-02-01T00:00:00Z', revenue: { amount: '99', currency: 'USD' } },
      { id: 5, occurred_at: '2024-02-01T00:00:00Z', revenue: null },
    ]);
    expect(r).toEqual({ months: ['2024-01', '2024-03'], totals: [5, 10.3], currency: 'CNY' });
  });
});
