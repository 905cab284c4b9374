import { describe, expect, it } from 'vitest';
import { emptyQuery, fromSearchParams, parseSort, setEqFilter, sortToString, toSearchParams, toggleSort, type ListQuery } from './query';

describe('toSearchParams', () => {
  it('builds eq and operator filters, sort, cursor', () => {
    const q: ListQuery = {
      q: ' silk ',
      filters: [
        { field: 'kind', op: 'eq', value: 'organization' },
        { field: 'employees', op: 'gte', value: '100' },
        { field: 'custom.segment', op: 'in', value: 'a,b' },
        { field: 'sector', op: 'eq', value: '  ' },
        { field: 'parent_id', op: 'is-null', value: '' },
      ],
      sort: [{ field: 'name', desc: true }, { field: 'id', desc: false }],
      limit: 50,
    };
    const p = toSearchParams(q, 'abc==');
    expect(p.get('q')).toBe('silk');
    expect(p.get('filter[kind]')).toBe('organization');
    expect(p.get('filter[employees][gte]')).toBe('100');
    expect(p.get('filter[custom.segment][in]')).toBe('a,b');
    expect(p.has('filter[sector]')).toBe(false);
    expect(p.get('filter[parent_id][is-null]')).toBe('true');
    expect(p.get('sort')).toBe('-name,id');
    expect(p.get('cursor')).toBe('abc==');
    expect(p.has('limit')).toBe(false);
    expect(p.toString()).toContain('filter%5Bkind%5D=organization');
  });

  it('omits empty state and adds total and non-default limit', () => {
    expect(toSearchParams(emptyQuery()).toString()).toBe('');
    const p = toSearchParams({ ...emptyQuery(), limit: 100 }, null, { total: true });
    expect(p.get('limit')).toBe('100');
    expect(p.get('total')).toBe('true');
  });

  it('round-trips through the page URL', () => {
    let q = setEqFilter(emptyQuery(), 'roles', 'supplier');
    q = { ...q, q: '杭州', sort: parseSort('-updated_at'), filters: [...q.filters, { field: 'employees', op: 'lt', value: '10' }] };
    const back = fromSearchParams(new URLSearchParams(toSearchParams(q, 'CUR').toString()));
    expect(back.query).toEqual(q);
    expect(back.cursor).toBe('CUR');
  });

  it('ignores unknown operators and junk limits', () => {
    const back = fromSearchParams(new URLSearchParams('filter[name][regex]=x&limit=-3&foo=1'));
    expect(back.query.filters).toEqual([]);
    expect(back.query.limit).toBe(50);
  });
});

describe('sorting', () => {
  it('serialises and parses', () => {
    expect(sortToString(parseSort('-name, id'))).toBe('-name,id');
    expect(parseSort(null)).toEqual([]);
  });
  it('toggles a column asc → desc → asc and makes it primary', () => {
    let s = toggleSort([], 'name');
    expect(s).toEqual([{ field: 'name', desc: false }]);
    s = toggleSort(s, 'name');
    expect(s).toEqual([{ field: 'name', desc: true }]);
    s = toggleSort(s, 'created_at');
    expect(s).toEqual([{ field: 'created_at', desc: false }, { field: 'name', desc: true }]);
  });
});

describe('setEqFilter', () => {
  it('replaces and clears', () => {
    let q = setEqFilter(emptyQuery(), 'kind', 'person');
    q = setEqFilter(q, 'kind', 'organization');
    expect(q.filters).toEqual([{ field: 'kind', op: 'eq', value: 'organization' }]);
    expect(setEqFilter(q, 'kind', '').filters).toEqual([]);
  });
});
