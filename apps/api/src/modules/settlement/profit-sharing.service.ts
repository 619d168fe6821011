import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { isVerifiedNotFound, isVerifiedRefusal, type PayScoreError, type ProfitSharingOrder, type ProfitSharingReturn } from '@zizhu/payscore';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../platform/database/transactions.js';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import type { ProfitSharingOrderDto, ProfitSharingOrderListDto, ProfitSharingOrdersQueryDto } from './dto/profit-sharing.dto.js';
import { profitSharingErrors } from './profit-sharing.errors.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { returnedRows } from '../device-api/system-db.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
import { LedgerService } from './ledger.service.js';
import { ORPHAN_RETURN_SQL } from './profit-sharing-statement.js';
import { splitPosting } from './ledger-postings.js';
import { SPLIT_WINDOW_MS, splitOrderJob, type SplitOrderJob } from './profit-sharing.jobs.js';
import { commissionFen, commissionReversalFen, shanghaiDate } from './settlement-math.js';
import { sessionStartDay } from './settlement-sql.js';

export type ProfitSharingState = 'PENDING' | 'PROCESSING' | 'FINISHED' | 'FAILED';

/** The session, its agreement in force at start and the brand's receiving account, in one read (as the system). */
const SPLIT_FACTS_SQL = `
  SELECT s.id, s.tenant_id, s.merchant_tenant_id, s.merchant_account_id, s.state, s.profit_sharing, s.transaction_id, s.paid_fen, s.refunded_fen, s.paid_at,
         ag.parent_tenant_id AS brand_tenant_id, ag.commission_basis_points,
         ba.mchid AS brand_mchid, ba.name AS brand_name
    FROM service_sessions s
    LEFT JOIN LATERAL (
      SELECT a.parent_tenant_id, a.commission_basis_points FROM agreements a
       WHERE a.tenant_id = s.tenant_id AND a.kind = 'FRANCHISE' AND a.effective_from <= ${sessionStartDay('s')}
       ORDER BY a.version DESC LIMIT 1) ag ON true
    LEFT JOIN LATERAL (
      SELECT m.mchid, m.name FROM merchant_accounts m
       WHERE m.tenant_id = ag.parent_tenant_id AND m.disabled_at IS NULL ORDER BY m.created_at, m.id LIMIT 1) ba ON true
   WHERE s.id = $1`;

interface SplitFacts {
  id: string;
  tenant_id: string;
  merchant_tenant_id: string;
  merchant_account_id: string;
  state: string;
  profit_sharing: boolean;
  transaction_id: string | null;
  paid_fen: number | null;
  refunded_fen: number;
  paid_at: Date | null;
  brand_tenant_id: string | null;
  commission_basis_points: number | null;
  brand_mchid: string | null;
  brand_name: string | null;
}

export interface ProfitSharingOrderRow {
  id: string;
  tenant_id: string;
  brand_tenant_id: string;
  session_id: string;
  merchant_account_id: string;
  receiver_mchid: string | null;
  transaction_id: string;
  out_order_no: string;
  net_fen: string | number;
  commission_basis_points: number;
  amount_fen: string | number;
  state: ProfitSharingState;
  wechat_order_id: string | null;
  receiver_result: string | null;
  failure: string | null;
  attempts: number;
  retries: number;
  paid_at: Date;
  created_at: Date;
  finished_at: Date | null;
  failed_at: Date | null;
  /** Its commission was recorded as paid outside WeChat with this statement's settlement (a retry is refused). */
  settled_statement_id: string | null;
}

interface ReturnRow {
  id: string;
  tenant_id: string;
  brand_tenant_id: string;
  profit_sharing_order_id: string;
  session_id: string;
  action_id: string;
  out_return_no: string;
  return_mchid: string;
  amount_fen: string | number;
  state: 'PENDING' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
  attempts: number;
}

