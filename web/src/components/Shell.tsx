import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { LOCALES, isLocale } from '../lib/i18n';
import { navigate } from '../lib/router';
import { canCreateCustomers } from '../lib/types';
import { canReadAnalytics } from '../lib/analytics';
import { canReadOrders, canReadPipeline, canReadReceivables, canSeeDashboard } from '../lib/sales';
import { canReadCases } from '../lib/service';
import { Link } from './common';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useApp();
  return (
    <label class="lang">
      <span class="sr-only">{t('lang.label')}</span>
      <select
        aria-label={t('lang.label')}
        data-testid="lang"
        value={locale}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          if (isLocale(v)) setLocale(v);
        }}
      >
        {LOCALES.map((l) => (
          <option value={l.id} key={l.id}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The global search box: the screen pop. "/" focuses it from anywhere outside a text field. */
export function SearchBox() {
  const { t } = useApp();
  const [q, setQ] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      const tag = el?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el?.isContentEditable) return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form
      class="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const v = q.trim();
        if (v) navigate(`/search?q=${encodeURIComponent(v)}`);
      }}
    >
      <input
        ref={ref}
        type="search"
        name="lookup"
        data-testid="global-search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={q}
        onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit">{t('search.go')}</button>
    </form>
  );
}

export function Shell({ path, children }: { path: string; children: ComponentChildren }) {
  const { t, tv, user, logout } = useApp();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  if (!user) return <>{children}</>;
  const portal = user.role === 'customer';
  const items: { href: string; label: string; testid: string }[] = portal
    ? [
        { href: '/portal', label: t('nav.portalProfile'), testid: 'nav-portal' },
        { href: '/portal/orders', label: t('nav.portalOrders'), testid: 'nav-orders' },
        { href: '/portal/invoices', label: t('nav.portalInvoices'), testid: 'nav-invoices' },
        { href: '/portal/cases', label: t('nav.portalCases'), testid: 'nav-cases' },
        { href: '/portal/surveys', label: t('nav.portalSurveys'), testid: 'nav-surveys' },
      ]
    : [
        ...(canSeeDashboard(user.role) ? [{ href: '/dashboard', label: t('nav.dashboard'), testid: 'nav-dashboard' }] : []),
        { href: '/customers', label: t('nav.customers'), testid: 'nav-customers' },
        ...(canCreateCustomers(user.role) ? [{ href: '/customers/new', label: t('nav.newCustomer'), testid: 'nav-new' }] : []),
        ...(canReadPipeline(user.role) ? [{ href: '/pipeline', label: t('nav.pipeline'), testid: 'nav-pipeline' }] : []),
        ...(canReadOrders(user.role) ? [{ href: '/orders', label: t('nav.orders'), testid: 'nav-staff-orders' }] : []),
        ...(canReadReceivables(user.role) ? [{ href: '/receivables', label: t('nav.receivables'), testid: 'nav-receivables' }] : []),
        ...(canReadAnalytics(user.role) ? [{ href: '/analytics/value', label: t('nav.analytics'), testid: 'nav-analytics' }] : []),
        ...(canReadCases(user.role) ? [{ href: '/service', label: t('nav.service'), testid: 'nav-service' }] : []),
      ];
  const active = (href: string) => path === href || (href !== '/portal' && path.startsWith(href + '/') && !items.some((i) => i.href !== href && path.startsWith(i.href)));
  return (
    <div class="shell">
      <a class="sr-only focusable" href="#main">
        {t('app.skip')}
      </a>
      <header class="topbar">
        <Link href="/" class="brand">
          {t('app.name')}
        </Link>
        <button type="button" class="menu-toggle" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          {t('nav.menu')}
        </button>
        <nav class={menuOpen ? 'nav open' : 'nav'} aria-label="main" data-testid="nav">
          {items.map((i) => (
            <Link key={i.href} href={i.href} data-testid={i.testid} class={active(i.href) ? 'active' : ''} aria-current={active(i.href) ? 'page' : undefined}>
              {i.label}
            </Link>
          ))}
        </nav>
        {!portal && <SearchBox />}
        <div class="user">
          <LanguageSwitch />
          <span class="who" data-testid="whoami" title={user.email}>
            {user.name} · <span data-testid="role" data-role={user.role}>{tv('userRole', user.role)}</span>
          </span>
          <button type="button" data-testid="logout" onClick={logout}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
