import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  isPayScoreError,
  isVerifiedNotFound,
  isVerifiedRefusal,
  outOrderNoFor,
  payScoreTime,
  phaseOf,
  TERMINAL_PHASES,
  type CreateOrderInput,
  type OrderPhase,
  type OrderStateView,
  type PayScoreError,
  type PostDiscount,
  type PostPayment,
  type ServiceOrder,
} from '@zizhu/payscore';
import { estimate, payscoreCreateLines, payscoreLines, PricingError, quote, riskFundFor, type PricingPlan, type Quote, type Usage } from '@zizhu/pricing';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { jobPrincipal } from '../../platform/jobs/job-principal.js';
import { returnedRows } from '../device-api/system-db.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { DeviceCommandsService } from '../fleet/device-commands.service.js';
import { markBoughtOut } from '../fleet/power-banks.js';
import { sessionDeviceSignal, SessionSignals, type SessionDeviceSignal } from '../fleet/session-signals.js';
import { MerchantGateway, type MerchantHandle } from '../merchants/merchant-gateway.service.js';
import { LedgerService } from '../settlement/ledger.service.js';
import { SPLIT_DELAY_MS, splitOrderJob } from '../settlement/profit-sharing.jobs.js';
import { ProfitSharingService } from '../settlement/profit-sharing.service.js';
import { SessionStore } from './session-store.js';
import { SessionWatch } from './session-watch.js';
import { MAX_ORDER_ATTEMPTS, RUN_LIMIT_SECONDS, SERVICE_INTRODUCTION, START_COMMAND, STOP_COMMAND, type ActionRow, type AttemptRow, type SessionRow } from './session.model.js';
import { runningQuote } from './sessions.mappers.js';
import { sessionErrors } from './sessions.errors.js';
import { recordSessionSale } from '../stock/stock.service.js';
import {
  applyNotificationJob,
  cancelOrderJob,
  completeOrderJob,
  createOrderJob,
  reconcileSessionJob,
  reconcileTickJob,
  sessionActionJob,
  syncOrderJob,
  type SessionJob,
} from './sessions.jobs.js';

/** Cancellation reasons (≤ 50 characters; WeChat shows them to the user). */
export const CANCEL_REASONS = {
  unconfirmed: '用户未确认订单',
  userCancelled: '用户取消',
  deviceFailed: '设备启动失败',
  nothingUsed: '未产生费用',
  orderRejected: '下单失败',
  /** The user scanned again before confirming: this order is replaced by a new one (its package was single-use). */
  replaced: '用户重新扫码，订单已更新',
} as const;

/** The create job of an attempt: attempt 1 keeps the key it always had. */
const createKey = (sessionId: string, attempt: number) => (attempt === 1 ? `create:${sessionId}` : `create:${sessionId}:${attempt}`);

/** What settling the replaced orders of a session found. */
type Settled = 'settled' | 'reverted' | 'open';

/** A stored callback (payscore_notifications). */
export interface StoredNotification {
  readonly id: string;
  readonly event_type: string;
  readonly merchant_account_id: string;
  readonly business_key: string;
  readonly resource: Record<string, unknown>;
  readonly applied_at: Date | null;
}

/** Where the end of a session came from. */
export type EndSource = 'DEVICE' | 'OPERATOR' | 'TOTAL_CAP' | 'RUN_LIMIT';

const iso = (d: Date | number) => new Date(d).toISOString();

/**
 * The error is WeChat saying no in a **verified** answer (or the local client refusing before any call):
 * repeating the same call will not change the answer, so the session may conclude. Anything else — a
 * timeout, a 5xx, an answer that fails verification, an unsigned error answer — is an unknown outcome:
 * WeChat may have done the work, so the job retries the same request (re-entry) or queries; it never
 * concludes (issue 10, items 9 and 10).
 */
const isRefusal = isVerifiedRefusal;

function describe(error: PayScoreError): string {
  return `${error.code}${error.wechatCode ? ` ${error.wechatCode}` : ''}: ${error.wechatMessage ?? error.message}`.slice(0, 500);
}

/**
 * The session lifecycle. Every transition happens under a row lock on the session (callbacks, device
 * signals, jobs and operator actions are serialised per session); every call to WeChat runs in a durable
 * job, outside any database transaction (the embedded database has one connection), and its outcome is
 * applied afterwards under the lock, only if it still fits the session's state. Handlers are idempotent:
 * a job re-run after a crash finds the work done (a state already moved, WeChat's re-entry answer).
 */