/** The split's out_order_no: fixed per session and retry (WeChat allows [0-9a-zA-Z_-|*@], ≤ 64). */
export const splitOutOrderNo = (sessionId: string, retries = 0) => `PS${sessionId.replace(/-/g, '')}${retries > 0 ? `R${retries}` : ''}`;

const toDto = (r: ProfitSharingOrderRow): ProfitSharingOrderDto => ({
  id: r.id,
  organizationId: r.tenant_id,
  brandOrganizationId: r.brand_tenant_id,
  sessionId: r.session_id,
  receiverMchid: r.receiver_mchid,
  transactionId: r.transaction_id,
  outOrderNo: r.out_order_no,
  netFen: Number(r.net_fen),
  commissionBasisPoints: r.commission_basis_points,
  amountFen: Number(r.amount_fen),
  state: r.state,
  receiverResult: r.receiver_result,
  failure: r.failure,
  attempts: r.attempts,
  retries: r.retries,
  paidAt: new Date(r.paid_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  failedAt: r.failed_at ? new Date(r.failed_at).toISOString() : null,
});

function describe(error: PayScoreError): string {
  return `${error.code}${error.wechatCode ? ` ${error.wechatCode}` : ''}: ${error.wechatMessage ?? error.message}`.slice(0, 500);
}

/**
 * Per-order profit sharing for franchisees that collect (issue 12, FRANCHISEE_COLLECTS). After the payment the
 * split job sends the brand its commission (⌊net × bp ÷ 10,000⌋, net = paid − refunds so far, the agreement in force
 * at the session's start) from the franchisee's merchant account and unfreezes the rest; a commission of 0 only
 * unfreezes. Every call to WeChat happens outside a transaction; the final state is recorded in
 * `profit_sharing_orders` and, when FINISHED, posted to the ledger as SPLIT (source: the row's id, so once).
 */
@Injectable()
export class ProfitSharingService implements OnModuleInit {
  private readonly logger = new Logger('ProfitSharing');

  constructor(
    private readonly jobs: JobsService,
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
    private readonly ledger: LedgerService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly alerts: AlertsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(splitOrderJob, (d) => this.split(d).then(() => undefined));
  }

  /** Splits the caller's row-level security shows (a brand its franchisees', a franchisee its own), newest first. */
  async list(query: ProfitSharingOrdersQueryDto): Promise<ProfitSharingOrderListDto> {
    const m = this.context.manager;
    const where = `($1::uuid IS NULL OR tenant_id = $1::uuid OR brand_tenant_id = $1::uuid) AND ($2::text IS NULL OR state = $2)`;
    const params = [query.organizationId ?? null, query.state ?? null];
    const rows = (await m.query(`SELECT * FROM profit_sharing_orders WHERE ${where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`, [
      ...params,
      query.limit ?? 50,
      query.offset ?? 0,
    ])) as ProfitSharingOrderRow[];
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM profit_sharing_orders WHERE ${where}`, params)) as { n: number }[];
    return { items: rows.map(toDto), total: count?.n ?? 0 };
  }

  async get(id: string): Promise<ProfitSharingOrderDto> {
    const [row] = (await this.context.manager.query(`SELECT * FROM profit_sharing_orders WHERE id = $1`, [id])) as ProfitSharingOrderRow[];
    if (!row) throw profitSharingErrors.PROFIT_SHARING_ORDER_NOT_FOUND();
    return toDto(row);
  }

  /**
   * A FAILED split tried again: back to PENDING under a new out_order_no (WeChat's order under the old one is final),
   * and the split job queued for it. Refused after the 30-day window.
   */
  async retry(id: string, now: Date = this.clock.now()): Promise<ProfitSharingOrderDto> {
    const m = this.context.manager;
    const [row] = (await m.query(`SELECT * FROM profit_sharing_orders WHERE id = $1 FOR UPDATE`, [id])) as ProfitSharingOrderRow[];
    if (!row) throw profitSharingErrors.PROFIT_SHARING_ORDER_NOT_FOUND();
    if (row.state !== 'FAILED') throw profitSharingErrors.PROFIT_SHARING_NOT_RETRYABLE(`The split is ${row.state}.`);
    // the statement of the order's period settled: its commission is settled outside WeChat (marked by the settlement,
    // or — statements settled before the settlement posting existed — not marked, found by the period)
    const [settledBy] = row.settled_statement_id
      ? [{ id: row.settled_statement_id }]
      : ((await m.query(
          `SELECT st.id FROM statements st JOIN service_sessions s ON s.tenant_id = st.tenant_id
            WHERE s.id = $1 AND st.kind = 'FRANCHISE' AND st.status = 'SETTLED'
              AND (s.paid_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN st.period_start AND st.period_end LIMIT 1`,
          [row.session_id],
        )) as { id: string }[]);
    if (settledBy) {
      throw profitSharingErrors.PROFIT_SHARING_NOT_RETRYABLE(`Its commission was recorded as paid outside WeChat when statement ${settledBy.id} was settled: it is not split any more.`);
    }
    if (row.failure?.startsWith('RECEIVER_FAILED')) {
      // the split was sent with unfreeze_unsplit: WeChat finished the order and released the money to the franchisee
      throw profitSharingErrors.PROFIT_SHARING_NOT_RETRYABLE('WeChat finished this order (its receiver line closed) and unfroze the rest: no split of it is possible any more; the commission stays owed in the ledger (COMMISSION_PAYABLE).');
    }
    if (now.getTime() - new Date(row.paid_at).getTime() > SPLIT_WINDOW_MS) throw profitSharingErrors.PROFIT_SHARING_NOT_RETRYABLE('The payment is more than 30 days old; WeChat no longer splits it.');
    const retries = row.retries + 1;
    const [updated] = returnedRows<ProfitSharingOrderRow>(await m.query(
      `UPDATE profit_sharing_orders SET state = 'PENDING', retries = $2, out_order_no = $3, attempts = 0, wechat_order_id = NULL, receiver_result = NULL,
              failure = NULL, failed_at = NULL, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, retries, splitOutOrderNo(row.session_id, retries)],
    ));
    await this.jobs.enqueue(splitOrderJob, { sessionId: row.session_id }, { key: `split:${row.session_id}:retry:${retries}` });
    return toDto(updated!);
  }

  /**
   * One attempt of the split job. Answers the recorded state; throws (the job retries) while the outcome is unknown
   * or WeChat is still processing. Safe to run any number of times: a FINISHED or FAILED split is left alone.
   */
  async split({ sessionId }: SplitOrderJob, now: Date = this.clock.now()): Promise<ProfitSharingState | null> {
    const prep = await this.transactions.asSystem(async (m) => {
      const [facts] = (await m.query(SPLIT_FACTS_SQL, [sessionId])) as SplitFacts[];
      if (!facts?.profit_sharing || facts.state !== 'PAID' || !facts.transaction_id || facts.paid_fen === null || !facts.paid_at) return null;
      if (!facts.brand_tenant_id || facts.commission_basis_points === null) return null;
      const net = Math.max(0, facts.paid_fen - facts.refunded_fen);
      const amount = commissionFen(net, facts.commission_basis_points);
      // before the split, the amount follows the net (a refund before the split lowers it); after, it is fixed
      await m.query(
        `INSERT INTO profit_sharing_orders (tenant_id, brand_tenant_id, session_id, merchant_account_id, receiver_mchid, transaction_id, out_order_no,
                                            net_fen, commission_basis_points, amount_fen, state, paid_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PENDING', $11)
         ON CONFLICT (session_id) DO UPDATE SET net_fen = EXCLUDED.net_fen, amount_fen = EXCLUDED.amount_fen, updated_at = now()
          WHERE profit_sharing_orders.state = 'PENDING'`,
        [facts.tenant_id, facts.brand_tenant_id, sessionId, facts.merchant_account_id, facts.brand_mchid, facts.transaction_id, splitOutOrderNo(sessionId), net,
          facts.commission_basis_points, amount, facts.paid_at],
      );
      const [row] = (await m.query(`SELECT * FROM profit_sharing_orders WHERE session_id = $1 FOR UPDATE`, [sessionId])) as ProfitSharingOrderRow[];
      if (!row || row.state === 'FINISHED' || row.state === 'FAILED') return { done: row?.state ?? null } as const;
      await m.query(`UPDATE profit_sharing_orders SET attempts = attempts + 1, updated_at = now() WHERE id = $1`, [row.id]);
      if (now.getTime() - new Date(facts.paid_at).getTime() > SPLIT_WINDOW_MS) {
        await this.fail(m, row.id, 'SPLIT_WINDOW_EXPIRED: more than 30 days after the payment; WeChat no longer splits it (the brand’s commission must be settled outside profit sharing)');
        return { done: 'FAILED' } as const;
      }
      if (Number(row.amount_fen) > 0 && !facts.brand_mchid) {
        await this.fail(m, row.id, 'BRAND_ACCOUNT_MISSING: the brand holds no enabled merchant account to receive the split');
        return { done: 'FAILED' } as const;
      }
      return { row, facts, handle: await this.merchants.forAccount(m, facts.merchant_account_id) } as const;
    });
    if (!prep) return null;
    if ('done' in prep) return prep.done ?? null;
    const { row, facts, handle } = prep;
    const amount = Number(row.amount_fen);
    let order: ProfitSharingOrder;
    try {
      if (amount === 0) {
        // nothing to split: only unfreeze (its own out_order_no; a re-entry answers the same order)
        order = await this.queryOr(row, () => handle.client.unfreezeProfitSharing({ transaction_id: row.transaction_id, out_order_no: row.out_order_no, description: '无分账，解冻' }));
      } else {
        await handle.client.addProfitSharingReceiver({ type: 'MERCHANT_ID', account: facts.brand_mchid!, name: facts.brand_name!, relation_type: 'HEADQUARTER' });
        order = await this.queryOr(row, () =>
          handle.client.createProfitSharingOrder({
            transaction_id: row.transaction_id,
            out_order_no: row.out_order_no,
            receivers: [{ type: 'MERCHANT_ID', account: facts.brand_mchid!, name: facts.brand_name!, amount, description: '品牌佣金' }],
            unfreeze_unsplit: true,
          }),
        );
      }
    } catch (error) {
      if (isVerifiedRefusal(error) && !isVerifiedNotFound(error)) {
        // WeChat says no (a ratio above the merchant maximum, an unknown transaction…): the same call will not change that
        await this.transactions.asSystem((m) => this.fail(m, row.id, `SPLIT_REFUSED ${describe(error)}`));
        return 'FAILED';
      }
      throw error;
    }
    return this.record(row, order);
  }

  /**
   * Before a refund of a franchisee-collects order (called by the refund job, outside any transaction): when its
   * commission was already split to the brand, pull the commission share of the refunded amount back from the brand
   * (回退), so the franchisee's account holds the money the refund needs. Nothing when the order was not split (the
   * split takes the net after refunds) or the share is 0. Throws while the outcome is unknown or WeChat is still
   * processing (the refund waits and its job retries). A FAILED return does not stop the refund: the commission owed
   * back stays in the ledger (the franchisee's COMMISSION_PAYABLE in debit, what the brand owes it back).
   */
  /**
   * Why a refund WeChat refused for lack of money is held (issue 12): the split return of this refund and its outcome,
   * or that none was made, in words an operator acts on.
   */
  async heldRefundReason(sessionId: string, actionId: string): Promise<string> {
    return this.transactions.asSystem(async (m) => {
      const [ret] = (await m.query(`SELECT state, failure, amount_fen FROM profit_sharing_returns WHERE action_id = $1`, [actionId])) as { state: string; failure: string | null; amount_fen: string | number }[];
      const [split] = (await m.query(`SELECT state, amount_fen FROM profit_sharing_orders WHERE session_id = $1`, [sessionId])) as { state: string; amount_fen: string | number }[];
      const splitText = split ? `the brand’s commission of ${Number(split.amount_fen)} fen was split off (${split.state})` : 'no split';
      if (!ret) return `the merchant’s available balance does not cover the refund; ${splitText}, nothing was returned for this refund`;
      if (ret.state === 'FAILED') return `the split return of ${Number(ret.amount_fen)} fen failed (${ret.failure ?? 'no reason'}) and the merchant’s available balance does not cover the refund; ${splitText}`;
      return `the split return of ${Number(ret.amount_fen)} fen is ${ret.state} but the merchant’s available balance still does not cover the refund; ${splitText}`;
    });
  }

  async returnBeforeRefund(input: { sessionId: string; actionId: string; refundFen: number; refundedBeforeFen: number }): Promise<'NONE' | 'SUCCEEDED' | 'FAILED'> {
    const prep = await this.transactions.asSystem(async (m) => {
      const [split] = (await m.query(`SELECT * FROM profit_sharing_orders WHERE session_id = $1 FOR UPDATE`, [input.sessionId])) as ProfitSharingOrderRow[];
      if (!split || Number(split.amount_fen) === 0 || split.state === 'FAILED') return null;
      if (split.state !== 'FINISHED') {
        if (split.attempts === 0) return null; // never sent: the split will take the net after this refund
        throw new Error(`the split of session ${input.sessionId} is ${split.state}; the refund waits for its outcome`);
      }
      const [existing] = (await m.query(`SELECT * FROM profit_sharing_returns WHERE action_id = $1 FOR UPDATE`, [input.actionId])) as ReturnRow[];
      let ret = existing;
      if (!ret) {
        const [paid] = (await m.query(`SELECT paid_fen FROM service_sessions WHERE id = $1`, [input.sessionId])) as { paid_fen: number }[];
        const netBefore = Math.max(0, (paid?.paid_fen ?? 0) - input.refundedBeforeFen);
        const [{ returned }] = (await m.query(
          `SELECT coalesce(sum(r.amount_fen), 0)::bigint AS returned FROM profit_sharing_returns r WHERE r.profit_sharing_order_id = $1 AND r.state <> 'FAILED' AND NOT ${ORPHAN_RETURN_SQL}`,
          [split.id],
        )) as [{ returned: string | number }];
        // the commission this refund gives back (COMMISSION_FLOOR_PER_ORDER, as the ledger's reversal), never more than is left split;
        // a return whose refund then FAILED is owed to the brand again at the next close (MARK_RECLAIMED_RETURNS_SQL), so it is not counted here
        const share = Math.min(commissionReversalFen(netBefore, Math.min(input.refundFen, netBefore), split.commission_basis_points), Number(split.amount_fen) - Number(returned));
        if (share <= 0) return null;
        [ret] = (await m.query(
          `INSERT INTO profit_sharing_returns (tenant_id, brand_tenant_id, profit_sharing_order_id, session_id, action_id, out_return_no, return_mchid, amount_fen, state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING') RETURNING *`,
          [split.tenant_id, split.brand_tenant_id, split.id, input.sessionId, input.actionId, `RT${input.actionId.replace(/-/g, '')}`, split.receiver_mchid, share],
        )) as ReturnRow[];
      }
      if (!ret || ret.state === 'SUCCEEDED' || ret.state === 'FAILED') return { done: ret?.state ?? null } as const;
      await m.query(`UPDATE profit_sharing_returns SET attempts = attempts + 1, updated_at = now() WHERE id = $1`, [ret.id]);
      return { split, ret, handle: await this.merchants.forAccount(m, split.merchant_account_id) } as const;
    });
    if (!prep) return 'NONE';
    if ('done' in prep) return prep.done === 'SUCCEEDED' ? 'SUCCEEDED' : prep.done === 'FAILED' ? 'FAILED' : 'NONE';
    const { split, ret, handle } = prep;
    let answer: ProfitSharingReturn | null = null;
    try {
      if (ret.attempts > 0) {
        try {
          answer = await handle.client.queryProfitSharingReturn(ret.out_return_no, split.out_order_no);
        } catch (error) {
          if (!isVerifiedNotFound(error)) throw error;
        }
      }
      answer ??= await handle.client.createProfitSharingReturn({
        out_order_no: split.out_order_no,
        out_return_no: ret.out_return_no,
        return_mchid: ret.return_mchid,
        amount: Number(ret.amount_fen),
        description: '退款回退品牌佣金',
      });
    } catch (error) {
      if (isVerifiedRefusal(error) && !isVerifiedNotFound(error)) {
        await this.transactions.asSystem((m) => this.finishReturn(m, ret, 'FAILED', `RETURN_REFUSED ${describe(error)}`, null));
        return 'FAILED';
      }
      // not a PayScoreError to the caller: the refund job must not take it for the refund's own unknown outcome
      throw new Error(`split return ${ret.out_return_no}: outcome unknown, asked again later`, { cause: error });
    }
    if (answer.result === 'PROCESSING') {
      await this.transactions.asSystem((m) =>
        m.query(`UPDATE profit_sharing_returns SET state = 'PROCESSING', wechat_return_id = $2, updated_at = now() WHERE id = $1 AND state = 'PENDING'`, [ret.id, answer.return_id]),
      );
      throw new Error(`split return ${ret.out_return_no} is PROCESSING; asked again later`);
    }
    const state = answer.result === 'SUCCESS' ? 'SUCCEEDED' : 'FAILED';
    await this.transactions.asSystem((m) => this.finishReturn(m, ret, state, state === 'FAILED' ? `RETURN_FAILED ${answer.fail_reason ?? 'no reason given'}` : null, answer.return_id));
    return state;
  }

  private async finishReturn(m: EntityManager, ret: ReturnRow, state: 'SUCCEEDED' | 'FAILED', failure: string | null, returnId: string | null): Promise<void> {
    const [updated] = returnedRows<{ id: string }>(
      await m.query(
        `UPDATE profit_sharing_returns SET state = $2, failure = $3, wechat_return_id = coalesce($4, wechat_return_id), finished_at = $5, updated_at = now()
          WHERE id = $1 AND state IN ('PENDING', 'PROCESSING') RETURNING id`,
        [ret.id, state, failure, returnId, this.clock.now()],
      ),
    );
    if (!updated) return;
    if (state === 'SUCCEEDED') {
      await this.ledger.post(m, 'SPLIT_RETURN', ret.id, shanghaiDate(this.clock.now()), splitPosting(ret.tenant_id, ret.brand_tenant_id, ret.session_id, Number(ret.amount_fen), 'SPLIT_RETURN'));
    } else {
      this.logger.warn({ profitSharingReturnId: ret.id, failure }, 'a split return failed: the refund goes ahead, the commission stays owed back in the ledger');
      // the franchisee's alert (its brand sees it, MONEY alerts follow the data): once, a return fails only once
      await this.alerts.raise({
        organizationId: ret.tenant_id,
        kind: 'PAYOUT_FAILED',
        subjectType: 'profit-sharing-return',
        subjectId: ret.id,
        episode: 'FAILED',
        facts: { what: 'SPLIT_RETURN', sessionId: ret.session_id, outReturnNo: ret.out_return_no, amountFen: Number(ret.amount_fen), failure: (failure ?? '').slice(0, 200) },
      });
    }
  }

  /** Lost answers: the order is looked up by its out_order_no before anything is sent (again). */
  private async queryOr(row: ProfitSharingOrderRow, send: () => Promise<ProfitSharingOrder>): Promise<ProfitSharingOrder> {
    if (row.attempts > 0 || row.wechat_order_id) {
      try {
        return await (await this.handleOf(row)).client.queryProfitSharingOrder(row.out_order_no, row.transaction_id);
      } catch (error) {
        if (!isVerifiedNotFound(error)) throw error;
      }
    }
    return send();
  }

  private async handleOf(row: ProfitSharingOrderRow) {
    return this.transactions.asSystem((m) => this.merchants.forAccount(m, row.merchant_account_id));
  }

  private async record(row: ProfitSharingOrderRow, order: ProfitSharingOrder): Promise<ProfitSharingState> {
    const receiver = order.receivers?.find((r) => r.type === 'MERCHANT_ID');
    const result = receiver ? `${receiver.result}${receiver.fail_reason ? ` ${receiver.fail_reason}` : ''}` : null;
    return this.transactions.asSystem(async (m) => {
      if (order.state !== 'FINISHED') {
        await m.query(`UPDATE profit_sharing_orders SET state = 'PROCESSING', wechat_order_id = $2, receiver_result = $3, updated_at = now() WHERE id = $1 AND state = 'PENDING'`, [
          row.id,
          order.order_id,
          result,
        ]);
        // still processing at WeChat: the job retries (and queries) later
        throw new Error(`profit sharing ${row.out_order_no} is ${order.state}; asked again later`);
      }
      if (Number(row.amount_fen) > 0 && receiver?.result !== 'SUCCESS') {
        await m.query(`UPDATE profit_sharing_orders SET wechat_order_id = $2, receiver_result = $3, updated_at = now() WHERE id = $1`, [row.id, order.order_id, result]);
        await this.fail(m, row.id, `RECEIVER_FAILED ${result ?? 'no receiver in the answer'}`);
        return 'FAILED';
      }
      const [updated] = returnedRows<{ id: string }>(await m.query(
        `UPDATE profit_sharing_orders SET state = 'FINISHED', wechat_order_id = $2, receiver_result = $3, finished_at = $4, failure = NULL, updated_at = now()
          WHERE id = $1 AND state IN ('PENDING', 'PROCESSING') RETURNING id`,
        [row.id, order.order_id, result, this.clock.now()],
      ));
      if (updated) await this.ledger.post(m, 'SPLIT', row.id, shanghaiDate(this.clock.now()), splitPosting(row.tenant_id, row.brand_tenant_id, row.session_id, Number(row.amount_fen)));
      return 'FINISHED';
    });
  }

  private async fail(m: EntityManager, id: string, reason: string): Promise<void> {
    this.logger.warn({ profitSharingOrderId: id, reason }, 'a profit-sharing split failed');
    const [failed] = returnedRows<{ tenant_id: string; session_id: string; out_order_no: string; amount_fen: string | number; retries: number }>(
      await m.query(
        `UPDATE profit_sharing_orders SET state = 'FAILED', failure = $2, failed_at = $3, updated_at = now() WHERE id = $1 AND state IN ('PENDING', 'PROCESSING')
         RETURNING tenant_id, session_id, out_order_no, amount_fen, retries`,
        [id, reason, this.clock.now()],
      ),
    );
    if (!failed) return;
    // the franchisee's alert (its brand sees it); one per failure episode: each console retry is a new out_order_no and episode
    await this.alerts.raise({
      organizationId: failed.tenant_id,
      kind: 'PAYOUT_FAILED',
      subjectType: 'profit-sharing-order',
      subjectId: id,
      episode: `split:${failed.retries}`,
      facts: { what: 'SPLIT', sessionId: failed.session_id, outOrderNo: failed.out_order_no, amountFen: Number(failed.amount_fen), failure: reason.slice(0, 200) },
    });
  }
}
