import { describe, expect, it } from 'vitest';
import { allowedTransitions, buildSurveyAnswer, consentStatus, deliveryProgress, formatCountdown, hourOfWeekLabel, remapSurveyField, slaClock, type CaseSla, type SurveyDraft } from './service';

const base: CaseSla = {
  first_response_due: '2026-01-05T10:00:00.000Z',
  resolution_due: '2026-01-07T17:00:00.000Z',
  paused: false,
  paused_since: null,
  first_response_at: null,
  first_response_met: null,
  resolved_at: null,
  resolution_met: null,
  breached: false,
};
const at = (iso: string) => Date.parse(iso);

describe('formatCountdown', () => {
  it('shows minutes and seconds under an hour, hours and minutes under a day, else days and hours', () => {
    expect(formatCountdown(0)).toBe('0m 00s');
    expect(formatCountdown(59_999)).toBe('0m 59s');
    expect(formatCountdown(12 * 60_000 + 9_000)).toBe('12m 09s');
    expect(formatCountdown(3_600_000)).toBe('1h 00m');
    expect(formatCountdown(4 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('4h 05m');
    expect(formatCountdown(2 * 86_400_000 + 3 * 3_600_000 + 1)).toBe('2d 03h');
  });
  it('drops the sign: overdue times read the same, the state says overdue', () => {
    expect(formatCountdown(-(90 * 60_000))).toBe('1h 30m');
  });
});

describe('slaClock', () => {
  it('counts down to the due time and warns in the last hour', () => {
    expect(slaClock(base, 'first_response', at('2026-01-05T08:00:00Z'))).toEqual({ state: 'running', remainingMs: 7_200_000, due: base.first_response_due });
    expect(slaClock(base, 'first_response', at('2026-01-05T09:30:00Z')).state).toBe('warning');
  });
  it('is breached past due with a negative remainder', () => {
    const c = slaClock(base, 'first_response', at('2026-01-05T10:00:01Z'));
    expect(c.state).toBe('breached');
    expect(c.remainingMs).toBe(-1000);
  });
  it('freezes the remainder at the pause, whatever the time now', () => {
    const paused = { ...base, paused: true, paused_since: '2026-01-07T16:00:00.000Z' };
    const a = slaClock(paused, 'resolution', at('2026-01-07T16:30:00Z'));
    const b = slaClock(paused, 'resolution', at('2026-01-20T00:00:00Z'));
    expect(a).toEqual({ state: 'paused', remainingMs: 3_600_000, due: paused.resolution_due });
    expect(b).toEqual(a);
  });
  it('reports met or missed once the clock stopped', () => {
    const done = { ...base, first_response_at: '2026-01-05T09:00:00Z', first_response_met: true, resolution_met: false, resolved_at: '2026-01-08T09:00:00Z' };
    expect(slaClock(done, 'first_response', at('2026-02-01T00:00:00Z')).state).toBe('met');
    expect(slaClock(done, 'resolution', at('2026-02-01T00:00:00Z')).state).toBe('missed');
  });
  it('is none without an SLA or a due time', () => {
    expect(slaClock(null, 'resolution', 0).state).toBe('none');
    expect(slaClock({}, 'resolution', 0).state).toBe('none');
  });
});

describe('allowedTransitions', () => {
  it('offers exactly the documented workflow', () => {
    expect(allowedTransitions('new')).toEqual(['open']);
    expect(allowedTransitions('open')).toEqual(['pending_customer', 'resolved']);
    expect(allowedTransitions('pending_customer')).toEqual(['open', 'resolved']);
    expect(allowedTransitions('resolved')).toEqual(['closed', 'open']);
    expect(allowedTransitions('closed')).toEqual(['open']);
  });
  it('never offers a jump the API refuses, and nothing for an unknown status', () => {
    expect(allowedTransitions('new')).not.toContain('resolved');
    expect(allowedTransitions('closed')).not.toContain('resolved');
    expect(allowedTransitions('bogus')).toEqual([]);
    expect(allowedTransitions('toString')).toEqual([]);
  });
});

describe('buildSurveyAnswer', () => {
  const survey = { attributes: ['product_quality', 'on_time_delivery', 'price'], ask_csat: true, ask_nps: true };
  const draft = (d: Partial<SurveyDraft>): SurveyDraft => ({ ratings: {}, csat: '4', nps: '9', comment: '', ...d });

  it('builds the body from the rated rows and skips blank ones', () => {
    const r = buildSurveyAnswer(
      survey,
      draft({
        ratings: { product_quality: { importance: '7', expectation: '6', perception: '5' }, price: { importance: '2', expectation: '4', perception: '1' } },
        comment: '  Great fix ',
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.body).toEqual({
      answers: [
        { attribute: 'product_quality', importance: 7, expectation: 6, perception: 5 },
        { attribute: 'price', importance: 2, expectation: 4, perception: 1 },
      ],
      csat: 4,
      nps: 9,
      comment: 'Great fix',
    });
    expect(r.sent).toEqual([0, 2]);
  });

  it('names each missing or non-whole rating of a partly rated row by the form position', () => {
    const r = buildSurveyAnswer(survey, draft({ ratings: { on_time_delivery: { importance: '5', expectation: '4.5' } } }));
    expect(r.errors.map((e) => e.field)).toEqual(['answers[1].expectation', 'answers[1].perception']);
  });

  it('requires CSAT and NPS when the template asks them, and at least one rated row', () => {
    const r = buildSurveyAnswer(survey, draft({ csat: '', nps: ' ' }));
    expect(r.errors.map((e) => e.field).sort()).toEqual(['answers', 'csat', 'nps']);
    const optional = buildSurveyAnswer({ ...survey, ask_csat: false, ask_nps: false }, draft({ csat: '', nps: '', ratings: { price: { importance: '1', expectation: '1', perception: '1' } } }));
    expect(optional.errors).toEqual([]);
    expect(optional.body).toEqual({ answers: [{ attribute: 'price', importance: 1, expectation: 1, perception: 1 }] });
  });

  it('leaves ranges to the API: out-of-range whole numbers are sent', () => {
    const r = buildSurveyAnswer(survey, draft({ nps: '11', ratings: { price: { importance: '9', expectation: '1', perception: '1' } } }));
    expect(r.errors).toEqual([]);
    expect(r.body.nps).toBe(11);
    expect(r.body.answers[0].importance).toBe(9);
  });

  it('maps the API field of the sent body back to the form row', () => {
    expect(remapSurveyField('answers[1].perception', [0, 2])).toBe('answers[2].perception');
    expect(remapSurveyField('answers[0]', [1])).toBe('answers[1]');
    expect(remapSurveyField('nps', [0])).toBe('nps');
    expect(remapSurveyField('answers[5].x', [0])).toBe('answers[5].x');
  });
});

describe('portal helpers', () => {
  it('counts delivered units, never more than ordered per line', () => {
    expect(deliveryProgress([{ quantity: 10, delivered_quantity: 4 }, { quantity: 2, delivered_quantity: 3 }])).toEqual({ delivered: 6, ordered: 12 });
  });
  it('reads the customer-level consent, ignoring contact-level ones', () => {
    const cur = [
      { id: 1, contact_id: 7, channel: 'email', purpose: 'marketing', status: 'granted' as const, occurred_at: '' },
      { id: 2, contact_id: null, channel: 'email', purpose: 'marketing', status: 'withdrawn' as const, occurred_at: '' },
    ];
    expect(consentStatus(cur, 'email', 'marketing')).toBe('withdrawn');
    expect(consentStatus(cur, 'sms', 'marketing')).toBeNull();
  });
  it('labels an hour of the week from Monday 00:00 UTC', () => {
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    expect(hourOfWeekLabel(0, days)).toBe('Mon 00');
    expect(hourOfWeekLabel(58, days)).toBe('Wed 10');
    expect(hourOfWeekLabel(167, days)).toBe('Sun 23');
  });
});
