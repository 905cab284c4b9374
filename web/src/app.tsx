import { useEffect, useMemo, useState } from 'preact/hooks';
import { AppContext, type AppState } from './app-context';
import { get, getToken, request, setToken, setUnauthorizedHandler } from './lib/api';
import { formatDate, formatDateTime, formatMoney, formatNumber, initialLocale, saveLocale, translate, translateOr, type Locale } from './lib/i18n';
import { matchPath, navigate, subscribe } from './lib/router';
import type { SessionResponse, User } from './lib/types';
import { Shell } from './components/Shell';
import { ErrorBox, Loading } from './components/common';
import { LoginPage } from './pages/Login';
import { CustomerListPage } from './pages/CustomerList';
import { Customer360Page } from './pages/Customer360';
import { CustomerFormPage } from './pages/CustomerForm';
import { SearchPage } from './pages/Search';
import { AnalyticsValuePage } from './pages/AnalyticsValue';
import { PipelinePage } from './pages/Pipeline';
import { OrderDetailPage, OrderListPage, ShipmentListPage } from './pages/Orders';
import { PerfectOrderPage } from './pages/PerfectOrder';
import { ReceivablesPage } from './pages/Receivables';
import { DashboardPage } from './pages/Dashboard';
import { PortalProfilePage } from './pages/Portal';
import { PortalInvoicesPage, PortalOrderPage, PortalOrdersPage } from './pages/PortalOrders';
import { PortalCasePage, PortalCasesPage, PortalNewCasePage, PortalSurveyPage, PortalSurveysPage } from './pages/PortalCases';
import { ServiceQueuePage } from './pages/ServiceQueue';
import { ServiceCasePage } from './pages/ServiceCase';
import { ServiceForecastPage, ServiceMetricsPage } from './pages/ServiceMetrics';
import { ApiError } from './lib/api';

function safeStorage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

type Page = (p: Record<string, string>, search: string, user: User) => preact.JSX.Element;

/** Route table: add a page by adding a line. `staff`/`portal` limit who sees it in the app. */
const routes: { path: string; who: 'staff' | 'portal' | 'any'; page: Page }[] = [
  { path: '/customers', who: 'staff', page: (_p, s) => <CustomerListPage key={s} search={s} /> },
  { path: '/customers/new', who: 'staff', page: () => <CustomerFormPage key="new" /> },
  { path: '/customers/:id', who: 'any', page: (p) => <Customer360Page key={p.id} id={p.id} /> },
  { path: '/customers/:id/edit', who: 'staff', page: (p) => <CustomerFormPage key={`edit-${p.id}`} id={p.id} /> },
  { path: '/search', who: 'staff', page: (_p, s) => <SearchPage key={s} q={new URLSearchParams(s).get('q') ?? ''} /> },
  { path: '/analytics', who: 'staff', page: () => <AnalyticsValuePage key="value" /> },
  { path: '/analytics/value', who: 'staff', page: () => <AnalyticsValuePage key="value" /> },
  { path: '/dashboard', who: 'staff', page: () => <DashboardPage /> },
  { path: '/pipeline', who: 'staff', page: (_p, s) => <PipelinePage key={s} search={s} /> },
  { path: '/orders', who: 'staff', page: (_p, s) => <OrderListPage key={s} search={s} /> },
  { path: '/orders/perfect-order', who: 'staff', page: (_p, s) => <PerfectOrderPage key={s} search={s} /> },
  { path: '/orders/:id', who: 'staff', page: (p) => <OrderDetailPage key={p.id} id={p.id} /> },
  { path: '/shipments', who: 'staff', page: (_p, s) => <ShipmentListPage key={s} search={s} /> },
  { path: '/receivables', who: 'staff', page: (_p, s) => <ReceivablesPage key={s} search={s} /> },
  { path: '/portal', who: 'portal', page: () => <PortalProfilePage /> },
  { path: '/portal/orders', who: 'portal', page: () => <PortalOrdersPage /> },
  { path: '/portal/orders/:id', who: 'portal', page: (p) => <PortalOrderPage key={p.id} id={p.id} /> },
  { path: '/portal/invoices', who: 'portal', page: () => <PortalInvoicesPage /> },
  { path: '/portal/cases', who: 'portal', page: () => <PortalCasesPage /> },
  { path: '/portal/cases/new', who: 'portal', page: () => <PortalNewCasePage /> },
  { path: '/portal/cases/:id', who: 'portal', page: (p) => <PortalCasePage key={p.id} id={p.id} /> },
  { path: '/portal/surveys', who: 'portal', page: () => <PortalSurveysPage /> },
  { path: '/portal/surveys/:id', who: 'portal', page: (p) => <PortalSurveyPage key={p.id} id={p.id} /> },
  { path: '/service', who: 'staff', page: () => <ServiceQueuePage /> },
  { path: '/service/cases/:id', who: 'staff', page: (p) => <ServiceCasePage key={p.id} id={p.id} /> },
  { path: '/service/metrics', who: 'staff', page: () => <ServiceMetricsPage /> },
  { path: '/service/forecast', who: 'staff', page: () => <ServiceForecastPage /> },
];

