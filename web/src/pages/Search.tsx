import { useApp } from '../app-context';
import { get } from '../lib/api';
import { navigate } from '../lib/router';
import type { LookupHit } from '../lib/types';
import { Empty, ErrorBox, Link, Loading, useAsync } from '../components/common';

/** Screen pop: one hit → straight to its 360 (replacing this URL); several → a list. */
export function SearchPage({ q }: { q: string }) {
  const { t, tv } = useApp();
  const res = useAsync(async (signal) => {
    const r = await get<{ data: LookupHit[] }>(`/api/v1/lookup?q=${encodeURIComponent(q)}`, signal);
    if (r.data.length === 1) navigate(`/customers/${encodeURIComponent(String(r.data[0].id))}`, { replace: true });
    return r.data;
  }, [q]);
  return (
    <div class="page">
      <h1>{t('search.title', { q })}</h1>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.data && res.data.length === 0 && <Empty>{t('search.none', { q })}</Empty>}
      {res.data && res.data.length > 1 && (
        <ul class="hits" data-testid="lookup-results">
          {res.data.map((h) => (
            <li key={h.id}>
              <Link href={`/customers/${encodeURIComponent(String(h.id))}`}>{h.name}</Link>
              <span class="muted">
                {' '}
                · {tv('kind', h.kind)} · {tv('status', h.status)} · {t('search.matchedBy')} {tv('match', h.matched_by)}: <code>{h.matched_value}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
