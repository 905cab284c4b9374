// Saved views of the customer list (query + columns), kept in localStorage.
import type { ListQuery } from './query';

export interface SavedView {
  name: string;
  query: ListQuery;
  columns: string[];
}

const KEY = 'chaincrm.customerViews';
const COLS_KEY = 'chaincrm.customerColumns';

export function loadViews(storage: Pick<Storage, 'getItem'>): SavedView[] {
  try {
    const v = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x) => x && typeof x.name === 'string' && x.query) : [];
  } catch {
    return [];
  }
}

/** Adds or replaces (by name) a view; returns the new list. */
export function saveView(storage: Pick<Storage, 'getItem' | 'setItem'>, view: SavedView): SavedView[] {
  const views = loadViews(storage).filter((v) => v.name !== view.name);
  views.push(view);
  views.sort((a, b) => a.name.localeCompare(b.name));
  storage.setItem(KEY, JSON.stringify(views));
  return views;
}

export function deleteView(storage: Pick<Storage, 'getItem' | 'setItem'>, name: string): SavedView[] {
  const views = loadViews(storage).filter((v) => v.name !== name);
  storage.setItem(KEY, JSON.stringify(views));
  return views;
}

export function loadColumns(storage: Pick<Storage, 'getItem'>, fallback: string[]): string[] {
  try {
    const v = JSON.parse(storage.getItem(COLS_KEY) ?? 'null');
    return Array.isArray(v) && v.length ? v.filter((x) => typeof x === 'string') : fallback;
  } catch {
    return fallback;
  }
}

export function saveColumns(storage: Pick<Storage, 'setItem'>, cols: string[]): void {
  storage.setItem(COLS_KEY, JSON.stringify(cols));
}
