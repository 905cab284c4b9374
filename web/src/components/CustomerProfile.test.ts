import { describe, expect, it } from 'vitest';
import { displayValue, hasSensitive } from './CustomerProfile';
import type { Customer } from '../lib/types';

describe('displayValue', () => {
  it('renders history values readably', () => {
    expect(displayValue(null, 'Y', 'N')).toBe('—');
    expect(displayValue(true, 'Y', 'N')).toBe('Y');
    expect(displayValue(['a', 'b'], 'Y', 'N')).toBe('a, b');
    expect(displayValue({ amount: '1.00', currency: 'CNY' }, 'Y', 'N')).toBe('1.00 CNY');
    expect(displayValue([{ label: 'HQ', line1: '1 Rd', city: 'Hangzhou', line2: null }], 'Y', 'N')).toBe('HQ, 1 Rd, Hangzhou');
    expect(displayValue([{ address: 'a@b.cn', label: null, primary: true }], 'Y', 'N')).toBe('a@b.cn, primary');
    expect(displayValue({}, 'Y', 'N')).toBe('—');
  });
});

describe('hasSensitive', () => {
  const base = { kind: 'person' } as Customer;
  it('shows the block only when the API sent a sensitive key', () => {
    expect(hasSensitive(base)).toBe(false);
    expect(hasSensitive({ ...base, birth_date: null })).toBe(true);
    expect(hasSensitive({ ...base, kind: 'organization', birth_date: null, measurements: {} })).toBe(false);
    expect(hasSensitive({ ...base, kind: 'organization', income_band: 'high' })).toBe(true);
  });
});
