import { describe, expect, it } from 'vitest';
import {
  STAGES,
  TARGETS,
  aliveShare,
  bucketShares,
  bucketValues,
  canMoveOpportunity,
  checkMove,
  compareToTarget,
  forecastSeries,
  ifMatch,
  monthRange,
  monthlyTrend,
  moveBody,
  moveCard,
  nextStage,
  overdueSeverity,
  worstBucket,
  type AgeingAmounts,
  type Opportunity,
  type Stage,
} from './sales';
import { salesEn, salesZh } from './messages-sales';
import { en } from './messages';

const sales = { id: 3, role: 'sales' as const };
const manager = { id: 2, role: 'manager' as const };

function opp(id: number, stage: Stage, owner: number | null = 3): Opportunity {
  return {
    id,
    customer_id: 1,
    name: `O${id}`,
    amount: { amount: '100.00', currency: 'CNY' },
    owner_id: owner,
    expected_close: '2026-12-01',
    stage,
    probability: 10,
    weighted_amount: { amount: '10.00', currency: 'CNY' },
    stage_since: '2026-11-01T00:00:00Z',
    days_in_stage: 3,
    lost_reason: null,
    closed_at: null,
    version: 4,
  };
}

describe('kanban move rules', () => {
  it('lets sales move only its own cards, managers any, other roles none', () => {
    expect(checkMove(opp(1, 'selling'), 'follow_up', sales)).toEqual({ ok: true, needsReason: false });
    expect(checkMove(opp(1, 'selling', 9), 'follow_up', sales)).toEqual({ ok: false, reason: 'not_owner' });
    expect(checkMove(opp(1, 'selling', null), 'follow_up', sales)).toEqual({ ok: false, reason: 'not_owner' });
    expect(checkMove(opp(1, 'selling', 9), 'follow_up', manager)).toEqual({ ok: true, needsReason: false });
    expect(checkMove(opp(1, 'selling'), 'won', { id: 5, role: 'analyst' })).toEqual({ ok: false, reason: 'readonly' });
    expect(checkMove(opp(1, 'selling'), 'won', { id: 3, role: 'agent' })).toEqual({ ok: false, reason: 'readonly' });
    expect(canMoveOpportunity(opp(1, 'need_collection'), sales)).toBe(true);
    expect(canMoveOpportunity(opp(1, 'need_collection', 7), sales)).toBe(false);
  });
  it('ignores a drop on the same column and asks a reason for lost', () => {
    expect(checkMove(opp(1, 'selling'), 'selling', manager)).toEqual({ ok: false, reason: 'same' });
    expect(checkMove(opp(1, 'selling'), 'lost', sales)).toEqual({ ok: true, needsReason: true });
    expect(moveBody('lost', '  price too high ')).toEqual({ stage: 'lost', lost_reason: 'price too high' });
    expect(moveBody('follow_up', 'ignored')).toEqual({ stage: 'follow_up' });
  });
  it('follows the stages in order and stops at the closed ones', () => {
    expect(STAGES.map(nextStage)).toEqual(['solution_design', 'selling', 'follow_up', 'won', null, null]);
  });
  it('moves a card between columns, on top, merging the server copy', () => {
    const cols = Object.fromEntries(STAGES.map((s) => [s, [] as Opportunity[]])) as unknown as Record<Stage, Opportunity[]>;
    cols.selling = [opp(1, 'selling'), opp(2, 'selling')];
    cols.follow_up = [opp(3, 'follow_up')];
    const moved = moveCard(cols, 2, 'follow_up', { ...opp(2, 'follow_up'), version: 5 });
    expect(moved.selling.map((o) => o.id)).toEqual([1]);
    expect(moved.follow_up.map((o) => [o.id, o.stage, o.version])).toEqual([
      [2, 'follow_up', 5],
      [3, 'follow_up', 4],
    ]);
    expect(cols.selling).toHaveLength(2); // the input is left alone (rollback on error)
    expect(moveCard(cols, 99, 'won')).toBe(cols);
  });
  it('quotes the version for If-Match', () => {
    expect(ifMatch(7)).toBe('"7"');
  });
});

