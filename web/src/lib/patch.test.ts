import { describe, expect, it } from 'vitest';
import { mergePatch } from './patch';
import { draftToBody, emptyDraft, parseTags, toDraft } from './customerForm';
import type { Customer } from './types';

describe('mergePatch', () => {
  it('sends only changed keys; arrays replace whole; removed keys become null', () => {
    const before = { name: 'A', tags: ['x'], custom: { a: 1, b: 2 }, sector: 'textiles' };
    const after = { name: 'A', tags: ['x', 'vip'], custom: { a: 1, c: 3 } };
    expect(mergePatch(before, after)).toEqual({ tags: ['x', 'vip'], custom: { b: null, c: 3 }, sector: null });
    expect(mergePatch(before, { ...before })).toBeUndefined();
  });
});

const customer: Customer = {
  id: 7,
  kind: 'person',
  name: 'Li Wei',
  status: 'active',
  roles: ['end_customer'],
  parent_id: null,
  owner_id: null,
  sector: null,
  employees: null,
  annual_revenue: null,
  tax_id: null,
  gender: 'f',
  birth_date: '1990-04-02',
  emails: [{ address: 'li.wei@example.cn', label: 'home', primary: true }],
  phones: [{ number: '+86 138 0000 0000', label: null, normalized: '+8613800000000' }],
  addresses: [],
  external_ids: [],
  serials: [],
  tags: ['vip'],
  custom: { shoe_size: 38 },
  version: 3,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-02T00:00:00Z',
};

describe('customer form', () => {
  it('edits produce a minimal patch', () => {
    const d = toDraft(customer);
    const before = draftToBody(d).body;
    const after = draftToBody({ ...d, tags: 'vip, 重点客户' }).body;
    expect(mergePatch(before, after)).toEqual({ tags: ['vip', '重点客户'] });
  });
  it('keeps sensitive fields out of the body unless the API showed them', () => {
    expect('birth_date' in draftToBody(emptyDraft()).body).toBe(false);
    expect(draftToBody(toDraft(customer)).body.birth_date).toBe('1990-04-02');
    expect('income_band' in draftToBody(toDraft(customer)).body).toBe(false);
    expect(draftToBody(toDraft({ ...customer, income_band: null })).body.income_band).toBe(null);
  });
  it('drops empty rows and records where the kept rows came from', () => {
    const d = { ...emptyDraft(), name: 'X', emails: [{ address: '' }, { address: 'not-an-email', primary: false }] };
    const { body, indexMap } = draftToBody(d);
    expect(body.emails).toEqual([{ address: 'not-an-email', label: null, primary: false }]);
    expect(body.phones).toEqual([]);
    expect(indexMap.emails).toEqual([1]);
  });
  it('parses tags with ASCII and full-width separators', () => {
    expect(parseTags('a, b，c;; a')).toEqual(['a', 'b', 'c']);
  });
  it('types custom values from their definitions', () => {
    const d = { ...emptyDraft(), custom: { size: '42', note: ' hi ', ok: true, empty: '' } };
    const body = draftToBody(d, [{ id: 1, entity: 'customer', key: 'size', label: 'Size', type: 'integer', required: false, allowed_values: null }]).body;
    expect(body.custom).toEqual({ size: 42, note: 'hi', ok: true });
  });
});
