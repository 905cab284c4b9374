// Locale selection, message lookup and Intl formatting of dates, numbers and money.
import { en, zh, type MessageKey } from './messages';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: { id: Locale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
];
const LOCALE_KEY = 'chaincrm.locale';

const tables: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zh };

export function isLocale(s: unknown): s is Locale {
  return s === 'en' || s === 'zh-CN';
}

/** Saved choice, else the browser's language if it is Chinese, else English. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null, navigatorLang?: string): Locale {
  const saved = storage?.getItem(LOCALE_KEY);
  if (isLocale(saved)) return saved;
  if (navigatorLang && navigatorLang.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en';
}

export function saveLocale(storage: Pick<Storage, 'setItem'> | null, locale: Locale): void {
  storage?.setItem(LOCALE_KEY, locale);
}

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const s = tables[locale][key] ?? en[key] ?? key;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Translates a dynamic key (e.g. `role.${r}`), falling back to the raw value when unknown. */
export function translateOr(locale: Locale, key: string, fallback: string): string {
  return key in en ? translate(locale, key as MessageKey) : fallback;
}

function parseInstant(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Date and time of an RFC 3339 instant, in the browser's time zone unless one is given. */
export function formatDateTime(locale: Locale, iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const d = parseInstant(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** A calendar date ("1990-04-02" or an instant's date), shown without time-zone shifts for plain dates. */
export function formatDate(locale: Locale, iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = parseInstant(plain ? `${iso}T00:00:00Z` : iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: plain ? 'UTC' : timeZone }).format(d);
}

export function formatNumber(locale: Locale, n: number | string | null | undefined): string {
  if (n === null || n === undefined || n === '') return '—';
  const v = typeof n === 'number' ? n : Number(n);
  if (!Number.isFinite(v)) return String(n);
  return new Intl.NumberFormat(locale).format(v);
}

export interface Money {
  amount: string;
  currency: string;
}

/** Money as the API sends it ({amount:"123.45", currency:"CNY"}), formatted for the locale. */
export function formatMoney(locale: Locale, m: Money | null | undefined): string {
  if (!m || m.amount === undefined || m.amount === null) return '—';
  const v = Number(m.amount);
  if (!Number.isFinite(v)) return `${m.amount} ${m.currency ?? ''}`.trim();
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency || 'CNY' }).format(v);
  } catch {
    return `${new Intl.NumberFormat(locale).format(v)} ${m.currency}`;
  }
}
