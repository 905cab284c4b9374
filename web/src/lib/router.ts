// A tiny history router: a route table of patterns like "/customers/:id", matched in order.

export interface Match {
  params: Record<string, string>;
}

/** Matches a path against a pattern with :name segments; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const ps = pattern.split('/').filter(Boolean);
  const xs = path.split('/').filter(Boolean);
  if (ps.length !== xs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].startsWith(':')) {
      try {
        params[ps[i].slice(1)] = decodeURIComponent(xs[i]);
      } catch {
        return null;
      }
    } else if (ps[i] !== xs[i]) return null;
  }
  return params;
}

type Listener = () => void;
const listeners = new Set<Listener>();

export function subscribe(fn: Listener): () => void {
  listeners.add(fn);
  const onPop = () => fn();
  window.addEventListener('popstate', onPop);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', onPop);
  };
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const cur = location.pathname + location.search;
  if (to === cur) {
    listeners.forEach((l) => l());
    return;
  }
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

/** Click handler for <a href> links so they navigate without a full page load. */
export function linkClick(e: MouseEvent): void {
  const a = (e.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/')) return;
  e.preventDefault();
  navigate(href);
}
