/**
 * The local order state machine (payscore-protocol.md §5). The client consults it before every
 * state-changing call and refuses an illegal one with `PAYSCORE_INVALID_TRANSITION`, without any network
 * traffic.
 *
 * | phase            | WeChat (state / state_description / collection.state) | §5 row |
 * |------------------|--------------------------------------------------------|--------|
 * | `CREATED`        | CREATED                                                | S1     |
 * | `USER_CONFIRMED` | DOING / USER_CONFIRM                                   | S2     |
 * | `MCH_COMPLETE`   | DOING / MCH_COMPLETE / USER_PAYING                     | S3     |
 * | `DONE`           | DONE (USER_PAID, or need_collection=false for 0 fen)   | S4     |
 * | `REVOKED`        | REVOKED                                                | S5     |
 * | `EXPIRED`        | EXPIRED                                                | S6     |
 */
import { err, ok, type Result } from '@zizhu/kernel';
import { PayScoreError } from './errors.js';
import type { ServiceOrder } from './wire-types.js';

export const ORDER_PHASES = ['CREATED', 'USER_CONFIRMED', 'MCH_COMPLETE', 'DONE', 'REVOKED', 'EXPIRED'] as const;
export type OrderPhase = (typeof ORDER_PHASES)[number];

export const ORDER_OPERATIONS = ['query', 'cancel', 'complete', 'modify', 'pay', 'sync', 'refund'] as const;
export type OrderOperation = (typeof ORDER_OPERATIONS)[number];

export const TERMINAL_PHASES: readonly OrderPhase[] = ['DONE', 'REVOKED', 'EXPIRED'];

/** The three fields the state is judged from (checklist: never one alone). */
export type OrderStateView = Pick<ServiceOrder, 'state' | 'state_description' | 'collection' | 'need_collection'> & {
  total_amount?: number;
};

/** The phase of an order as WeChat reports it; throws `PAYSCORE_UNKNOWN_ORDER_STATE` on an unknown combination. */
export function phaseOf(order: OrderStateView): OrderPhase {
  switch (order.state) {
    case 'CREATED':
    case 'DONE':
    case 'REVOKED':
    case 'EXPIRED':
      return order.state;
    case 'DOING':
      if (order.state_description === 'USER_CONFIRM') return 'USER_CONFIRMED';
      if (order.state_description === 'MCH_COMPLETE') return 'MCH_COMPLETE';
      break;
  }
  throw new PayScoreError('PAYSCORE_UNKNOWN_ORDER_STATE', {
    message: `unknown order state ${JSON.stringify({ state: order.state, state_description: order.state_description, collection_state: order.collection?.state })}`,
  });
}

export interface TransitionContext {
  /** For `complete`: the completion amount; 0 fen goes straight to DONE. */
  totalFen?: number;
  /**
   * Whether cancel is allowed after complete (DOING/MCH_COMPLETE, collection USER_PAYING). The official
   * API docs say yes, the WeChat skills pack says no (§4.3); default true, as the official docs.
   */
  cancelWhileUserPaying?: boolean;
}

type Rule = (ctx: TransitionContext) => OrderPhase | undefined;

const same =
  (phase: OrderPhase): Rule =>
  () =>
    phase;

/**
 * The table of §5 (operation × phase → phase after success). A missing cell is refused.
 * - `cancel` on REVOKED is WeChat's re-entry (same `reason`): allowed, stays REVOKED.
 * - `pay` triggers a debit attempt; the phase changes later, through `PAYSCORE.USER_PAID`.
 * - `refund` moves money on the transaction, not the order: allowed on DONE only.
 */
export const TRANSITIONS: Readonly<Record<OrderOperation, Partial<Record<OrderPhase, Rule>>>> = {
  query: {
    CREATED: same('CREATED'),
    USER_CONFIRMED: same('USER_CONFIRMED'),
    MCH_COMPLETE: same('MCH_COMPLETE'),
    DONE: same('DONE'),
    REVOKED: same('REVOKED'),
    EXPIRED: same('EXPIRED'),
  },
  cancel: {
    CREATED: same('REVOKED'),
    USER_CONFIRMED: same('REVOKED'),
    MCH_COMPLETE: (ctx) => (ctx.cancelWhileUserPaying === false ? undefined : 'REVOKED'),
    REVOKED: same('REVOKED'),
  },
  complete: {
    USER_CONFIRMED: (ctx) => (ctx.totalFen === 0 ? 'DONE' : 'MCH_COMPLETE'),
  },
  modify: { MCH_COMPLETE: same('MCH_COMPLETE') },
  pay: { MCH_COMPLETE: same('MCH_COMPLETE') },
  sync: { MCH_COMPLETE: same('DONE') },
  refund: { DONE: same('DONE') },
};

/** The phase after `operation` succeeds from `from`, or a `PAYSCORE_INVALID_TRANSITION` error. */
export function transition(from: OrderPhase, operation: OrderOperation, ctx: TransitionContext = {}): Result<OrderPhase, PayScoreError> {
  const next = TRANSITIONS[operation][from]?.(ctx);
  if (next === undefined) {
    return err(
      new PayScoreError('PAYSCORE_INVALID_TRANSITION', {
        message: `cannot ${operation} a Pay Score order in phase ${from}`,
        detail: { from, operation },
      }),
    );
  }
  return ok(next);
}

export function canPerform(from: OrderPhase, operation: OrderOperation, ctx: TransitionContext = {}): boolean {
  return transition(from, operation, ctx).ok;
}

/** Throws `PAYSCORE_INVALID_TRANSITION` when illegal; returns the phase after success. */
export function assertTransition(from: OrderPhase, operation: OrderOperation, ctx: TransitionContext = {}): OrderPhase {
  const result = transition(from, operation, ctx);
  if (!result.ok) throw result.error;
  return result.value;
}
