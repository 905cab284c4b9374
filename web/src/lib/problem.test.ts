import { describe, expect, it } from 'vitest';
import { fieldMatches, messagesFor, normalizeField, parseProblem, unclaimed } from './problem';
import { remapErrors } from './customerForm';

describe('parseProblem', () => {
  it('reads a problem+json body', () => {
    const p = parseProblem(422, {
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      detail: 'validation failed',
      errors: [{ field: 'emails[0]', message: 'not a valid email address' }, { field: 'name', message: 'required' }],
      request_id: 'r-1',
    });
    expect(p.status).toBe(422);
    expect(p.detail).toBe('validation failed');
    expect(p.errors).toHaveLength(2);
    expect(p.request_id).toBe('r-1');
  });
  it('copes with a non-JSON body', () => {
    const p = parseProblem(502, null, 'Bad Gateway');
    expect(p).toEqual({ status: 502, errors: [], title: 'Bad Gateway' });
  });
});

describe('field paths', () => {
  it('normalises dotted and pointer forms', () => {
    expect(normalizeField('emails.0.address')).toBe('emails[0].address');
    expect(normalizeField('/emails/1')).toBe('emails[1]');
    expect(normalizeField('emails[0]')).toBe('emails[0]');
    expect(normalizeField('custom.size')).toBe('custom.size');
  });
  it('matches an input to its own and nested errors only', () => {
    expect(fieldMatches('emails[0]', 'emails[0]')).toBe(true);
    expect(fieldMatches('emails[0]', 'emails[0].address')).toBe(true);
    expect(fieldMatches('emails[1]', 'emails[10]')).toBe(false);
    expect(fieldMatches('name', 'names')).toBe(false);
  });
  it('collects messages per input and leaves the rest for a summary', () => {
    const errors = [
      { field: 'emails[0].address', message: 'bad email' },
      { field: 'name', message: 'required' },
      { field: 'owner_id', message: 'no such user' },
    ];
    expect(messagesFor(errors, 'emails[0]')).toEqual(['bad email']);
    expect(unclaimed(errors, ['name', 'emails[0]'])).toEqual([{ field: 'owner_id', message: 'no such user' }]);
  });
  it('remaps body indexes back to form rows after empty rows were dropped', () => {
    const errors = [{ field: 'emails[0]', message: 'bad' }, { field: 'phones[1].number', message: 'bad' }, { field: 'name', message: 'x' }];
    const out = remapErrors(errors, { emails: [2], phones: [0, 3] });
    expect(out.map((e) => e.field)).toEqual(['emails[2]', 'phones[3].number', 'name']);
  });
});