@Injectable()
export class SessionEngine implements OnModuleInit {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly jobs: JobsService,
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
    private readonly commands: DeviceCommandsService,
    private readonly store: SessionStore,
    private readonly watch: SessionWatch,
    private readonly ledger: LedgerService,
    private readonly profitSharing: ProfitSharingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly signals: SessionSignals,
  ) {}

  async onModuleInit(): Promise<void> {
    const concurrency = this.config.database.kind === 'server' ? 8 : 4;
    await this.jobs.register(createOrderJob, (d) => this.createOrder(d), { concurrency });
    await this.jobs.register(cancelOrderJob, (d) => this.cancelOrder(d), { concurrency });
    await this.jobs.register(completeOrderJob, (d) => this.completeOrder(d), { concurrency });
    await this.jobs.register(syncOrderJob, (d) => this.syncOrder(d), { concurrency });
    await this.jobs.register(sessionActionJob, (d) => this.runAction(d), { concurrency: 2 });
    await this.jobs.register(applyNotificationJob, (d) => this.applyNotification(d), { concurrency });
    // a device signal is applied in the device's own transaction; the job is its fallback (and drains signals queued
    // before). In place it never waits for the session: the device's transaction already holds the command row, and
    // a reconciler holding the session would read the ack as not yet there, give up on the start and cancel (the
    // ack then arrives after the cancel: STARTED_AFTER_CANCEL). A busy session sends the signal to its job, which
    // runs once the ack is committed and visible.
    this.signals.attach((m, signal) => this.applyDeviceSignal(m, signal, true));
    await this.jobs.register(sessionDeviceSignal, (d) => this.deviceSignal(d), { concurrency });
    await this.jobs.register(reconcileSessionJob, (d) => this.reconcileSession(d), { concurrency: 2 });
    await this.jobs.register(reconcileTickJob, () => this.reconcileTick());
    await this.jobs.every(reconcileTickJob, { intervalSeconds: this.config.sessions.reconcileIntervalSeconds });
  }

  // ------------------------------------------------------------------ plumbing

  /**
   * A transaction as the merchant of record (or the device owner), with the session locked. Waiters on the
   * session are woken afterwards, unless `readOnly` (a job's look before its call to WeChat changes nothing).
   */
  private async withSession<T>(tenantId: string, sessionId: string, fn: (m: EntityManager, row: SessionRow) => Promise<T>, readOnly = false): Promise<T | undefined> {
    const result = await this.transactions.asTenant(jobPrincipal(tenantId), async (m) => {
      const row = await this.store.lock(m, sessionId);
      return row ? { value: await fn(m, row) } : undefined;
    });
    if (!readOnly) this.watch.changed(sessionId);
    return result?.value;
  }

  /** Asks for the order to be cancelled (never charged); the cancel job does it. */
  async requestCancel(m: EntityManager, row: SessionRow, reason: string): Promise<SessionRow> {
    if (row.state === 'CANCELLED' || row.cancel_requested_at) return row;
    const updated = await this.store.update(m, row.id, { cancel_requested_at: this.clock.now(), cancel_reason: reason });
    await this.jobs.enqueue(cancelOrderJob, { tenantId: row.merchant_tenant_id, sessionId: row.id }, { key: `cancel:${row.id}` });
    return updated;
  }

  /**
   * The same user scanned again before confirming (issue 10 item 13). The package handed out is single-use
   * (opened once, it is spent, whether or not the user confirmed) and a query answer carries none, so the
   * session gets a new Pay Score order under a new out_order_no (`outOrderNoFor(session, attempt - 1)`):
   * the current attempt becomes SUPERSEDED and the create job of the next one first cancels it at WeChat
   * (`settleSupersededAttempts`), then creates the new order. Under the session's row lock: concurrent
   * rescans make one new attempt (the later ones find no package and wait for the new one). A scan while
   * the order is still being created hands out nothing yet, so it waits for that order instead.
   */
  async replaceOrder(m: EntityManager, sessionId: string): Promise<SessionRow | undefined> {
    const row = await this.store.lock(m, sessionId);
    if (!row || row.state !== 'AWAITING_CONFIRMATION' || row.cancel_requested_at || !row.order_package) return row;
    if (row.order_attempt >= MAX_ORDER_ATTEMPTS) {
      throw sessionErrors.SESSION_TOO_MANY_ATTEMPTS(`This session already asked WeChat for ${row.order_attempt} orders; cancel it and scan again.`);
    }
    const next = row.order_attempt + 1;
    const outOrderNo = outOrderNoFor(row.id, next - 1);
    await this.store.updateAttempt(m, row.id, row.order_attempt, 'SUPERSEDED', { order_id: row.order_id });
    await this.store.insertAttempt(m, row, next, outOrderNo);
    const updated = await this.store.update(m, row.id, {
      order_attempt: next,
      order_attempted_at: this.clock.now(),
      out_order_no: outOrderNo,
      order_id: null,
      order_package: null,
      order_created_at: null,
      order_state: null,
      order_state_description: null,
      collection_state: null,
    });
    await this.jobs.enqueue(createOrderJob, { tenantId: row.merchant_tenant_id, sessionId: row.id }, { key: createKey(row.id, next) });
    return updated;
  }

  private async hasSuperseded(m: EntityManager, row: SessionRow): Promise<boolean> {
    if (row.order_attempt === 1) return false;
    const open = (await m.query(`SELECT 1 FROM session_order_attempts WHERE session_id = $1 AND state = 'SUPERSEDED' LIMIT 1`, [row.id])) as unknown[];
    return open.length > 0;
  }

  private async queryOrNull(handle: MerchantHandle, row: SessionRow, outOrderNo: string): Promise<ServiceOrder | null> {
    try {
      return await handle.client.queryOrder({ out_order_no: outOrderNo, appid: row.appid, service_id: row.service_id });
    } catch (error) {
      if (isVerifiedNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * The orders a rescan replaced (SUPERSEDED) are cancelled at WeChat before the next one is created, so a
   * session never has two live orders. One the user confirmed before any cancel was sent for it (confirmed,
   * then scanned again) wins while the next attempt is not created yet: the session goes back to it and starts
   * the device on it, and the next attempt is ABANDONED, never created. Once a cancel was sent (recorded under
   * the lock before the call, so a concurrent run — the reconciler, a retried job — sees it), the order is
   * never gone back to, since that cancel may still land: it is cancelled again (a re-entry) instead, as is a
   * confirmed one of a session being cancelled. Answers 'open' while one is still open.
   */
  private async settleSupersededAttempts(tenantId: string, sessionId: string): Promise<Settled> {
    const prep = await this.withSession(tenantId, sessionId, async (m, row) => {
      const open = (await m.query(`SELECT attempt, out_order_no FROM session_order_attempts WHERE session_id = $1 AND state = 'SUPERSEDED' ORDER BY attempt`, [
        sessionId,
      ])) as Pick<AttemptRow, 'attempt' | 'out_order_no'>[];
      return open.length > 0 ? { row, open, handle: await this.merchants.forAccount(m, row.merchant_account_id) } : null;
    });
    if (!prep) return 'settled';
    const { row, handle } = prep;
    let result: Settled = 'settled';
    for (const attempt of prep.open) {
      let order = await this.queryOrNull(handle, row, attempt.out_order_no);
      if (order && safePhase(order) === 'USER_CONFIRMED') {
        const confirmed = order;
        const reverted = await this.withSession(tenantId, sessionId, async (m, current) => {
          if (current.state !== 'AWAITING_CONFIRMATION' || current.cancel_requested_at || current.order_created_at || current.order_attempt !== attempt.attempt + 1) return false;
          const [still] = (await m.query(`SELECT state, order_created_at, cancel_sent_at FROM session_order_attempts WHERE session_id = $1 AND attempt = $2 FOR UPDATE`, [
            sessionId,
            attempt.attempt,
          ])) as Pick<AttemptRow, 'state' | 'order_created_at' | 'cancel_sent_at'>[];
          if (still?.state !== 'SUPERSEDED' || still.cancel_sent_at) return false;
          await this.store.updateAttempt(m, sessionId, current.order_attempt, 'ABANDONED', { note: 'never created: the order it was to replace had been confirmed' });
          await this.store.updateAttempt(m, sessionId, attempt.attempt, 'CURRENT', { note: 'confirmed by the user before the rescan could cancel it' });
          const back = await this.store.update(m, sessionId, {
            order_attempt: attempt.attempt,
            out_order_no: attempt.out_order_no,
            order_id: confirmed.order_id ?? null,
            order_created_at: still.order_created_at ?? this.clock.now(),
          });
          await this.applyOrder(m, back, confirmed);
          return true;
        });
        if (reverted) return 'reverted';
      }
      if (order && (safePhase(order) === 'CREATED' || safePhase(order) === 'USER_CONFIRMED')) {
        const claimed = await this.withSession(tenantId, sessionId, async (m) => {
          const rows = (await m.query(
            `UPDATE session_order_attempts SET cancel_sent_at = coalesce(cancel_sent_at, now()) WHERE session_id = $1 AND attempt = $2 AND state = 'SUPERSEDED' RETURNING attempt`,
            [sessionId, attempt.attempt],
          )) as unknown;
          return returnedRows(rows).length > 0;
        });
        if (!claimed) continue; // gone back to (or settled) by a concurrent run meanwhile
        try {
          await handle.client.cancelOrder(attempt.out_order_no, { appid: row.appid, service_id: row.service_id, reason: CANCEL_REASONS.replaced }, { current: order });
          order = { ...order, state: 'REVOKED', state_description: undefined } as ServiceOrder;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          // refused: look again (another process cancelled it, or the user confirmed it meanwhile: settled next time)
          order = await this.queryOrNull(handle, row, attempt.out_order_no);
        }
      }
      const phase = order ? safePhase(order) : null;
      if (!order || phase === 'REVOKED' || phase === 'EXPIRED') {
        await this.withSession(tenantId, sessionId, (m) =>
          m.query(`UPDATE session_order_attempts SET state = 'REVOKED', closed_at = now(), note = coalesce(note, $3) WHERE session_id = $1 AND attempt = $2 AND state = 'SUPERSEDED'`, [
            sessionId,
            attempt.attempt,
            order ? `${phase} at WeChat` : 'not found at WeChat',
          ]),
        );
      } else {
        result = 'open';
      }
    }
    return result;
  }

  private createBody(row: SessionRow): CreateOrderInput {
    const fund = riskFundFor(row.plan as unknown as PricingPlan, row.scenario);
    // §9.6: the power-bank / charger (and, our reading, water) templates show the rate on the confirmation page;
    // derived from the session's fixed plan version, so a retried create re-enters with identical parameters
    const rate = payscoreCreateLines(row.plan as unknown as PricingPlan, row.scenario);
    return {
      out_order_no: row.out_order_no,
      appid: row.appid,
      service_id: row.service_id,
      service_introduction: SERVICE_INTRODUCTION[row.scenario] ?? '自助服务',
      ...(rate.length > 0 ? { post_payments: rate } : {}),
      time_range: { start_time: 'OnAccept' },
      risk_fund: {
        name: row.service_mode === 'DEPOSIT_WAIVED' ? 'DEPOSIT' : 'ESTIMATE_ORDER_COST',
        amount: row.risk_fund_fen,
        ...(fund.ok ? { description: fund.value.description } : {}),
      },
      attach: row.id,
      notify_url: row.notify_url,
      need_user_confirm: true,
      // launch checklist 15: unattended devices name themselves at creation
      device: { start_device_id: row.device_code },
    } as CreateOrderInput;
  }

  // ------------------------------------------------------------------ WeChat calls (jobs)

  async createOrder({ tenantId, sessionId }: SessionJob): Promise<void> {
    const prep = await this.withSession(tenantId, sessionId, async (m, row) => {
      if (row.state !== 'AWAITING_CONFIRMATION' || row.order_created_at || row.cancel_requested_at) return null;
      return { row, superseded: await this.hasSuperseded(m, row), handle: await this.merchants.forAccount(m, row.merchant_account_id) };
    }, true);
    if (!prep) return;
    if (prep.superseded) {
      // a rescan replaced the order: the earlier one is cancelled first (never two live orders), unless the user confirmed it
      const earlier = await this.settleSupersededAttempts(tenantId, sessionId);
      if (earlier === 'reverted') return;
      if (earlier === 'open') throw new Error(`session ${sessionId}: the order a rescan replaced is still open at WeChat`);
      return this.createOrder({ tenantId, sessionId });
    }
    const { row, handle } = prep;
    let order: ServiceOrder & { package: string };
    try {
      order = await handle.client.createOrder(this.createBody(row));
    } catch (error) {
      if (!isRefusal(error)) throw error; // unknown outcome: the job retries the same body (a safe re-entry)
      // a re-entry refused for other parameters proves an earlier attempt created the order (its answer was lost): never
      // conclude that none exists — retry, and the reconciler's query converges it
      if (isPayScoreError(error, 'PAYSCORE_REENTRY_MISMATCH')) throw error;
      await this.withSession(tenantId, sessionId, async (m, current) => {
        if (current.state !== 'AWAITING_CONFIRMATION' || current.order_created_at) return;
        // no order exists at WeChat: nothing to cancel there, nothing was charged
        await this.store.update(m, sessionId, { state: 'CANCELLED', cancelled_at: this.clock.now(), cancel_reason: CANCEL_REASONS.orderRejected, anomaly: `ORDER_REJECTED ${describe(error)}` });
      });
      return;
    }
    await this.withSession(tenantId, sessionId, async (m, current) => {
      if (current.order_created_at || current.out_order_no !== row.out_order_no) return;
      const createdAt = this.clock.now();
      // the session and its current attempt in one statement
      await this.store.update(
        m,
        sessionId,
        {
          order_created_at: createdAt,
          order_id: order.order_id,
          order_package: order.package,
          // a state already recorded (a query or callback came first) is never rolled back by the create's answer
          ...(current.order_state ? {} : { order_state: order.state, order_state_description: order.state_description ?? null }),
        },
        { attempt: current.order_attempt },
      );
      // the cancel concluded "no order" while this create was on its way (WeChat had not made it yet): the
      // order exists now, unconfirmable (its package is never shown), and is cancelled at WeChat too
      if (current.state === 'CANCELLED' && current.cancel_requested_at) {
        await this.jobs.enqueue(cancelOrderJob, { tenantId: current.merchant_tenant_id, sessionId }, { key: `cancel:${sessionId}:created-late:${current.order_attempt}` });
      }
    });
  }

  async cancelOrder({ tenantId, sessionId }: SessionJob): Promise<void> {
    const prep = await this.withSession(tenantId, sessionId, async (m, row) => {
      if (row.state === 'PAID' || !row.cancel_requested_at) return null;
      // a cancelled session is done, unless its create answer came after the cancel (see createOrder)
      if (row.state === 'CANCELLED' && !(row.order_created_at && row.order_state === 'CREATED')) return null;
      return { row, superseded: await this.hasSuperseded(m, row), handle: await this.merchants.forAccount(m, row.merchant_account_id) };
    });
    if (!prep) return;
    // the orders a rescan replaced go too (the cancel was asked for: a confirmed one is never gone back to)
    if (prep.superseded && (await this.settleSupersededAttempts(tenantId, sessionId)) === 'open') {
      throw new Error(`session ${sessionId}: the order a rescan replaced is still open at WeChat`);
    }
    const { row, handle } = prep;
    let order: ServiceOrder | null;
    try {
      order = await handle.client.queryOrder({ out_order_no: row.out_order_no, appid: row.appid, service_id: row.service_id });
    } catch (error) {
      // only WeChat's verified "no such order" proves it does not exist (an unsigned 404 proves nothing)
      if (!isVerifiedNotFound(error)) throw error;
      order = null;
    }
    if (order) {
      const phase = phaseOf(order);
      if (phase !== 'REVOKED' && phase !== 'EXPIRED' && phase !== 'DONE') {
        try {
          await handle.client.cancelOrder(row.out_order_no, { appid: row.appid, service_id: row.service_id, reason: row.cancel_reason ?? CANCEL_REASONS.nothingUsed }, { current: order });
          order = { ...order, state: 'REVOKED', state_description: undefined } as ServiceOrder;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          // refused: look again (another process may have cancelled it, or the user just confirmed)
          order = await handle.client.queryOrder({ out_order_no: row.out_order_no, appid: row.appid, service_id: row.service_id });
        }
      }
    }
    const seen = order;
    await this.withSession(tenantId, sessionId, async (m, current) => {
      if (current.state === 'PAID') return;
      if (current.state === 'CANCELLED') {
        // an order created after the session was cancelled: only what WeChat now says of it is recorded
        if (seen && current.order_state === 'CREATED') await this.store.update(m, sessionId, { order_state: seen.state, order_state_description: seen.state_description ?? null });
        return;
      }
      if (!seen) {
        // the create never reached WeChat (or was refused): nothing exists to cancel, nothing was charged
        if (current.order_created_at) {
          await this.store.update(m, sessionId, { anomaly: 'ORDER_VANISHED: WeChat does not know an order it created' });
          return;
        }
        await this.store.update(m, sessionId, { state: 'CANCELLED', cancelled_at: this.clock.now() });
        return;
      }
      await this.applyOrder(m, current, seen);
    });
  }

  async completeOrder({ tenantId, sessionId }: SessionJob): Promise<void> {
    const prep = await this.withSession(tenantId, sessionId, async (m, row) => {
      if (row.state !== 'AWAITING_PAYMENT' || row.order_completed_at || !row.lines || row.total_fen === null) return null;
      return { row, handle: await this.merchants.forAccount(m, row.merchant_account_id) };
    }, true);
    if (!prep) return;
    const { row, handle } = prep;
    const lines = row.lines!;
    const ended = Math.max(row.service_ended_at!.getTime(), (row.confirmed_at ?? row.service_ended_at!).getTime());
    let order: ServiceOrder;
    try {
      order = await handle.client.completeOrder(
        row.out_order_no,
        {
          appid: row.appid,
          service_id: row.service_id,
          post_payments: lines.post_payments as PostPayment[],
          ...(lines.post_discounts.length > 0 ? { post_discounts: lines.post_discounts as PostDiscount[] } : {}),
          total_amount: row.total_fen!,
          time_range: { end_time: payScoreTime(Math.min(ended, this.clock.now().getTime())) },
          // the franchisee collects: the payment stays frozen until the brand's commission is split off (issue 12)
          ...(row.profit_sharing ? { profit_sharing: true } : {}),
        },
        // the recorded order state, not an assumed one: the client refuses an illegal complete before any call (item 16)
        { current: recordedOrder(row) },
      );
    } catch (error) {
      if (!isRefusal(error)) throw error;
      // WeChat refuses the completion itself (state, amounts): an operator must look; nothing is charged meanwhile
      await this.withSession(tenantId, sessionId, (m) => this.store.update(m, sessionId, { anomaly: `COMPLETE_REFUSED ${describe(error)}` }));
      return;
    }
    await this.withSession(tenantId, sessionId, async (m, current) => {
      if (current.state !== 'AWAITING_PAYMENT') return;
      // the usual answer (MCH_COMPLETE, recorded) stamps order_completed_at in applyOrder's own update
      if (!current.order_completed_at && safePhase(order) === 'MCH_COMPLETE' && !isStale(current, order)) {
        await this.applyOrder(m, current, order);
        return;
      }
      const next = current.order_completed_at ? current : await this.store.update(m, sessionId, { order_completed_at: this.clock.now() });
      await this.applyOrder(m, next, order);
    });
  }

  /** Queries the order and converges the session on what WeChat says. */
  async syncOrder({ tenantId, sessionId }: SessionJob): Promise<void> {
    const prep = await this.withSession(tenantId, sessionId, async (m, row) => {
      if (row.state === 'CANCELLED') return null;
      return { row, handle: await this.merchants.forAccount(m, row.merchant_account_id) };
    }, true);
    if (!prep) return;
    const { row, handle } = prep;
    let order: ServiceOrder;
    try {
      order = await handle.client.queryOrder({ out_order_no: row.out_order_no, appid: row.appid, service_id: row.service_id });
    } catch (error) {
      if (isVerifiedNotFound(error)) {
        // not created yet (the create job is pending or failed for good): make sure it runs
        if (row.state === 'AWAITING_CONFIRMATION' && !row.order_created_at && !row.cancel_requested_at) await this.createOrder({ tenantId, sessionId });
        return;
      }
      throw error;
    }
    const again = await this.withSession(tenantId, sessionId, async (m, current) => {
      await this.applyOrder(m, current, order);
      // the order exists but the create's answer never verified (its retries gave up): re-enter it for the package
      return order.state === 'CREATED' && current.state === 'AWAITING_CONFIRMATION' && !current.order_created_at && !current.cancel_requested_at;
    });
    if (again) await this.createOrder({ tenantId, sessionId });
  }

  /**
   * Moves the session to match an order WeChat showed us (a query, a call's answer, a callback). The
   * state is judged from state + state_description + collection.state together (launch checklist 8).
   */
  private async applyOrder(m: EntityManager, row: SessionRow, order: ServiceOrder): Promise<'applied' | 'stale'> {
    // an answer about another of the session's orders — one a rescan replaced while a query for it was in
    // flight — says nothing about the current order: the replaced one is settled by settleSupersededAttempts
    if (order.out_order_no !== undefined && order.out_order_no !== row.out_order_no) return 'stale';
    let phase: OrderPhase;
    try {
      phase = phaseOf(order);
    } catch {
      await this.store.update(m, row.id, { anomaly: `UNKNOWN_ORDER_STATE ${order.state}/${order.state_description ?? ''}` });
      return 'applied';
    }
    // the recorded order state only moves forward (issue 10, item 14): a late callback or a query answer that
    // overtook a newer one (USER_CONFIRM after USER_PAID, CREATED after USER_CONFIRM) changes nothing
    // (one terminal phase never turns into another: DONE stays DONE)
    if (isStale(row, order, phase)) return 'stale';
    const seen = {
      order_state: order.state,
      order_state_description: order.state_description ?? null,
      collection_state: order.collection?.state ?? row.collection_state,
      order_id: row.order_id ?? order.order_id ?? null,
    };
    switch (phase) {
      case 'CREATED':
        await this.store.update(m, row.id, seen);
        return 'applied';
      case 'USER_CONFIRMED':
        if (row.state === 'AWAITING_CONFIRMATION' && !row.cancel_requested_at) {
          await this.startService(m, { ...row, ...seen });
        } else {
          await this.store.update(m, row.id, seen);
        }
        return 'applied';
      case 'MCH_COMPLETE':
        await this.store.update(m, row.id, {
          ...seen,
          ...(row.state === 'AWAITING_PAYMENT' && !row.order_completed_at ? { order_completed_at: this.clock.now() } : {}),
        });
        return 'applied';
      case 'DONE': {
        if (row.state !== 'AWAITING_PAYMENT') {
          await this.store.update(m, row.id, seen);
          return 'applied';
        }
        // checklist 8: DONE alone is not "paid": the collection must say USER_PAID and how much. An answer that is
        // not accepted is not recorded as the order's state either (only the anomaly is)
        if (order.collection?.state !== 'USER_PAID' || typeof order.collection.paid_amount !== 'number') {
          await this.store.update(m, row.id, { anomaly: `DONE_WITHOUT_PAYMENT WeChat reports the order DONE with collection ${order.collection?.state ?? 'missing'}` });
          return 'applied';
        }
        const paid = order.collection.paid_amount;
        const transaction = order.collection.details?.find((d) => d.transaction_id)?.transaction_id ?? null;
        // launch checklist 24: the paid amount must be the amount we completed with before it is accepted
        if (paid !== row.total_fen) {
          await this.store.update(m, row.id, { anomaly: `PAID_AMOUNT_MISMATCH WeChat says ${paid} fen paid, the session's total is ${row.total_fen} fen` });
          return 'applied';
        }
        const paidAt = this.clock.now();
        await this.store.update(m, row.id, {
          ...seen,
          state: 'PAID',
          paid_at: paidAt,
          paid_fen: paid,
          transaction_id: transaction,
          anomaly: null,
          order_completed_at: row.order_completed_at ?? this.clock.now(),
        });
        // the sale and its commission enter the ledger in the transaction that records the payment (issue 12)
        await this.ledger.postSessionPaid(m, row.id, paidAt);
        // the franchisee collected: split the brand's commission off, no earlier than a minute after the payment (issue 12)
        if (row.profit_sharing) await this.jobs.enqueue(splitOrderJob, { sessionId: row.id }, { key: `split:${row.id}`, startAfter: new Date(paidAt.getTime() + SPLIT_DELAY_MS) });
        return 'applied';
      }
      case 'REVOKED':
      case 'EXPIRED':
        if (row.state === 'PAID' || row.state === 'CANCELLED') {
          await this.store.update(m, row.id, seen);
          return 'applied';
        }
        await this.store.update(m, row.id, {
          ...seen,
          state: 'CANCELLED',
          cancelled_at: this.clock.now(),
          cancel_reason: row.cancel_reason ?? (phase === 'EXPIRED' ? CANCEL_REASONS.unconfirmed : CANCEL_REASONS.userCancelled),
          // revoked while in use, unless we asked for it (a session that cost nothing): an operator must look
          ...(!row.cancel_requested_at && (row.state === 'IN_USE' || row.state === 'AWAITING_PAYMENT') ? { anomaly: `ORDER_${phase}_WHILE_${row.state}` } : {}),
        });
        return 'applied';
    }
  }

  /** The user confirmed: the device is told to start (unlock, eject, start charging, open the valve). */
  private async startService(m: EntityManager, row: SessionRow): Promise<void> {
    const now = this.clock.now();
    const params: Record<string, unknown> = {};
    if (row.slot !== null) params['slot'] = row.slot;
    if (row.connector !== null) params['connector'] = row.connector;
    const commandId = await this.commands.queueForSession(m, {
      tenantId: row.tenant_id,
      deviceId: row.device_id,
      type: START_COMMAND[row.device_type],
      sessionId: row.id,
      params,
      ttlSeconds: this.config.sessions.startTimeoutSeconds,
    });
    await this.store.update(m, row.id, {
      order_state: row.order_state,
      order_state_description: row.order_state_description,
      collection_state: row.collection_state,
      state: 'STARTING',
      confirmed_at: now,
      starting_at: now,
      start_command_id: commandId,
    });
  }

  // ------------------------------------------------------------------ device signals

  /** The job of a device signal (queued when it could not be applied in the device's transaction). */
  async deviceSignal(signal: SessionDeviceSignal): Promise<void> {
    await this.transactions.asTenant(jobPrincipal(signal.tenantId), (m) => this.applyDeviceSignal(m, signal));
  }

  /** An ack of the start command, or the device's end of the session, under the session's row lock in the caller's transaction. */
  async applyDeviceSignal(m: EntityManager, signal: SessionDeviceSignal, nowait = false): Promise<void> {
    const row = await this.store.lock(m, signal.sessionId, nowait);
    if (!row || row.device_id !== signal.deviceId) return; // not a session of this device: ignored
    if (signal.kind === 'ack') {
      if (signal.commandId === row.start_command_id) await this.applyStartAck(m, row, signal.result, new Date(signal.occurredAt));
    } else {
      await this.applyDeviceEnd(m, row, new Date(signal.occurredAt), signal.usage);
    }
    this.watch.changedOnCommit(m, signal.sessionId);
  }

  private async applyStartAck(m: EntityManager, row: SessionRow, result: 'SUCCEEDED' | 'FAILED', occurredAt: Date): Promise<void> {
    if (result === 'FAILED') {
      if (row.state === 'STARTING') await this.requestCancel(m, row, CANCEL_REASONS.deviceFailed);
      return;
    }
    if (row.state !== 'STARTING') return;
    if (row.cancel_requested_at) {
      // the device began the service after we gave up on it (late ack): an operator must settle it
      await this.store.update(m, row.id, { anomaly: 'STARTED_AFTER_CANCEL the device started the service after the session was being cancelled' });
      return;
    }
    const started = clamp(occurredAt, row.starting_at ?? row.created_at, this.clock.now());
    await this.store.update(m, row.id, { state: 'IN_USE', in_use_at: this.clock.now(), service_started_at: started });
  }

  private async applyDeviceEnd(m: EntityManager, row: SessionRow, occurredAt: Date, usage: Record<string, unknown>): Promise<void> {
    if (row.state === 'STARTING' && !row.cancel_requested_at) {
      // the end overtook the start's acknowledgement (both are jobs), or the acknowledgement never came
      // through: the service ran, from the acknowledgement's time if the device API recorded one, else from when we asked
      const [ack] = (await m.query(`SELECT ack_occurred_at FROM device_commands WHERE id = $1 AND ack_result = 'SUCCEEDED'`, [row.start_command_id])) as { ack_occurred_at: Date }[];
      const requested = row.starting_at ?? row.created_at;
      const started = ack ? clamp(ack.ack_occurred_at, requested, this.clock.now()) : requested;
      row = await this.store.update(m, row.id, { state: 'IN_USE', in_use_at: this.clock.now(), service_started_at: started });
    }
    if (row.state !== 'IN_USE' || row.service_ended_at) return; // a second end (another event id) or too late: the first counts
    await this.endService(m, row, occurredAt, usage, 'DEVICE');
  }

  /**
   * The service ended: priced with the plan version the session started with, then completed (or,
   * costing nothing, cancelled). Throws SESSION_USAGE_INVALID-worthy PricingErrors only for operators;
   * a device's unusable usage is recorded as an anomaly and the session waits for an operator.
   */
  async endService(m: EntityManager, row: SessionRow, endedAt: Date, usage: Record<string, unknown>, source: EndSource, options: { throwOnInvalid?: boolean } = {}): Promise<SessionRow> {
    const started = row.service_started_at ?? row.starting_at ?? row.created_at;
    const ended = clamp(endedAt, started, this.clock.now());
    const full: Usage = {
      startedAt: iso(started),
      endedAt: iso(ended),
      ...(Array.isArray(usage['items']) ? { items: usage['items'] as Usage['items'] } : {}),
      ...(Array.isArray(usage['energy']) ? { energy: usage['energy'] as Usage['energy'] } : {}),
      ...(typeof usage['volumeMillilitres'] === 'number' ? { volumeMillilitres: usage['volumeMillilitres'] } : {}),
    } as Usage;
    let priced;
    try {
      priced = quote(row.plan as unknown as PricingPlan, full);
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      if (options.throwOnInvalid) throw error;
      return this.store.update(m, row.id, { usage: full as unknown as Record<string, unknown>, anomaly: `USAGE_INVALID ${error.message}`.slice(0, 500) });
    }
    const stop = STOP_COMMAND[row.device_type];
    let stopCommand = row.stop_command_id;
    if (source !== 'DEVICE' && stop && !stopCommand) {
      stopCommand = await this.commands.queueForSession(m, {
        tenantId: row.tenant_id,
        deviceId: row.device_id,
        type: stop,
        sessionId: row.id,
        params: row.connector !== null ? { connector: row.connector } : {},
        ttlSeconds: 300,
      });
    }
    // a fridge's items come off its stock book in this transaction, once per session (modules/stock)
    if (row.device_type === 'FRIDGE' && full.items?.length) await recordSessionSale(m, { tenantId: row.tenant_id, deviceId: row.device_id, sessionId: row.id, items: full.items });
    const base = {
      service_ended_at: ended,
      ended_at: this.clock.now(),
      // a device ending because we stopped it (cap, run limit) keeps the reason we stopped it for
      end_source: source === 'DEVICE' && row.stop_command_id && row.end_source ? row.end_source : source,
      usage: full as unknown as Record<string, unknown>,
      quote: priced as unknown as Record<string, unknown>,
      quoted_fen: priced.totalFen,
      stop_command_id: stopCommand,
      anomaly: null,
    };
    if (priced.totalFen === 0) {
      const updated = await this.store.update(m, row.id, { ...base, total_fen: 0 });
      return this.requestCancel(m, updated, CANCEL_REASONS.nothingUsed);
    }
    const lines = payscoreLines(priced, row.scenario, row.plan as unknown as PricingPlan);
    const updated = await this.store.update(m, row.id, {
      ...base,
      state: 'AWAITING_PAYMENT',
      awaiting_payment_at: this.clock.now(),
      total_fen: priced.totalFen,
      lines,
    });
    await this.jobs.enqueue(completeOrderJob, { tenantId: row.merchant_tenant_id, sessionId: row.id }, { key: `complete:${row.id}` });
    return updated;
  }

  // ------------------------------------------------------------------ callbacks

  /** The job of a stored callback (queued when it could not be applied in the transaction that stored it). */
  async applyNotification({ tenantId, notificationId }: { tenantId: string; notificationId: string }): Promise<void> {
    const touched = await this.transactions.asTenant(jobPrincipal(tenantId), (m) => this.applyStoredNotification(m, notificationId));
    if (touched) this.watch.changed(touched);
  }

  /**
   * Applies a stored callback once (marked applied in the same transaction), in the caller's transaction as the
   * merchant of record; answers the session it moved, if any (for `watch.changed` once committed).
   */
  async applyStoredNotification(m: EntityManager, notification: string | StoredNotification): Promise<string | undefined> {
    let touched: string | undefined;
    // the row just inserted by this transaction is already its own (locked); one stored before is locked here
    const [n] =
      typeof notification === 'string' ? ((await m.query(`SELECT * FROM payscore_notifications WHERE id = $1 FOR UPDATE`, [notification])) as StoredNotification[]) : [notification];
    if (!n || n.applied_at) return undefined;
    const notificationId = n.id;
    let outcome: string = 'applied';
    if (n.event_type.startsWith('PAYSCORE.')) {
      // a callback applies only to an order of the account whose notify URL received it (item 5)
      const row = await this.store.byOutOrderNo(m, n.business_key, true, n.merchant_account_id);
      if (!row) {
        // an order a rescan replaced is never applied to the session: it is cancelled, or (confirmed before it
        // could be) the create job of the next attempt goes back to it after querying it
        const attempt = await this.store.attemptByOutOrderNo(m, n.business_key, n.merchant_account_id);
        if (attempt) outcome = `replaced-attempt ${attempt.attempt} ${attempt.state}`;
        else outcome = (await this.store.byOutOrderNo(m, n.business_key, false)) ? 'foreign-order' : 'unknown-order';
        if (outcome === 'foreign-order') this.logger.warn({ notificationId, accountId: n.merchant_account_id }, 'callback names an order of another merchant account: ignored');
      } else {
        touched = row.id;
        outcome = await this.applyOrder(m, row, n.resource as unknown as ServiceOrder);
      }
    } else {
      outcome = await this.applyRefundNotification(m, n.merchant_account_id, n.business_key, n.event_type, n.resource);
    }
    await m.query(`UPDATE payscore_notifications SET applied_at = now(), outcome = $2 WHERE id = $1`, [notificationId, outcome]);
    return touched;
  }

  private async applyRefundNotification(m: EntityManager, accountId: string, outRefundNo: string, eventType: string, resource: Record<string, unknown>): Promise<string> {
    // a refund of a session charged through this account only (item 5)
    const [action] = (await m.query(
      `SELECT a.* FROM session_actions a JOIN service_sessions s ON s.id = a.session_id
        WHERE a.out_refund_no = $1 AND s.merchant_account_id = $2 FOR UPDATE OF a`,
      [outRefundNo, accountId],
    )) as ActionRow[];
    if (!action) return 'unknown-refund';
    const status = eventType === 'REFUND.SUCCESS' ? 'SUCCESS' : String(resource['refund_status'] ?? eventType.slice('REFUND.'.length));
    await this.settleRefund(m, action, status, typeof resource['refund_id'] === 'string' ? resource['refund_id'] : null);
    return 'applied';
  }

  /**
   * A refund's status as WeChat reports it (verified answer or callback). SUCCESS adds to the session's
   * refunded total, once. CLOSED frees the amount (FAILED). ABNORMAL is not a failure: the money left the
   * merchant and is held at WeChat (the user's card or account could not take it) — the action becomes
   * ABNORMAL, still counted against what can be refunded, and the session carries a REFUND_ABNORMAL anomaly
   * for an operator (WeChat's abnormal-refund handling, or offline); it is queried again until WeChat
   * reports SUCCESS or CLOSED (issue 10, item 15).
   */
  private async settleRefund(m: EntityManager, action: ActionRow, status: string, refundId: string | null): Promise<void> {
    if (action.state === 'SUCCEEDED' || action.state === 'FAILED') return;
    const anomaly = `REFUND_ABNORMAL ${action.out_refund_no}`;
    const clearAnomaly = () =>
      m.query(`UPDATE service_sessions SET anomaly = NULL, updated_at = now() WHERE id = $1 AND anomaly LIKE $2`, [action.session_id, `${anomaly}%`]);
    if (status === 'SUCCESS') {
      await this.store.finishAction(m, action.id, 'SUCCEEDED', { refund_id: refundId });
      await m.query(`UPDATE service_sessions SET refunded_fen = refunded_fen + $2, updated_at = now() WHERE id = $1`, [action.session_id, action.amount_fen]);
      // the refund and the commission it gives back enter the ledger in the same transaction (issue 12)
      await this.ledger.postRefundSucceeded(m, action.id, action.session_id, action.amount_fen ?? 0, this.clock.now());
      if (action.state === 'ABNORMAL') await clearAnomaly();
    } else if (status === 'CLOSED') {
      await this.store.finishAction(m, action.id, 'FAILED', { error: `refund ${status}`, refund_id: refundId });
      if (action.state === 'ABNORMAL') await clearAnomaly();
    } else if (status === 'ABNORMAL') {
      if (action.state === 'ABNORMAL') return;
      await this.store.finishAction(m, action.id, 'ABNORMAL', {
        error: 'REFUND_ABNORMAL the money is held at WeChat: resolve it with WeChat Pay’s abnormal-refund handling (or offline); do not refund it again',
        refund_id: refundId,
      });
      await this.store.update(m, action.session_id, {
        anomaly: `${anomaly}: ${action.amount_fen} fen held at WeChat, the user has not received it; an operator must resolve it (WeChat Pay abnormal-refund handling or offline), not refund again`,
      });
    } else {
      await this.store.finishAction(m, action.id, 'PROCESSING', { refund_id: refundId });
    }
  }

  // ------------------------------------------------------------------ operator actions

  async runAction({ tenantId, sessionId, actionId }: SessionJob & { actionId: string }): Promise<void> {
    const prep = await this.withSession(tenantId, sessionId, async (m, row) => {
      const action = await this.store.lockAction(m, actionId);
      if (!action || action.state === 'SUCCEEDED' || action.state === 'FAILED' || action.state === 'HELD') return null; // HELD: an operator's retry puts it back to PENDING
      if (action.kind === 'REFUND' && (action.state === 'PROCESSING' || action.state === 'ABNORMAL')) return null; // waiting for WeChat's result
      // checklist 9: the session may have moved since the action was queued (paid meanwhile): check before calling
      const fits = action.kind === 'REFUND' ? row.state === 'PAID' && row.transaction_id !== null : row.state === 'AWAITING_PAYMENT' && row.order_completed_at !== null;
      if (!fits) {
        await this.store.finishAction(m, actionId, 'FAILED', { error: `SESSION_STATE_CHANGED the session is ${row.state} now` });
        return null;
      }
      const refundedBefore = (await m.query(
        `SELECT coalesce(sum(amount_fen), 0)::int AS fen FROM session_actions WHERE session_id = $1 AND kind = 'REFUND' AND id <> $2 AND state IN ('SUCCEEDED', 'PROCESSING', 'ABNORMAL')`,
        [sessionId, actionId],
      )) as { fen: number }[];
      return { row, action, handle: await this.merchants.forAccount(m, row.merchant_account_id), refundedBefore: refundedBefore[0]?.fen ?? 0 };
    });
    if (!prep) return;
    const { row, action, handle } = prep;
    const ids = { appid: row.appid, service_id: row.service_id };
    try {
      switch (action.kind) {
        case 'MODIFY': {
          // WeChat replaces the whole item set on each modify (and discount names are unique): the set is recomputed
          // from the session's quote every time, never appended to, so a second or third modify is as valid as the first
          const reason = (action.reason ?? '商户调整').slice(0, 50);
          const lines = payscoreLines(row.quote as unknown as Quote, row.scenario, row.plan as unknown as PricingPlan, { totalFen: action.amount_fen!, reason });
          const order = await handle.client.modifyOrder(
            row.out_order_no,
            {
              ...ids,
              post_payments: lines.post_payments as PostPayment[],
              ...(lines.post_discounts.length > 0 ? { post_discounts: lines.post_discounts as PostDiscount[] } : {}),
              total_amount: lines.total_amount,
              reason,
            },
            { current: recordedOrder(row) },
          );
          await this.withSession(tenantId, sessionId, async (m, current) => {
            await this.store.finishAction(m, actionId, 'SUCCEEDED');
            const next = await this.store.update(m, sessionId, { total_fen: action.amount_fen, lines: { ...lines }, modified_at: this.clock.now() });
            await this.applyOrder(m, { ...current, ...next }, order);
          });
          return;
        }
        case 'COLLECT': {
          await handle.client.payOrder(row.out_order_no, { ...ids, current: recordedOrder(row) });
          await this.withSession(tenantId, sessionId, async (m) => {
            await this.store.finishAction(m, actionId, 'SUCCEEDED');
            await this.store.update(m, sessionId, { collection_attempted_at: this.clock.now() });
          });
          return;
        }
        case 'REFUND': {
          // the franchisee collected and the brand's commission was split off: pull its share back first (issue 12)
          if (row.profit_sharing) {
            await this.profitSharing.returnBeforeRefund({ sessionId, actionId, refundFen: action.amount_fen!, refundedBeforeFen: prep.refundedBefore });
          }
          const refund = await handle.client.createRefund(
            {
              transaction_id: row.transaction_id!,
              out_refund_no: action.out_refund_no!,
              reason: (action.reason ?? '').slice(0, 80) || undefined,
              notify_url: row.notify_url,
              amount: { refund: action.amount_fen!, total: row.paid_fen! },
            } as never,
            { previouslyRefundedFen: prep.refundedBefore },
          );
          await this.withSession(tenantId, sessionId, async (m) => {
            const current = await this.store.lockAction(m, actionId);
            if (current) await this.settleRefund(m, current, refund.status, refund.refund_id ?? null);
          });
          return;
        }
        case 'END':
          return;
      }
    } catch (error) {
      if (action.kind === 'REFUND' && row.profit_sharing && isRefusal(error) && isPayScoreError(error, 'PAYSCORE_BALANCE_NOT_ENOUGH')) {
        // issue 12: the brand's commission was split off and the franchisee's balance does not cover the refund: held
        // for an operator (top up, then retry; or give up), with the reason, instead of failing quietly
        const held = await this.profitSharing.heldRefundReason(sessionId, actionId);
        await this.withSession(tenantId, sessionId, (m) => this.store.finishAction(m, actionId, 'HELD', { error: `REFUND_HELD ${held} (${describe(error)})`.slice(0, 500) }));
        return;
      }
      if (isRefusal(error)) {
        await this.withSession(tenantId, sessionId, (m) => this.store.finishAction(m, actionId, 'FAILED', { error: describe(error) }));
        return;
      }
      if (action.kind !== 'REFUND' || !isPayScoreError(error)) throw error; // unknown outcome: the job repeats the same request (WeChat's re-entry)
      // unknown outcome of a refund (no answer, or one that fails verification): WeChat may have made it. It is
      // in flight until a query by out_refund_no says what became of it — never FAILED, never issued again
      // under another number, its amount still counted against what can be refunded (items 9 and 10)
      await this.withSession(tenantId, sessionId, async (m) => {
        const current = await this.store.lockAction(m, actionId);
        if (current?.state === 'PENDING') await this.store.finishAction(m, actionId, 'PROCESSING', { error: `OUTCOME_UNKNOWN ${describe(error)}`.slice(0, 500) });
      });
      await this.queryRefund({ tenantId, sessionId }, action).catch((queryError: unknown) => {
        this.logger.warn({ sessionId, actionId, err: queryError }, 'refund outcome still unknown: the reconciler queries it again');
      });
    }
  }

  // ------------------------------------------------------------------ reconciler

  /** Finds sessions that sat too long in a non-terminal state (or with a refund in flight) and checks each. */
  async reconcileTick(): Promise<void> {
    const after = this.config.sessions.reconcileAfterSeconds;
    await this.transactions.asSystem(async (m) => {
      const rows = (await m.query(
        `SELECT s.id, s.merchant_tenant_id FROM service_sessions s
         -- checked again after reconcileAfterSeconds, or a tenth of the session's age (at most 6 h): an order
         -- unpaid for days is not queried every few minutes
         WHERE s.updated_at < now() - greatest(make_interval(secs => $1), least((now() - s.created_at) / 10, interval '6 hours'))
           AND (s.state NOT IN ('PAID', 'CANCELLED')
                OR EXISTS (SELECT 1 FROM session_actions a WHERE a.session_id = s.id AND a.state IN ('PENDING', 'PROCESSING', 'ABNORMAL'))
                -- an order a rescan replaced that is not known to be cancelled at WeChat yet
                OR EXISTS (SELECT 1 FROM session_order_attempts o WHERE o.session_id = s.id AND o.state = 'SUPERSEDED'))
         ORDER BY s.updated_at LIMIT 500`,
        [after],
      )) as { id: string; merchant_tenant_id: string }[];
      const slot = Math.floor(Date.now() / 1000 / after);
      for (const r of rows) {
        await this.jobs.enqueue(reconcileSessionJob, { tenantId: r.merchant_tenant_id, sessionId: r.id }, { key: `${r.id}:${slot}` });
      }
    });
  }

  async reconcileSession(job: SessionJob): Promise<void> {
    const { confirmTimeoutSeconds, startTimeoutSeconds } = this.config.sessions;
    const now = this.clock.now().getTime();
    let superseded = false;
    const next = await this.withSession(job.tenantId, job.sessionId, async (m, row): Promise<'query' | 'cancel' | 'complete' | 'actions' | null> => {
      await this.store.update(m, row.id, {}); // touch: not rescanned before reconcileAfterSeconds
      superseded = await this.hasSuperseded(m, row);
      if (row.cancel_requested_at && row.state !== 'CANCELLED' && row.state !== 'PAID') return 'cancel';
      switch (row.state) {
        case 'AWAITING_CONFIRMATION':
          // from the current attempt: a user who scanned again has a new confirmation page to act on
          if (now - (row.order_attempted_at ?? row.awaiting_confirmation_at).getTime() > confirmTimeoutSeconds * 1000) {
            await this.requestCancel(m, row, CANCEL_REASONS.unconfirmed);
            return 'cancel';
          }
          return 'query'; // a missed USER_CONFIRM callback, or a create still to do
        case 'STARTING': {
          // the command row locked: an acknowledgement being written is waited for and seen (its own transaction
          // never waits for the session: command-delivery applies it with NOWAIT or queues it as a job)
          const [command] = (await m.query(`SELECT state, ack_occurred_at FROM device_commands WHERE id = $1 FOR UPDATE`, [row.start_command_id])) as {
            state: string;
            ack_occurred_at: Date | null;
          }[];
          if (command?.state === 'SUCCEEDED') {
            await this.applyStartAck(m, row, 'SUCCEEDED', command.ack_occurred_at ?? this.clock.now());
            return null;
          }
          if (command?.state === 'FAILED' || command?.state === 'EXPIRED' || now - (row.starting_at ?? row.created_at).getTime() > startTimeoutSeconds * 1000) {
            // given up on: the command expires with the decision, so the device is no longer handed it and an
            // acknowledgement from now on is answered DEVICE_COMMAND_EXPIRED (a start it reports anyway is the
            // operator's STARTED_AFTER_CANCEL), never taken as a start the platform had still been waiting for
            await m.query(
              `UPDATE device_commands SET state = 'EXPIRED', expired_at = coalesce(expired_at, now()), lease_until = NULL WHERE id = $1 AND state IN ('QUEUED', 'DELIVERED')`,
              [row.start_command_id],
            );
            await this.requestCancel(m, row, CANCEL_REASONS.deviceFailed);
            return 'cancel';
          }
          return null;
        }
        case 'IN_USE':
          await this.enforceLimits(m, row, now);
          return null;
        case 'AWAITING_PAYMENT':
          return row.order_completed_at ? 'query' : 'complete';
        case 'PAID':
          return 'actions';
        default:
          return null;
      }
    });
    if (next === 'cancel') await this.cancelOrder(job);
    else if (next === 'complete') await this.completeOrder(job);
    else if (next === 'query') await this.syncOrder(job);
    // replaced orders still open at WeChat are cancelled (or, confirmed before the next was created, gone back to)
    if (superseded) await this.settleSupersededAttempts(job.tenantId, job.sessionId);
    await this.reconcileActions(job);
  }

  /** A power bank never returned is bought out at the total cap; a charger or valve left running is stopped. */
  private async enforceLimits(m: EntityManager, row: SessionRow, now: number): Promise<void> {
    const started = row.service_started_at ?? row.starting_at;
    if (!started || row.service_ended_at) return;
    const plan = row.plan as unknown as PricingPlan;
    if (plan.rental && plan.totalCapFen !== undefined) {
      const running = estimate(plan, { startedAt: iso(started) } as Usage, now);
      if (running.totalFen >= plan.totalCapFen) {
        const capped = await this.endService(m, row, new Date(now), {}, 'TOTAL_CAP');
        // the bank it holds is the user's now (priced at the cap): bought out; returned later, it is flagged, never charged (issue 16).
        // Only once the service ended (unusable usage is an anomaly for an operator, the session still open)
        if (row.device_type === 'POWERBANK_CABINET' && capped.service_ended_at) await markBoughtOut(m, row.id);
        return;
      }
    }
    const limit = RUN_LIMIT_SECONDS[row.device_type];
    const overTime = limit !== undefined && now - started.getTime() > limit * 1000;
    if (overTime || (await this.meteredCapReached(m, row, plan, started, now))) {
      const stop = STOP_COMMAND[row.device_type];
      if (stop && !row.stop_command_id) {
        const commandId = await this.commands.queueForSession(m, {
          tenantId: row.tenant_id,
          deviceId: row.device_id,
          type: stop,
          sessionId: row.id,
          params: row.connector !== null ? { connector: row.connector } : {},
          ttlSeconds: 300,
        });
        await this.store.update(m, row.id, { stop_command_id: commandId, end_source: overTime ? 'RUN_LIMIT' : 'TOTAL_CAP' });
      } else if (row.stop_command_id && !row.anomaly) {
        await this.store.update(m, row.id, { anomaly: 'DEVICE_DID_NOT_STOP the run limit passed and the device has not reported the end' });
      }
    }
  }

  /**
   * A charger or a valve reports its meter while it runs (`charging.metered` / `valve.metered`, the session's
   * energy or volume so far): once that already costs the plan's total cap, nothing more can be charged and
   * the device is stopped. The same running quote the operators and the user see (`runningQuote`).
   */
  private async meteredCapReached(m: EntityManager, row: SessionRow, plan: PricingPlan, started: Date, now: number): Promise<boolean> {
    if (plan.totalCapFen === undefined) return false;
    if (!(row.device_type === 'EV_CHARGER' && plan.energy) && !(row.device_type === 'WATER_VALVE' && plan.volume)) return false;
    const running = { ...row, state: 'IN_USE' as const, service_started_at: started };
    const reading = (await this.store.meterReadings(m, [running])).get(row.id);
    if (!reading) return false;
    const quoted = runningQuote(running, reading, now);
    return quoted !== null && quoted.totalFen >= plan.totalCapFen;
  }

  /** Operator actions still pending (their job failed for good, or a refund waits for its result). */
  private async reconcileActions(job: SessionJob): Promise<void> {
    const pending = await this.transactions.asTenant(jobPrincipal(job.tenantId), async (m) =>
      (await m.query(`SELECT * FROM session_actions WHERE session_id = $1 AND state IN ('PENDING', 'PROCESSING', 'ABNORMAL')`, [job.sessionId])) as ActionRow[],
    );
    for (const action of pending) {
      if (action.kind === 'REFUND' && (action.state === 'PROCESSING' || action.state === 'ABNORMAL')) {
        await this.queryRefund(job, action);
      } else if (action.state === 'PENDING') {
        await this.runAction({ ...job, actionId: action.id });
      }
    }
  }

  private async queryRefund(job: SessionJob, action: ActionRow): Promise<void> {
    const handle = await this.transactions.asTenant(jobPrincipal(job.tenantId), async (m) => {
      const row = await this.store.get(m, job.sessionId);
      return row ? this.merchants.forAccount(m, row.merchant_account_id) : undefined;
    });
    if (!handle || !action.out_refund_no) return;
    let refund;
    try {
      refund = await handle.client.queryRefund(action.out_refund_no);
    } catch (error) {
      if (!isVerifiedNotFound(error)) throw error;
      // WeChat verifiably never received it: pending again, the reconciler issues it again under the same
      // out_refund_no (a request still on its way re-enters)
      await this.withSession(job.tenantId, job.sessionId, async (m) => {
        const current = await this.store.lockAction(m, action.id);
        if (current?.state === 'PROCESSING' && !current.refund_id) await this.store.finishAction(m, action.id, 'PENDING');
      });
      return;
    }
    await this.withSession(job.tenantId, job.sessionId, async (m) => {
      const current = await this.store.lockAction(m, action.id);
      if (current) await this.settleRefund(m, current, refund.status, refund.refund_id ?? null);
    });
  }
}

/** How far along an order is (§5): the recorded state never moves to a lower rank. Terminal phases share the top. */
const PHASE_RANK: Record<OrderPhase, number> = { CREATED: 0, USER_CONFIRMED: 1, MCH_COMPLETE: 2, DONE: 3, REVOKED: 3, EXPIRED: 3 };

/** The phase of the order state recorded on the session (undefined: none recorded yet, or not a known state). */
function recordedPhase(row: SessionRow): OrderPhase | undefined {
  if (!row.order_state) return undefined;
  try {
    return phaseOf({ state: row.order_state, ...(row.order_state_description ? { state_description: row.order_state_description } : {}) } as OrderStateView);
  } catch {
    return undefined;
  }
}

/** An answer behind the recorded order state (the recorded state only moves forward; one terminal phase never turns into another). */
function isStale(row: SessionRow, order: ServiceOrder, phase: OrderPhase | null = safePhase(order)): boolean {
  if (phase === null) return false;
  if (order.out_order_no !== undefined && order.out_order_no !== row.out_order_no) return true;
  const recorded = recordedPhase(row);
  return recorded !== undefined && (PHASE_RANK[phase] < PHASE_RANK[recorded] || (TERMINAL_PHASES.includes(recorded) && phase !== recorded));
}

/** The order as we last saw it (state + state_description + collection.state), for the client's state guard. */
function recordedOrder(row: SessionRow): OrderStateView {
  return {
    state: (row.order_state ?? 'DOING') as OrderStateView['state'],
    ...(row.order_state_description ? { state_description: row.order_state_description as OrderStateView['state_description'] } : {}),
    ...(row.collection_state ? { collection: { state: row.collection_state as NonNullable<OrderStateView['collection']>['state'] } } : {}),
    ...(row.total_fen !== null ? { total_amount: row.total_fen } : {}),
  };
}

function clamp(value: Date, min: Date, max: Date): Date {
  const t = Math.min(Math.max(value.getTime(), min.getTime()), Math.max(max.getTime(), min.getTime()));
  return new Date(t);
}

/** The order's phase, or null for a state the client does not know. */
function safePhase(order: ServiceOrder): OrderPhase | null {
  try {
    return phaseOf(order);
  } catch {
    return null;
  }
}
