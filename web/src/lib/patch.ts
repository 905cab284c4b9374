// JSON merge patch (RFC 7396) between the record as loaded and as edited: arrays replace,
// objects merge key by key, removed keys become null.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Returns the merge patch turning `before` into `after`, or undefined when nothing changed. */
export function mergePatch(before: unknown, after: unknown): Json | undefined {
  if (isObject(before) && isObject(after)) {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(after)) {
      if (after[k] === undefined) continue;
      const d = k in before ? mergePatch(before[k], after[k]) : (after[k] as Json);
      if (d !== undefined) out[k] = d;
    }
    for (const k of Object.keys(before)) {
      if (!(k in after) || after[k] === undefined) {
        if (before[k] !== null && before[k] !== undefined) out[k] = null;
      }
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (equal(before, after)) return undefined;
  return (after === undefined ? null : after) as Json;
}
