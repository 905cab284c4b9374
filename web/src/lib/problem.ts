// RFC 9457 problem+json parsing and mapping of field errors onto form inputs.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors: FieldError[];
  request_id?: string;
}

export function parseProblem(status: number, body: unknown, statusText = ''): Problem {
  const p: Problem = { status, errors: [] };
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.type === 'string') p.type = b.type;
    if (typeof b.title === 'string') p.title = b.title;
    if (typeof b.detail === 'string') p.detail = b.detail;
    if (typeof b.request_id === 'string') p.request_id = b.request_id;
    if (Array.isArray(b.errors)) {
      for (const e of b.errors) {
        if (e && typeof e === 'object') {
          const fe = e as Record<string, unknown>;
          p.errors.push({
            field: typeof fe.field === 'string' ? normalizeField(fe.field) : '',
            message: typeof fe.message === 'string' ? fe.message : String(fe.message ?? ''),
          });
        }
      }
    }
  }
  if (!p.title) p.title = statusText || `HTTP ${status}`;
  return p;
}

/**
 * Normalises a field path to the dotted/bracketed form the forms use:
 * "emails.0.address" → "emails[0].address", "/emails/0" (JSON pointer) → "emails[0]".
 */
export function normalizeField(field: string): string {
  let f = field.trim();
  if (f.startsWith('/')) f = f.slice(1).split('/').join('.');
  if (f.startsWith('$.')) f = f.slice(2);
  return f
    .split('.')
    .map((seg, i) => (/^\d+$/.test(seg) ? `[${seg}]` : i === 0 ? seg : `.${seg}`))
    .join('')
    .replace(/\.\[/g, '[');
}

/** True when an error reported for `errorField` belongs to the input at `inputPath`. */
export function fieldMatches(inputPath: string, errorField: string): boolean {
  if (errorField === inputPath) return true;
  if (!errorField.startsWith(inputPath)) return false;
  const next = errorField.charAt(inputPath.length);
  return next === '.' || next === '[';
}

/** Messages for one input: errors on the path itself or on any sub-path of it. */
export function messagesFor(errors: FieldError[], inputPath: string): string[] {
  return errors.filter((e) => fieldMatches(inputPath, e.field)).map((e) => e.message);
}

/** Messages for one input that are not claimed by a more specific input in `claimedBy`. */
export function unclaimed(errors: FieldError[], inputPaths: string[]): FieldError[] {
  return errors.filter((e) => !inputPaths.some((p) => fieldMatches(p, e.field)));
}
