import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale, Money, Params } from './lib/i18n';
import type { MessageKey } from './lib/messages';
import type { User } from './lib/types';

export interface Formatters {
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  number: (n: number | string | null | undefined) => string;
  money: (m: Money | null | undefined) => string;
}

export interface AppState {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Translates `${prefix}.${value}` when known, else shows the value as is. */
  tv: (prefix: string, value: string | null | undefined) => string;
  fmt: Formatters;
  user: User | null;
  logout: () => void;
}

export const AppContext = createContext<AppState>(null as unknown as AppState);

export function useApp(): AppState {
  return useContext(AppContext);
}
