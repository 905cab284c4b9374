import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { ApiError, request } from '../lib/api';
import { draftToBody, emptyDraft, remapErrors, toDraft, type Draft } from '../lib/customerForm';
import { mergePatch } from '../lib/patch';
import { fieldMatches, messagesFor, type FieldError } from '../lib/problem';
import { navigate } from '../lib/router';
import { CUSTOMER_ROLES, type Customer, type CustomFieldDef } from '../lib/types';
import { ErrorBox, Link, Loading } from '../components/common';
import { loadCustomFields } from './Customer360';

const val = (e: Event) => (e.currentTarget as HTMLInputElement).value;

function Field(props: { label: string; path: string; errors: FieldError[]; exact?: boolean; children: ComponentChildren; class?: string }) {
  const msgs = props.exact ? props.errors.filter((e) => e.field === props.path).map((e) => e.message) : messagesFor(props.errors, props.path);
  const invalid = msgs.length > 0;
  return (
    <div class={`field ${props.class ?? ''} ${invalid ? 'invalid' : ''}`} data-field={props.path}>
      <label>
        <span>{props.label}</span>
        {props.children}
      </label>
      {msgs.map((m, i) => (
        <p class="field-error" role="alert" key={i} data-testid={`error-${props.path}`}>
          {m}
        </p>
      ))}
    </div>
  );
}

/** Every input path the form renders, so errors on none of them go to the summary. */
function knownPaths(d: Draft, defs: CustomFieldDef[]): string[] {
  const p = ['kind', 'name', 'roles', 'sector', 'employees', 'annual_revenue', 'tax_id', 'gender', 'tags', 'notes', 'birth_date', 'income_band'];
  d.emails.forEach((_, i) => p.push(`emails[${i}]`));
  d.phones.forEach((_, i) => p.push(`phones[${i}]`));
  d.addresses.forEach((_, i) => p.push(`addresses[${i}]`));
  d.external_ids.forEach((_, i) => p.push(`external_ids[${i}]`));
  d.serials.forEach((_, i) => p.push(`serials[${i}]`));
  defs.forEach((f) => p.push(`custom.${f.key}`));
  Object.keys(d.custom).forEach((k) => p.push(`custom.${k}`));
  return p;
}