function home(user: User): string {
  return user.role === 'customer' ? '/portal' : '/customers';
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(safeStorage('local'), navigator.language));
  const [user, setUser] = useState<User | null>(null);
  const [booting, setBooting] = useState(() => !!getToken());
  const [bootError, setBootError] = useState<unknown>(null);
  const [loc, setLoc] = useState(() => ({ path: location.pathname, search: location.search }));

  useEffect(() => subscribe(() => setLoc({ path: location.pathname, search: location.search })), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const logoutLocal = () => {
    setToken(null);
    setUser(null);
    navigate('/login', { replace: true });
  };
  useEffect(() => {
    setUnauthorizedHandler(logoutLocal);
    return () => setUnauthorizedHandler(null);
  }, []);

  // Resume a session from sessionStorage.
  useEffect(() => {
    if (!getToken()) return;
    get<User>('/api/v1/me')
      .then((u) => setUser(u))
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setToken(null);
        else setBootError(e);
      })
      .finally(() => setBooting(false));
  }, []);

  const app: AppState = useMemo(
    () => ({
      locale,
      setLocale: (l: Locale) => {
        saveLocale(safeStorage('local'), l);
        setLocaleState(l);
      },
      t: (k, p) => translate(locale, k, p),
      tv: (prefix, value) => (value ? translateOr(locale, `${prefix}.${value}`, value) : ''),
      fmt: {
        date: (iso) => formatDate(locale, iso),
        dateTime: (iso) => formatDateTime(locale, iso),
        number: (n) => formatNumber(locale, n),
        money: (m) => formatMoney(locale, m),
      },
      user,
      logout: () => {
        request('/api/v1/sessions/current', { method: 'DELETE' }).catch(() => undefined);
        logoutLocal();
      },
    }),
    [locale, user],
  );

  let content: preact.JSX.Element;
  if (booting) content = <Loading />;
  else if (bootError) content = <ErrorBox error={bootError} onRetry={() => location.reload()} />;
  else if (!user) {
    if (loc.path !== '/login') {
      const next = loc.path + loc.search;
      queueMicrotask(() => navigate(`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`, { replace: true }));
    }
    content = (
      <LoginPage
        onLoggedIn={(s: SessionResponse) => {
          setUser(s.user);
          const next = new URLSearchParams(location.search).get('next');
          navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : home(s.user), { replace: true });
        }}
      />
    );
  } else {
    content = route(loc.path, loc.search, user);
  }
  return (
    <AppContext.Provider value={app}>
      <Shell path={loc.path}>{content}</Shell>
    </AppContext.Provider>
  );
}

function route(path: string, search: string, user: User): preact.JSX.Element {
  if (path === '/' || path === '/login') {
    queueMicrotask(() => navigate(home(user), { replace: true }));
    return <Loading />;
  }
  for (const r of routes) {
    const params = matchPath(r.path, path);
    if (!params) continue;
    const portal = user.role === 'customer';
    if ((r.who === 'staff' && portal) || (r.who === 'portal' && !portal)) break;
    return r.page(params, search.replace(/^\?/, ''), user);
  }
  return (
    <div class="page">
      <ErrorBox error={new ApiError({ status: 404, title: 'Not Found', errors: [] })} />
    </div>
  );
}
