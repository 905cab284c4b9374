import { useApp } from '../app-context';
import { get } from '../lib/api';
import type { Customer } from '../lib/types';
import { Empty, ErrorBox, Loading, Section, useAsync } from '../components/common';
import { IdentifiersCard, ProfileCard } from '../components/CustomerProfile';
import { loadCustomFields } from './Customer360';

/** The portal user's own account (GET /customers/{own id}; the server scopes it). */
export function PortalProfilePage() {
  const { t, user } = useApp();
  const cid = user?.customer_id;
  const res = useAsync(
    async (signal) => {
      if (cid === null || cid === undefined) return null;
      const [c, defs] = await Promise.all([get<Customer>(`/api/v1/customers/${encodeURIComponent(String(cid))}`, signal), loadCustomFields(signal)]);
      return { c, defs };
    },
    [cid],
  );
  return (
    <div class="page portal" data-testid="portal-profile">
      <h1>{t('portal.welcome', { name: res.data?.c.name ?? user?.name ?? '' })}</h1>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.data === null && <Empty>{t('portal.noCustomer')}</Empty>}
      {res.data && (
        <>
          <div class="grid-2">
            <ProfileCard c={res.data.c} defs={res.data.defs} />
            <IdentifiersCard c={res.data.c} />
          </div>
          <Section title={t('portal.preferences')} id="preferences">
            <Empty>{t('common.notAvailable')}</Empty>
          </Section>
        </>
      )}
    </div>
  );
}

/** Orders, invoices and cases have no API yet: an honest empty state, never sample data. */
export function PortalPendingPage({ which }: { which: 'orders' | 'invoices' | 'cases' }) {
  const { t } = useApp();
  const title = which === 'orders' ? t('portal.orders') : which === 'invoices' ? t('portal.invoices') : t('portal.cases');
  return (
    <div class="page portal" data-testid={`portal-${which}`}>
      <h1>{title}</h1>
      <Empty>{t('common.notAvailable')}</Empty>
    </div>
  );
}
