import type { ComponentChildren } from 'preact';
import { useApp } from '../app-context';
import type { Customer, CustomFieldDef } from '../lib/types';
import { Link, Section } from './common';

export const SENSITIVE_FIELDS = ['birth_date', 'income_band', 'measurements'] as const;

/**
 * True when the API included a sensitive field (it omits them for roles that may not see
 * them) and there is something to show: for organisations only when a value is set.
 */
export function hasSensitive(c: Customer): boolean {
  const present = SENSITIVE_FIELDS.filter((f) => f in c);
  if (c.kind === 'person') return present.length > 0;
  return present.some((f) => {
    const v = c[f];
    return v !== null && v !== undefined && v !== '' && !(typeof v === 'object' && Object.keys(v).length === 0);
  });
}

function Row({ label, children, testid }: { label: string; children: ComponentChildren; testid?: string }) {
  return (
    <div class="kv-row" data-testid={testid}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function displayValue(v: unknown, yes: string, no: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) {
    if (!v.length) return '—';
    const sep = v.some((x) => x !== null && typeof x === 'object') ? '; ' : ', ';
    return v.map((x) => displayValue(x, yes, no)).join(sep);
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.amount === 'string' && typeof o.currency === 'string') return `${o.amount} ${o.currency}`;
    const parts = Object.entries(o)
      .filter(([, x]) => x !== null && x !== undefined && x !== '' && x !== false)
      .map(([k, x]) => (typeof x === 'object' ? `${k}: ${displayValue(x, yes, no)}` : x === true ? k : String(x)));
    return parts.length ? parts.join(', ') : '—';
  }
  return String(v);
}

export function ProfileCard({ c, defs }: { c: Customer; defs: CustomFieldDef[] }) {
  const { t, tv, fmt } = useApp();
  const dash = t('common.none');
  const custom = c.custom ?? {};
  const customKeys = [...new Set([...defs.map((d) => d.key), ...Object.keys(custom)])].filter((k) => k in custom);
  const label = (k: string) => defs.find((d) => d.key === k)?.label ?? k;
  return (
    <Section title={t('c360.profile')} id="profile">
      <dl class="kv">
        <Row label={t('field.kind')}>{tv('kind', c.kind)}</Row>
        <Row label={t('field.status')}>{tv('status', c.status)}</Row>
        <Row label={t('field.roles')}>{c.roles?.length ? c.roles.map((r) => tv('role', r)).join(', ') : dash}</Row>
        <Row label={t('field.tags')} testid="profile-tags">
          {c.tags?.length
            ? c.tags.map((g) => (
                <span class="tag" key={g}>
                  {g}
                </span>
              ))
            : dash}
        </Row>
        {c.kind === 'organization' && (
          <>
            <Row label={t('field.sector')}>{c.sector || dash}</Row>
            <Row label={t('field.employees')}>{c.employees == null ? dash : fmt.number(c.employees)}</Row>
            <Row label={t('field.annual_revenue')}>{fmt.money(c.annual_revenue)}</Row>
            <Row label={t('field.tax_id')}>{c.tax_id || dash}</Row>
            {c.parent_id != null && (
              <Row label={t('field.parent_id')}>
                <Link href={`/customers/${encodeURIComponent(String(c.parent_id))}`}>#{String(c.parent_id)}</Link>
              </Row>
            )}
          </>
        )}
        {c.kind === 'person' && c.sector && <Row label={t('field.sector')}>{c.sector}</Row>}
        {c.kind === 'person' && <Row label={t('field.gender')}>{c.gender || dash}</Row>}
        {c.owner_id != null && <Row label={t('field.owner_id')}>#{String(c.owner_id)}</Row>}
        {c.notes && <Row label={t('field.notes')}>{c.notes}</Row>}
        <Row label={t('field.created_at')}>{fmt.dateTime(c.created_at)}</Row>
        <Row label={t('field.updated_at')}>{fmt.dateTime(c.updated_at)}</Row>
      </dl>
      {hasSensitive(c) && (
        <div class="sensitive" data-testid="sensitive">
          <h3>{t('c360.sensitive')}</h3>
          <dl class="kv">
            {'birth_date' in c && <Row label={t('field.birth_date')}>{fmt.date(c.birth_date)}</Row>}
            {'income_band' in c && <Row label={t('field.income_band')}>{c.income_band || dash}</Row>}
            {'measurements' in c && (
              <Row label={t('field.measurements')}>
                {c.measurements && Object.keys(c.measurements).length
                  ? Object.entries(c.measurements).map(([k, v]) => (
                      <span class="tag" key={k}>
                        {k}: {displayValue(v, '', '')}
                      </span>
                    ))
                  : dash}
              </Row>
            )}
          </dl>
        </div>
      )}
      {customKeys.length > 0 && (
        <div class="custom" data-testid="custom-fields">
          <h3>{t('field.custom')}</h3>
          <dl class="kv">
            {customKeys.map((k) => (
              <Row key={k} label={label(k)}>
                {displayValue(custom[k], t('common.yes'), t('common.no'))}
              </Row>
            ))}
          </dl>
        </div>
      )}
    </Section>
  );
}

export function IdentifiersCard({ c }: { c: Customer }) {
  const { t } = useApp();
  const dash = t('common.none');
  return (
    <Section title={t('c360.identifiers')} id="identifiers">
      <dl class="kv">
        <Row label={t('field.emails')} testid="emails">
          {c.emails?.length ? (
            <ul class="plain">
              {c.emails.map((e, i) => (
                <li key={i}>
                  <a href={`mailto:${e.address}`}>{e.address}</a>
                  {e.label && <span class="muted"> · {e.label}</span>}
                  {e.primary && <span class="badge">{t('field.primary')}</span>}
                </li>
              ))}
            </ul>
          ) : (
            dash
          )}
        </Row>
        <Row label={t('field.phones')} testid="phones">
          {c.phones?.length ? (
            <ul class="plain">
              {c.phones.map((p, i) => (
                <li key={i}>
                  <a href={`tel:${p.normalized || p.number}`}>{p.number}</a>
                  {p.label && <span class="muted"> · {p.label}</span>}
                </li>
              ))}
            </ul>
          ) : (
            dash
          )}
        </Row>
        <Row label={t('field.addresses')}>
          {c.addresses?.length ? (
            <ul class="plain">
              {c.addresses.map((a, i) => (
                <li key={i}>
                  {a.label && <strong>{a.label}: </strong>}
                  {[a.line1, a.line2, a.city, a.region, a.postal_code, a.country].filter(Boolean).join(', ')}
                </li>
              ))}
            </ul>
          ) : (
            dash
          )}
        </Row>
        <Row label={t('field.external_ids')}>
          {c.external_ids?.length
            ? c.external_ids.map((x, i) => (
                <span class="tag" key={i}>
                  {x.system}: {x.value}
                </span>
              ))
            : dash}
        </Row>
        <Row label={t('field.serials')}>
          {c.serials?.length
            ? c.serials.map((x, i) => (
                <span class="tag" key={i}>
                  {x.serial}
                  {x.product ? ` (${x.product})` : ''}
                </span>
              ))
            : dash}
        </Row>
      </dl>
    </Section>
  );
}
