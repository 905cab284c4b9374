import { describe, expect, it } from 'vitest';
import { firstPage, goNext, goPrev, hasNext, hasPrev, loaded, pageNumber } from './paging';

describe('cursor paging', () => {
  it('walks forward with next_cursor and back through the stack', () => {
    let s = firstPage();
    expect(hasPrev(s)).toBe(false);
    expect(hasNext(s)).toBe(false);
    s = loaded(s, 'c2');
    expect(hasNext(s)).toBe(true);
    s = goNext(s);
    expect(s.cursor).toBe('c2');
    expect(pageNumber(s)).toBe(2);
    s = loaded(s, 'c3');
    s = goNext(s);
    expect(s).toEqual({ cursor: 'c3', back: [null, 'c2'], next: null });
    s = loaded(s, null);
    expect(hasNext(s)).toBe(false);
    expect(goNext(s)).toBe(s);
    s = goPrev(s);
    expect(s.cursor).toBe('c2');
    s = goPrev(s);
    expect(s.cursor).toBe(null);
    expect(pageNumber(s)).toBe(1);
    expect(goPrev(s)).toBe(s);
  });
  it('treats an empty next_cursor as the last page', () => {
    expect(hasNext(loaded(firstPage(), ''))).toBe(false);
    expect(hasNext(loaded(firstPage(), undefined))).toBe(false);
  });
});
