// Keyset (cursor) paging state: the API only gives next_cursor, so "previous" is a stack
// of the cursors that led to each page we have seen. Never offsets.

export interface PagingState {
  /** Cursor used to fetch the current page (null = first page). */
  cursor: string | null;
  /** Cursors of the pages before the current one, oldest first. */
  back: (string | null)[];
  /** next_cursor returned with the current page (null = last page). */
  next: string | null;
}

export function firstPage(): PagingState {
  return { cursor: null, back: [], next: null };
}

/** Records the next_cursor that came with the page just loaded. */
export function loaded(s: PagingState, nextCursor: string | null | undefined): PagingState {
  return { ...s, next: nextCursor ?? null };
}

export function hasNext(s: PagingState): boolean {
  return s.next !== null && s.next !== '';
}

export function hasPrev(s: PagingState): boolean {
  return s.back.length > 0;
}

/** Moves forward: the next page is fetched with s.next. */
export function goNext(s: PagingState): PagingState {
  if (!hasNext(s)) return s;
  return { cursor: s.next, back: [...s.back, s.cursor], next: null };
}

export function goPrev(s: PagingState): PagingState {
  if (!hasPrev(s)) return s;
  const back = s.back.slice(0, -1);
  return { cursor: s.back[s.back.length - 1], back, next: null };
}

/** 1-based number of the current page. */
export function pageNumber(s: PagingState): number {
  return s.back.length + 1;
}