export function CustomerFormPage({ id }: { id?: string }) {
  const { t, tv } = useApp();
  const [draft, setDraft] = useState<Draft | null>(id ? null : emptyDraft());
  const [original, setOriginal] = useState<{ c: Customer; etag: string | null } | null>(null);
  const [defs, setDefs] = useState<CustomFieldDef[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    setLoadError(null);
    try {
      const [cf, r] = await Promise.all([loadCustomFields(), id ? request<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`) : Promise.resolve(null)]);
      setDefs(cf);
      if (r) {
        setOriginal({ c: r.data, etag: r.etag });
        setDraft(toDraft(r.data));
      }
    } catch (e) {
      setLoadError(e);
    }
  }
  useEffect(() => {
    load();
  }, [id]);

  if (loadError) return <div class="page">{<ErrorBox error={loadError} onRetry={load} />}</div>;
  if (!draft) return <Loading />;
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  function setRow<K extends 'emails' | 'phones' | 'addresses' | 'external_ids' | 'serials'>(key: K, i: number, patch: Partial<Draft[K][number]>) {
    const rows = [...d[key]] as Draft[K][number][];
    rows[i] = { ...rows[i], ...patch };
    set({ [key]: rows } as Partial<Draft>);
  }
  function removeRow(key: 'emails' | 'phones' | 'addresses' | 'external_ids' | 'serials', i: number) {
    set({ [key]: d[key].filter((_, j) => j !== i) } as Partial<Draft>);
    setErrors([]);
  }

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setErrors([]);
    setNotice(null);
    const { body, indexMap } = draftToBody(d, defs);
    try {
      if (!id) {
        const r = await request<Customer>('/api/v1/customers', { method: 'POST', body });
        navigate(`/customers/${encodeURIComponent(String(r.data.id))}`);
        return;
      }
      const before = draftToBody(toDraft(original!.c), defs).body;
      const patch = mergePatch(before, body);
      if (patch === undefined) {
        navigate(`/customers/${encodeURIComponent(id)}`);
        return;
      }
      const headers: Record<string, string> = {};
      if (original?.etag) headers['If-Match'] = original.etag;
      await request<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, headers });
      navigate(`/customers/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setNotice(t('form.stale'));
        await load();
      } else if (err instanceof ApiError) {
        setProblem(err);
        setErrors(remapErrors(err.problem.errors, indexMap));
      } else {
        setProblem(new ApiError({ status: 0, title: String(err), errors: [] }));
      }
    } finally {
      setBusy(false);
    }
  }

  const paths = knownPaths(d, defs);
  const summary = errors.filter((e) => !paths.some((p) => fieldMatches(p, e.field)));
  const title = id ? t('form.editTitle', { name: original?.c.name ?? '' }) : t('form.newTitle');
  const text = (path: string, label: string, value: string, onInput: (v: string) => void, type: 'text' | 'email' | 'tel' | 'date' | 'number' = 'text', extra: Record<string, unknown> = {}) => (
    <Field label={label} path={path} errors={errors}>
      <input {...({ name: path, type, value, 'aria-invalid': messagesFor(errors, path).length > 0, onInput: (e: Event) => onInput(val(e)), ...extra } as unknown as InputHTMLAttributes<HTMLInputElement>)} />
    </Field>
  );

  return (
    <div class="page">
      <div class="page-head">
        <h1>{title}</h1>
      </div>
      <form class="customer-form" onSubmit={submit} noValidate data-testid="customer-form">
        {notice && (
          <p class="notice" role="status" data-testid="stale-notice">
            {notice}
          </p>
        )}
        {problem && (
          <div class="error-box" role="alert" data-testid="form-error">
            <strong>{problem.problem.title}</strong>
            {problem.problem.detail && <p class="detail">{problem.problem.detail}</p>}
            {errors.length > 0 && <p>{t('error.fix')}</p>}
            {summary.length > 0 && (
              <ul>
                {summary.map((e, i) => (
                  <li key={i}>
                    {e.field ? <code>{e.field}</code> : null} {e.message}
                  </li>
                ))}
              </ul>
            )}
            {problem.problem.request_id && (
              <p class="rid">
                {t('error.requestId')}: <code>{problem.problem.request_id}</code>
              </p>
            )}
          </div>
        )}
        <fieldset class="card">
          <legend>{t('form.basic')}</legend>
          <div class="form-grid">
            <Field label={t('field.kind')} path="kind" errors={errors}>
              <select name="kind" value={d.kind} disabled={!!id} onChange={(e) => set({ kind: val(e) as Draft['kind'] })}>
                <option value="organization">{t('kind.organization')}</option>
                <option value="person">{t('kind.person')}</option>
              </select>
            </Field>
            {text('name', t('field.name'), d.name, (v) => set({ name: v }), 'text', { required: true })}
            {text('sector', t('field.sector'), d.sector, (v) => set({ sector: v }))}
            {d.kind === 'organization' && text('employees', t('field.employees'), d.employees, (v) => set({ employees: v }), 'number', { min: 0 })}
            {d.kind === 'organization' && (
              <Field label={t('field.annual_revenue')} path="annual_revenue" errors={errors}>
                <span class="money-input">
                  <input name="annual_revenue.amount" inputMode="decimal" value={d.revenueAmount} onInput={(e) => set({ revenueAmount: val(e) })} />
                  <input name="annual_revenue.currency" aria-label={t('field.currency')} maxLength={3} size={4} value={d.revenueCurrency} onInput={(e) => set({ revenueCurrency: val(e).toUpperCase() })} />
                </span>
              </Field>
            )}
            {d.kind === 'organization' && text('tax_id', t('field.tax_id'), d.tax_id, (v) => set({ tax_id: v }))}
            {d.kind === 'person' && text('gender', t('field.gender'), d.gender, (v) => set({ gender: v }))}
            {d.birth_date !== undefined && text('birth_date', t('field.birth_date'), d.birth_date, (v) => set({ birth_date: v }), 'date')}
            {d.income_band !== undefined && text('income_band', t('field.income_band'), d.income_band, (v) => set({ income_band: v }))}
            {text('tags', t('field.tags'), d.tags, (v) => set({ tags: v }), 'text', { placeholder: t('form.tagsHint') })}
          </div>
          <Field label={t('field.notes')} path="notes" errors={errors} class="notes">
            <textarea name="notes" rows={2} value={d.notes} onInput={(e) => set({ notes: (e.currentTarget as HTMLTextAreaElement).value })} />
          </Field>
          <Field label={t('field.roles')} path="roles" errors={errors} class="roles">
            <span class="checks">
              {CUSTOMER_ROLES.map((r) => (
                <label class="check" key={r}>
                  <input
                    type="checkbox"
                    name={`roles.${r}`}
                    checked={d.roles.includes(r)}
                    onChange={(e) => set({ roles: (e.currentTarget as HTMLInputElement).checked ? [...d.roles, r] : d.roles.filter((x) => x !== r) })}
                  />
                  {tv('role', r)}
                </label>
              ))}
            </span>
          </Field>
        </fieldset>

        <fieldset class="card">
          <legend>{t('form.contactInfo')}</legend>
          {errors.filter((e) => e.field === 'emails' || e.field === 'phones').map((e, i) => (
            <p class="field-error" key={i} data-testid={`error-${e.field}`}>
              {e.message}
            </p>
          ))}
          {d.emails.map((em, i) => (
            <div class="row" key={`e${i}`}>
              {text(`emails[${i}]`, `${t('field.email')} ${i + 1}`, em.address, (v) => setRow('emails', i, { address: v }), 'email')}
              <Field label={t('field.label')} path={`emails[${i}].label`} errors={[]}>
                <input name={`emails[${i}].label`} value={em.label ?? ''} size={8} onInput={(e) => setRow('emails', i, { label: val(e) })} />
              </Field>
              <label class="check">
                <input type="radio" name="primary-email" checked={!!em.primary} onChange={() => set({ emails: d.emails.map((x, j) => ({ ...x, primary: j === i })) })} />
                {t('field.primary')}
              </label>
              <button type="button" class="small" onClick={() => removeRow('emails', i)}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ emails: [...d.emails, { address: '', label: '', primary: d.emails.length === 0 }] })}>
            {t('form.addEmail')}
          </button>
          {d.phones.map((ph, i) => (
            <div class="row" key={`p${i}`}>
              {text(`phones[${i}]`, `${t('field.phone')} ${i + 1}`, ph.number, (v) => setRow('phones', i, { number: v }), 'tel')}
              <Field label={t('field.label')} path={`phones[${i}].label`} errors={[]}>
                <input name={`phones[${i}].label`} value={ph.label ?? ''} size={8} onInput={(e) => setRow('phones', i, { label: val(e) })} />
              </Field>
              <button type="button" class="small" onClick={() => removeRow('phones', i)}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ phones: [...d.phones, { number: '', label: '' }] })}>
            {t('form.addPhone')}
          </button>
        </fieldset>

        <fieldset class="card">
          <legend>{t('field.addresses')}</legend>
          {d.addresses.map((a, i) => (
            <div class="row wrap" key={`a${i}`}>
              {(['label', 'line1', 'line2', 'city', 'region', 'postal_code', 'country'] as const).map((k) =>
                text(`addresses[${i}].${k}`, t(`field.${k}`), a[k] ?? '', (v) => setRow('addresses', i, { [k]: v })),
              )}
              {messagesFor(errors, `addresses[${i}]`).length > 0 && errors.some((e) => e.field === `addresses[${i}]`) && (
                <p class="field-error">{errors.filter((e) => e.field === `addresses[${i}]`).map((e) => e.message).join(' ')}</p>
              )}
              <button type="button" class="small" onClick={() => removeRow('addresses', i)}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ addresses: [...d.addresses, { label: '', line1: '', line2: '', city: '', region: '', postal_code: '', country: '' }] })}>
            {t('form.addAddress')}
          </button>
        </fieldset>

        <fieldset class="card">
          <legend>{t('c360.identifiers')}</legend>
          {d.external_ids.map((x, i) => (
            <div class="row" key={`x${i}`}>
              {text(`external_ids[${i}].system`, t('field.system'), x.system, (v) => setRow('external_ids', i, { system: v }))}
              {text(`external_ids[${i}].value`, t('field.value'), x.value, (v) => setRow('external_ids', i, { value: v }))}
              <button type="button" class="small" onClick={() => removeRow('external_ids', i)}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ external_ids: [...d.external_ids, { system: '', value: '' }] })}>
            {t('form.addExternalId')}
          </button>
          {d.serials.map((x, i) => (
            <div class="row" key={`s${i}`}>
              {text(`serials[${i}].serial`, t('field.serial'), x.serial, (v) => setRow('serials', i, { serial: v }))}
              {text(`serials[${i}].product`, t('field.product'), x.product ?? '', (v) => setRow('serials', i, { product: v }))}
              <button type="button" class="small" onClick={() => removeRow('serials', i)}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ serials: [...d.serials, { serial: '', product: '' }] })}>
            {t('form.addSerial')}
          </button>
        </fieldset>

        {(defs.length > 0 || Object.keys(d.custom).length > 0) && (
          <fieldset class="card">
            <legend>{t('field.custom')}</legend>
            <div class="form-grid">
              {defs.map((f) => {
                const path = `custom.${f.key}`;
                const v = d.custom[f.key];
                const setV = (x: string | boolean) => set({ custom: { ...d.custom, [f.key]: x } });
                const label = f.required ? `${f.label} *` : f.label;
                if (f.type === 'boolean')
                  return (
                    <Field key={f.key} label={label} path={path} errors={errors}>
                      <input type="checkbox" name={path} checked={v === true || v === 'true'} onChange={(e) => setV((e.currentTarget as HTMLInputElement).checked)} />
                    </Field>
                  );
                if (f.type === 'enum')
                  return (
                    <Field key={f.key} label={label} path={path} errors={errors}>
                      <select name={path} value={typeof v === 'string' ? v : ''} onChange={(e) => setV(val(e))}>
                        <option value="">{t('common.none')}</option>
                        {(f.allowed_values ?? []).map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    </Field>
                  );
                const type: 'date' | 'number' | 'text' = f.type === 'date' ? 'date' : f.type === 'number' || f.type === 'integer' ? 'number' : 'text';
                return <span key={f.key}>{text(path, label, typeof v === 'string' ? v : '', setV, type, f.type === 'number' ? { step: 'any' } : {})}</span>;
              })}
              {Object.keys(d.custom)
                .filter((k) => !defs.some((f) => f.key === k))
                .map((k) => (
                  <span key={k}>{text(`custom.${k}`, k, String(d.custom[k]), (x) => set({ custom: { ...d.custom, [k]: x } }))}</span>
                ))}
            </div>
          </fieldset>
        )}

        <div class="actions sticky">
          <button type="submit" class="primary" disabled={busy} data-testid="save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link class="button" href={id ? `/customers/${encodeURIComponent(id)}` : '/customers'}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
