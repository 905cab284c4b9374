// The customer form's editable draft, its conversion to an API body, and the mapping of
// error paths back onto the draft's rows when empty rows were left out of the body.
import type { FieldError } from './problem';
import type { Address, Customer, CustomFieldDef, Email, ExternalId, Phone, Serial } from './types';

export interface Draft {
  kind: 'person' | 'organization';
  name: string;
  roles: string[];
  sector: string;
  employees: string;
  revenueAmount: string;
  revenueCurrency: string;
  tax_id: string;
  gender: string;
  /** Present only when the API showed the field to this role (edit), never on create. */
  birth_date?: string;
  income_band?: string;
  notes: string;
  emails: Email[];
  phones: Phone[];
  addresses: Address[];
  external_ids: ExternalId[];
  serials: Serial[];
  tags: string;
  custom: Record<string, string | boolean>;
}

export function emptyDraft(): Draft {
  return {
    kind: 'organization',
    name: '',
    roles: [],
    sector: '',
    employees: '',
    revenueAmount: '',
    revenueCurrency: 'CNY',
    tax_id: '',
    gender: '',
    emails: [{ address: '', label: '', primary: true }],
    phones: [{ number: '', label: '' }],
    addresses: [],
    external_ids: [],
    serials: [],
    tags: '',
    notes: '',
    custom: {},
  };
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function toDraft(c: Customer): Draft {
  const d: Draft = {
    kind: c.kind,
    name: c.name ?? '',
    roles: [...(c.roles ?? [])],
    sector: s(c.sector),
    employees: s(c.employees),
    revenueAmount: s(c.annual_revenue?.amount),
    revenueCurrency: c.annual_revenue?.currency ?? 'CNY',
    tax_id: s(c.tax_id),
    gender: s(c.gender),
    emails: (c.emails ?? []).map((e) => ({ address: e.address ?? '', label: s(e.label), primary: !!e.primary })),
    phones: (c.phones ?? []).map((p) => ({ number: p.number ?? '', label: s(p.label) })),
    addresses: (c.addresses ?? []).map((a) => ({
      label: s(a.label),
      line1: s(a.line1),
      line2: s(a.line2),
      city: s(a.city),
      region: s(a.region),
      postal_code: s(a.postal_code),
      country: s(a.country),
    })),
    external_ids: (c.external_ids ?? []).map((x) => ({ system: s(x.system), value: s(x.value) })),
    serials: (c.serials ?? []).map((x) => ({ serial: s(x.serial), product: s(x.product) })),
    tags: (c.tags ?? []).join(', '),
    notes: s(c.notes),
    custom: {},
  };
  if ('birth_date' in c) d.birth_date = s(c.birth_date);
  if ('income_band' in c) d.income_band = s(c.income_band);
  for (const [k, v] of Object.entries(c.custom ?? {})) {
    if (v === null || v === undefined) continue;
    d.custom[k] = typeof v === 'boolean' ? v : String(v);
  }
  return d;
}

export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[,，;；\n]/)) {
    const t = raw.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

const blank = (o: object) => Object.values(o).every((v) => v === '' || v === null || v === undefined || v === false);
const orNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** Body index → draft index for each array whose empty rows were dropped. */
export type IndexMap = Record<string, number[]>;

function keep<T extends object>(rows: T[], isEmpty: (r: T) => boolean, name: string, map: IndexMap): T[] {
  const out: T[] = [];
  map[name] = [];
  rows.forEach((r, i) => {
    if (isEmpty(r)) return;
    map[name].push(i);
    out.push(r);
  });
  return out;
}

function customValue(v: string | boolean, def: CustomFieldDef | undefined): unknown {
  if (typeof v === 'boolean') return v;
  const t = v.trim();
  if (t === '') return undefined;
  if (def && (def.type === 'number' || def.type === 'integer')) {
    const n = Number(t);
    return Number.isFinite(n) ? n : t; // let the server report a non-number
  }
  return t;
}

/** Builds the JSON body for POST (and the "after" side of a PATCH diff). */
export function draftToBody(d: Draft, defs: CustomFieldDef[] = []): { body: Record<string, unknown>; indexMap: IndexMap } {
  const map: IndexMap = {};
  const body: Record<string, unknown> = {
    kind: d.kind,
    name: d.name.trim(),
    roles: d.roles,
    sector: orNull(d.sector),
    employees: d.employees.trim() === '' ? null : Number.isFinite(Number(d.employees)) ? Number(d.employees) : d.employees,
    annual_revenue: d.revenueAmount.trim() === '' ? null : { amount: d.revenueAmount.trim(), currency: d.revenueCurrency.trim() || 'CNY' },
    tax_id: orNull(d.tax_id),
    gender: orNull(d.gender),
    emails: keep(d.emails, (e) => e.address.trim() === '', 'emails', map).map((e) => ({
      address: e.address.trim(),
      label: orNull(e.label),
      primary: !!e.primary,
    })),
    phones: keep(d.phones, (p) => p.number.trim() === '', 'phones', map).map((p) => ({ number: p.number.trim(), label: orNull(p.label) })),
    addresses: keep(d.addresses, blank, 'addresses', map).map((a) => ({
      label: orNull(a.label),
      line1: orNull(a.line1),
      line2: orNull(a.line2),
      city: orNull(a.city),
      region: orNull(a.region),
      postal_code: orNull(a.postal_code),
      country: orNull(a.country),
    })),
    external_ids: keep(d.external_ids, blank, 'external_ids', map).map((x) => ({ system: x.system.trim(), value: x.value.trim() })),
    serials: keep(d.serials, blank, 'serials', map).map((x) => ({ serial: x.serial.trim(), product: orNull(x.product) })),
    tags: parseTags(d.tags),
  };
  if (d.notes.trim() !== '') body.notes = d.notes.trim();
  if (d.birth_date !== undefined) body.birth_date = orNull(d.birth_date);
  if (d.income_band !== undefined) body.income_band = orNull(d.income_band);
  const custom: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d.custom)) {
    const cv = customValue(v, defs.find((x) => x.key === k));
    if (cv !== undefined) custom[k] = cv;
  }
  body.custom = custom;
  return { body, indexMap: map };
}

/** Rewrites "emails[1]…" in the server's errors to the draft row it came from. */
export function remapErrors(errors: FieldError[], map: IndexMap): FieldError[] {
  return errors.map((e) => {
    const m = /^(\w+)\[(\d+)\](.*)$/.exec(e.field);
    if (!m || !map[m[1]]) return e;
    const draftIndex = map[m[1]][Number(m[2])];
    return draftIndex === undefined ? e : { ...e, field: `${m[1]}[${draftIndex}]${m[3]}` };
  });
}
