import { useEffect, useState } from 'preact/hooks';
import { get } from '../lib/api';
import type { Customer, Page } from '../lib/types';
import { Link } from './common';

const cache = new Map<string, string>();

/**
 * Names of the customers behind a list of ids, read 500 at a time with
 * GET /api/v1/customers?filter[id][in]=… (the sales lists carry only customer_id).
 */
export function useCustomerNames(ids: (number | string)[]): Map<string, string> {
  const key = [...new Set(ids.map(String))].sort().join(',');
  const [names, setNames] = useState<Map<string, string>>(() => new Map(cache));
  useEffect(() => {
    const missing = key ? key.split(',').filter((id) => !cache.has(id)) : [];
    if (missing.length === 0) {
      setNames(new Map(cache));
      return;
    }
    const ctl = new AbortController();
    (async () => {
      for (let i = 0; i < missing.length; i += 500) {
        const chunk = missing.slice(i, i + 500);
        const p = new URLSearchParams({ 'filter[id][in]': chunk.join(','), 'filter[status][in]': 'active,archived', limit: '500' });
        try {
          const r = await get<Page<Customer>>(`/api/v1/customers?${p.toString()}`, ctl.signal);
          for (const c of r.data ?? []) cache.set(String(c.id), c.name);
        } catch {
          return; // names are a nicety: the id stays shown
        }
      }
      if (!ctl.signal.aborted) setNames(new Map(cache));
    })();
    return () => ctl.abort();
  }, [key]);
  return names;
}

export function CustomerLink({ id, names }: { id: number | string; names: Map<string, string> }) {
  return (
    <Link href={`/customers/${id}`} data-testid="customer-link">
      {names.get(String(id)) ?? `#${id}`}
    </Link>
  );
}
