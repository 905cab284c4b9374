import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { get, request } from '../lib/api';
import { consentStatus, type Consent } from '../lib/service';
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
            <ConsentsCard customerId={String(cid)} />
          </Section>
        </>
      )}
    </div>
  );
}

const PREF_CHANNELS = ['email', 'sms', 'phone', 'wechat', 'post'] as const;
const PREF_PURPOSES = ['marketing', 'newsletter', 'service'] as const;

/** Contact preferences: the customer's consents per channel and purpose; a toggle records a new consent. */
function ConsentsCard({ customerId }: { customerId: string }) {
  const { t, tv, fmt } = useApp();
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const res = useAsync((signal) => get<{ current: Consent[]; history: Consent[] }>(`/api/v1/customers/${encodeURIComponent(customerId)}/consents`, signal), [customerId]);
  async function toggle(channel: string, purpose: string, granted: boolean) {
    setBusy(`${channel}.${purpose}`);
    setError(null);
    try {
      await request(`/api/v1/customers/${encodeURIComponent(customerId)}/consents`, {
        method: 'POST',
        body: { channel, purpose, status: granted ? 'granted' : 'withdrawn', source: 'customer portal' },
      });
      res.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  }
  if (res.loading && !res.data) return <Loading />;
  if (res.error != null) return <ErrorBox error={res.error} onRetry={res.reload} />;
  const current = res.data?.current ?? [];
  const last = [...(res.data?.history ?? [])].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at))[0];
  return (
    <div data-testid="consents">
      <p class="muted">{t('consent.intro')}</p>
      {error != null && <ErrorBox error={error} />}
      <div class="table-wrap">
        <table class="consents">
          <thead>
            <tr>
              <th>{t('consent.channel')}</th>
              {PREF_PURPOSES.map((p) => (
                <th key={p}>{tv('consentPurpose', p)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PREF_CHANNELS.map((ch) => (
              <tr key={ch}>
                <td>{tv('consentChannel', ch)}</td>
                {PREF_PURPOSES.map((p) => {
                  const st = consentStatus(current, ch, p);
                  return (
                    <td key={p}>
                      <label>
                        <input
                          type="checkbox"
                          data-testid={`consent-${ch}-${p}`}
                          data-status={st ?? 'unset'}
                          checked={st === 'granted'}
                          disabled={busy !== ''}
                          onChange={(e) => toggle(ch, p, (e.currentTarget as HTMLInputElement).checked)}
                        />{' '}
                        <span class="muted">{st ? tv('consentStatus', st) : t('consent.unset')}</span>
                      </label>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {last && <p class="muted">{t('consent.last', { d: fmt.dateTime(last.occurred_at) })}</p>}
    </div>
  );
}
