import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PayScoreError } from './errors.js';
import { assertTransition, canPerform, ORDER_OPERATIONS, ORDER_PHASES, phaseOf, transition, type OrderOperation, type OrderPhase } from './state-machine.js';
import { FakeWechat, serviceOrder } from './test-support/fake-wechat.js';

// payscore-protocol.md §5, written out cell by cell: phase after success, or '✗' when refused.
// Columns: CREATED, USER_CONFIRMED, MCH_COMPLETE, DONE, REVOKED, EXPIRED.
const TABLE: Record<OrderOperation, readonly (OrderPhase | '✗')[]> = {
  query: ['CREATED', 'USER_CONFIRMED', 'MCH_COMPLETE', 'DONE', 'REVOKED', 'EXPIRED'],
  cancel: ['REVOKED', 'REVOKED', 'REVOKED', '✗', 'REVOKED', '✗'],
  complete: ['✗', 'MCH_COMPLETE', '✗', '✗', '✗', '✗'],
  modify: ['✗', '✗', 'MCH_COMPLETE', '✗', '✗', '✗'],
  pay: ['✗', '✗', 'MCH_COMPLETE', '✗', '✗', '✗'],
  sync: ['✗', '✗', 'DONE', '✗', '✗', '✗'],
  refund: ['✗', '✗', '✗', 'DONE', '✗', '✗'],
};

describe('order state machine (payscore-protocol.md §5)', () => {
  it.each(ORDER_OPERATIONS.flatMap((op) => ORDER_PHASES.map((phase, i) => [op, phase, TABLE[op][i]] as const)))(
    '%s from %s → %s',
    (op, phase, expected) => {
      const result = transition(phase, op, { totalFen: 100 });
      if (expected === '✗') {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(PayScoreError);
          expect(result.error.code).toBe('PAYSCORE_INVALID_TRANSITION');
          expect(result.error.detail).toEqual({ from: phase, operation: op });
        }
        expect(() => assertTransition(phase, op)).toThrow(PayScoreError);
      } else {
        expect(result).toEqual({ ok: true, value: expected });
      }
    },
  );

  it('completing with 0 fen goes straight to DONE', () => {
    expect(assertTransition('USER_CONFIRMED', 'complete', { totalFen: 0 })).toBe('DONE');
    expect(assertTransition('USER_CONFIRMED', 'complete', { totalFen: 1 })).toBe('MCH_COMPLETE');
  });

  it('cancel while the user is paying follows the configured reading of the conflicting sources', () => {
    expect(canPerform('MCH_COMPLETE', 'cancel')).toBe(true);
    expect(canPerform('MCH_COMPLETE', 'cancel', { cancelWhileUserPaying: false })).toBe(false);
  });

  it('terminal phases accept nothing but query (and cancel re-entry on REVOKED, refund on DONE)', () => {
    fc.assert(
      fc.property(fc.constantFrom<OrderPhase>('DONE', 'REVOKED', 'EXPIRED'), fc.constantFrom(...ORDER_OPERATIONS), (phase, op) => {
        const allowed = canPerform(phase, op);
        const expected = op === 'query' || (phase === 'REVOKED' && op === 'cancel') || (phase === 'DONE' && op === 'refund');
        return allowed === expected;
      }),
    );
  });

  it('judges the phase from state + state_description together', () => {
    expect(phaseOf({ state: 'CREATED' })).toBe('CREATED');
    expect(phaseOf({ state: 'DOING', state_description: 'USER_CONFIRM' })).toBe('USER_CONFIRMED');
    expect(phaseOf({ state: 'DOING', state_description: 'MCH_COMPLETE', collection: { state: 'USER_PAYING' } })).toBe('MCH_COMPLETE');
    expect(phaseOf({ state: 'DONE', collection: { state: 'USER_PAID' } })).toBe('DONE');
    expect(phaseOf({ state: 'REVOKED' })).toBe('REVOKED');
    expect(phaseOf({ state: 'EXPIRED' })).toBe('EXPIRED');
    expect(() => phaseOf({ state: 'DOING' })).toThrow(expect.objectContaining({ code: 'PAYSCORE_UNKNOWN_ORDER_STATE' }) as unknown as Error);
    expect(() => phaseOf({ state: 'CLOSED' as 'DONE' })).toThrow(expect.objectContaining({ code: 'PAYSCORE_UNKNOWN_ORDER_STATE' }) as unknown as Error);
  });

  it('the client refuses an illegal operation before any network call', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder() }));
    const client = wx.client();
    const completion = { post_payments: [{ name: '商品信息', amount: 350, description: '可乐', count: 1 }], total_amount: 350 };
    await expect(client.completeOrder('zzORDER0001', completion, { current: 'CREATED' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_TRANSITION' });
    await expect(client.completeOrder('zzORDER0001', completion, { current: { state: 'DOING', state_description: 'MCH_COMPLETE' } })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_TRANSITION' });
    await expect(client.cancelOrder('zzORDER0001', { reason: '用户取消' }, { current: 'DONE' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_TRANSITION' });
    await expect(client.payOrder('zzORDER0001', { current: 'USER_CONFIRMED' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_TRANSITION' });
    await expect(client.syncOrder('zzORDER0001', { paid_time: '20261127100000' }, { current: 'REVOKED' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_TRANSITION' });
    await expect(client.modifyOrder('zzORDER0001', { ...completion, reason: '优惠' }, { current: 'DONE' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_TRANSITION' });
    await expect(wx.client({ cancelWhileUserPaying: false }).cancelOrder('zzORDER0001', { reason: '用户取消' }, { current: 'MCH_COMPLETE' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_TRANSITION' });
    expect(wx.requests).toHaveLength(0);
  });

  it('the client sends a legal operation', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 200, json: serviceOrder({ state: 'DOING', state_description: 'MCH_COMPLETE', total_amount: 350, need_collection: true, collection: { state: 'USER_PAYING', paying_amount: 350 } }) }));
    const order = await wx.client().completeOrder(
      'zzORDER0001',
      { post_payments: [{ name: '商品信息', amount: 350, description: '可乐', count: 1 }], total_amount: 350, time_range: { end_time: '20261127100500' } },
      { current: { state: 'DOING', state_description: 'USER_CONFIRM' } },
    );
    expect(phaseOf(order)).toBe('MCH_COMPLETE');
    expect(wx.requests[0]?.path).toBe('/v3/payscore/serviceorder/zzORDER0001/complete');
  });
});
