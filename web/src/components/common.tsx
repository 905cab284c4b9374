import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api';
import { linkClick } from '../lib/router';
import { useApp } from '../app-context';

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={linkClick} />;
}

export function Loading() {
  const { t } = useApp();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** Shows an API error: "Not found" for 404, the problem's detail otherwise, and its request id. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useApp();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div class="error-box not-found" role="alert" data-testid="not-found">
        <h2>{t('error.notFound')}</h2>
        <p>{error.problem.detail || t('error.notFoundDetail')}</p>
      </div>
    );
  }
  let title = t('error.title');
  let detail = error instanceof Error ? error.message : String(error);
  let rid: string | undefined;
  if (error instanceof ApiError) {
    rid = error.problem.request_id;
    if (error.status === 0) detail = t('error.network');
    else {
      title = error.problem.title || title;
      detail = error.problem.detail || (error.status === 403 ? t('error.forbidden') : detail);
    }
  }
  return (
    <div class="error-box" role="alert">
      <strong>{title}</strong>
      <p class="detail">{detail}</p>
      {rid && (
        <p class="rid">
          {t('error.requestId')}: <code>{rid}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs an async loader when deps change; aborts stale requests. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error: unknown; loading: boolean }>({ error: null, loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    loadRef.current(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, error: null, loading: false }),
      (error) => !ctl.signal.aborted && setState({ data: undefined, error, loading: false }),
    );
    return () => ctl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" id={id} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