describe('forecast', () => {
  it('lines months up per currency with zeros for gaps', () => {
    const s = forecastSeries([
      { group: '2026-12', currency: 'CNY', count: 2, amount: '300.00', weighted_amount: '75.50' },
      { group: '2026-11', currency: 'CNY', count: 1, amount: '100.00', weighted_amount: '10.00' },
      { group: '2026-12', currency: 'USD', count: 1, amount: '50.00', weighted_amount: '40.00' },
    ]);
    expect(s.months).toEqual(['2026-11', '2026-12']);
    expect(s.currencies).toEqual([
      { currency: 'CNY', weighted: [10, 75.5], amount: [100, 300] },
      { currency: 'USD', weighted: [0, 40], amount: [0, 50] },
    ]);
  });
});

describe('ageing', () => {
  const row: AgeingAmounts = { currency: 'CNY', current: '10.00', '1_30': '55.00', '31_60': '90.00', '61_90': '0.00', '90_plus': '45.00', overdue: '190.00', total: '200.00' };
  it('reads the buckets in order, with shares of the total', () => {
    expect(bucketValues(row)).toEqual([10, 55, 90, 0, 45]);
    expect(bucketShares(row)).toEqual([0.05, 0.275, 0.45, 0, 0.225]);
    expect(bucketShares({ ...row, current: '0', '1_30': '0', '31_60': '0', '90_plus': '0' })).toEqual([0, 0, 0, 0, 0]);
  });
  it('names the worst bucket that holds money', () => {
    expect(worstBucket(row)).toBe('90_plus');
    expect(worstBucket({ ...row, '90_plus': '0.00', '31_60': '0.00' })).toBe('1_30');
    expect(worstBucket({ ...row, current: '0', '1_30': '0', '31_60': '0', '90_plus': '0' })).toBeNull();
  });
  it('grades days past due at the bucket boundaries', () => {
    expect([0, 1, 30, 31, 90, 91].map(overdueSeverity)).toEqual(['ok', 'warn', 'warn', 'bad', 'bad', 'critical']);
  });
});

describe('dashboard targets', () => {
  it('compares with the target: met, near within the tolerance, missed, unknown', () => {
    const t = TARGETS.poi; // 85, tolerance 5, higher is better
    expect(compareToTarget(90, t)).toEqual({ status: 'met', delta: 5 });
    expect(compareToTarget(85, t)).toEqual({ status: 'met', delta: 0 });
    expect(compareToTarget(80, t)).toEqual({ status: 'near', delta: -5 });
    expect(compareToTarget(79.9, t).status).toBe('missed');
    expect(compareToTarget(null, t)).toEqual({ status: 'unknown', delta: null });
    expect(compareToTarget(Number.NaN, t).status).toBe('unknown');
    const lower = { measure: 'sla' as const, target: 10, higherIsBetter: false, tolerance: 2 };
    expect(compareToTarget(9, lower).status).toBe('met');
    expect(compareToTarget(11.5, lower).status).toBe('near');
    expect(compareToTarget(13, lower).status).toBe('missed');
  });
  it('computes the alive share from the P(alive) histogram, pro rata in a straddling bin', () => {
    const bins = [
      { from: 0, to: 0.25, customers: 10 },
      { from: 0.25, to: 0.75, customers: 20 },
      { from: 0.75, to: 1, customers: 10 },
    ];
    expect(aliveShare(bins)).toBe(0.5); // 10 + 20 × (0.75 − 0.5) / 0.5 = 20 of 40
    expect(aliveShare([])).toBeNull();
  });
  it('sorts monthly groups and drops non-month keys; a month is a [from, to) range', () => {
    const g = [
      { key: '2026-02', v: 2 },
      { key: 'unknown', v: 9 },
      { key: '2026-01', v: null },
    ];
    expect(monthlyTrend(g, (x) => x.v)).toEqual({ months: ['2026-01', '2026-02'], values: [null, 2] });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(monthRange('2026-03')).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    expect(monthRange('2026-13')).toBeNull();
  });
});

describe('sales labels', () => {
  it('has Chinese for every key and does not shadow other labels', () => {
    for (const k of Object.keys(salesEn)) expect(salesZh[k as keyof typeof salesEn], k).toBeTruthy();
    for (const s of STAGES) expect(en[`stage.${s}`]).toBeTruthy();
    for (const [k, v] of Object.entries(salesEn)) expect(en[k as keyof typeof en], k).toBe(v);
  });
});
