import { describe, expect, it } from 'vitest';
import { en, zh } from './messages';
import { formatDate, formatDateTime, formatMoney, formatNumber, initialLocale, saveLocale, translate, translateOr } from './i18n';

describe('messages', () => {
  it('has a Chinese string for every English key', () => {
    for (const k of Object.keys(en)) expect(zh[k as keyof typeof en], k).toBeTruthy();
  });
  it('interpolates parameters', () => {
    expect(translate('en', 'common.page', { n: 3 })).toBe('Page 3');
    expect(translate('zh-CN', 'common.page', { n: 3 })).toBe('第 3 页');
    expect(translate('zh-CN', 'nav.customers')).toBe('客户');
    expect(translateOr('en', 'role.supplier', 'supplier')).toBe('Supplier');
    expect(translateOr('en', 'role.alien', 'alien')).toBe('alien');
  });
});

describe('locale choice', () => {
  it('prefers the saved choice, then a Chinese browser, then English', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(initialLocale(storage, 'en-US')).toBe('en');
    expect(initialLocale(storage, 'zh-CN')).toBe('zh-CN');
    saveLocale(storage, 'zh-CN');
    expect(initialLocale(storage, 'en-US')).toBe('zh-CN');
    store.set('chaincrm.locale', 'fr');
    expect(initialLocale(storage, 'en')).toBe('en');
  });
});

describe('formatting', () => {
  it('formats numbers per locale', () => {
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(formatNumber('zh-CN', '1234')).toBe('1,234');
    expect(formatNumber('en', null)).toBe('—');
  });
  it('formats money from the API shape', () => {
    expect(formatMoney('en', { amount: '1234.50', currency: 'CNY' })).toBe('CN¥1,234.50');
    expect(formatMoney('zh-CN', { amount: '1234.50', currency: 'CNY' })).toBe('¥1,234.50');
    expect(formatMoney('en', null)).toBe('—');
    expect(formatMoney('en', { amount: 'x', currency: 'EUR' })).toBe('x EUR');
  });
  it('formats dates and instants', () => {
    expect(formatDate('en', '1990-04-02')).toBe('Apr 2, 1990');
    expect(formatDate('zh-CN', '1990-04-02')).toBe('1990年4月2日');
    expect(formatDateTime('en', '2024-03-05T14:07:00Z', 'UTC')).toBe('Mar 5, 2024, 2:07 PM');
    expect(formatDateTime('zh-CN', '2024-03-05T14:07:00Z', 'UTC')).toBe('2024年3月5日 14:07');
    expect(formatDateTime('en', 'garbage')).toBe('garbage');
    expect(formatDate('en', null)).toBe('—');
  });
});
