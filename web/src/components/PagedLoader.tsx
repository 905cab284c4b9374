import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { get } from '../lib/api';
import type { Page } from '../lib/types';
import { ErrorBox } from './common';

/**
 * "Show all" for a list the 360 returns only in part: pages through
 * GET {path}?filter[customer_id]=ID by next_cursor and hands every row loaded so far to onRows.
 */
export function PagedLoader<T>({ path, customerId, onRows, label }: { path: string; customerId: string; onRows: (rows: T[]) => void; label: string }) {
  const { t } = useApp();
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (cursor === null) return null;
  async function more() {
    setBusy(true);
    setError(null);
    try {
      const p = new URLSearchParams({ 'filter[customer_id]': customerId });
      if (cursor) p.set('cursor', cursor);
      const r = await get<Page<T>>(`${path}?${p.toString()}`);
      const all = [...rows, ...(r.data ?? [])];
      setRows(all);
      setCursor(r.next_cursor ?? null);
      onRows(all);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="paged-loader">
      {error != null && <ErrorBox error={error} />}
      <button type="button" disabled={busy} onClick={more}>
        {busy ? t('common.loading') : cursor === undefined ? label : t('common.loadMore')}
      </button>
    </div>
  );
}
