import { Injectable, Logger } from '@nestjs/common';
import {
  isPayScoreError,
  parseFundFlowBill,
  parseProfitSharingBill,
  parseTradeBill,
  type DownloadedBill,
  type FundFlowBillRow,
  type PayScoreClient,
  type ProfitSharingBillRow,
  type TradeBillRow,
} from '@zizhu/payscore';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { LedgerService } from '../settlement/ledger.service.js';
import { isCalendarDate, shanghaiDate } from '../settlement/settlement-math.js';
import type {
  CreateReconciliationDto,
  ReconciliationDifferenceDto,
  ReconciliationDto,
  ReconciliationListDto,
  ReconciliationsQueryDto,
  RunState,
} from './dto/reconciliation.dto.js';
import {
  FUND_FLOW_TYPES,
  matchFundFlowBill,
  matchProfitSharingBill,
  matchTradeBill,
  QUERY_REFUND_STATE,
  QUERY_RETURN_RESULT,
  QUERY_SPLIT_RESULT,
  type BillKind,
  type Candidate,
  type LocalPayment,
  type LocalRefund,
  type LocalSplit,
  type LocalSplitReturn,
  type LocalTransfer,
} from './reconciliation-match.js';
import { reconciliationErrors } from './reconciliation.errors.js';
import { reconciliationRunJob } from './reconciliation.jobs-def.js';

interface RunRow {
  id: string;
  tenant_id: string;
  merchant_account_id: string;
  bill_date: string;
  state: RunState;
  trigger: 'MANUAL' | 'SCHEDULE';
  matched: number;
  payments: number;
  refunds: number;
  fee_fen: string | number | null;
  error_code: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

interface DifferenceRow {
  id: string;
  kind: ReconciliationDifferenceDto['kind'];
  bill: BillKind;
  out_order_no: string | null;
  transaction_id: string | null;
  out_refund_no: string | null;
  refund_id: string | null;
  session_id: string | null;
  local_fen: string | number | null;
  bill_fen: string | number | null;
  local_state: string | null;
  bill_state: string | null;
  recheck: Record<string, unknown>;
  rechecked_at: Date;
  resolved_at: Date | null;
  resolution_note: string | null;
}

const RUN_COLUMNS = `id, tenant_id, merchant_account_id, to_char(bill_date, 'YYYY-MM-DD') AS bill_date, state, trigger, matched, payments, refunds, fee_fen,
  error_code, error, created_at, finished_at`;
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** A bill downloaded and kept with the run that read it. */
interface StoredBill {
  bill: BillKind;
  file: DownloadedBill;
  rows: number;
}

/** Why a run stopped before matching: BILL_NOT_READY, NO_BILL or FAILED with WeChat's (or the lib's) code. */
class RunStop extends Error {
  constructor(
    readonly state: RunState,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reconciliation with WeChat Pay's bills (issue 13): a run per merchant account and bill date. The run is done by a
 * job (reconciliation.run) outside any long transaction: the bills are applied for and downloaded (gzip, SHA1 checked
 * by @zizhu/payscore), stored with their hashes, parsed and matched (reconciliation-match.ts), every candidate
 * difference re-checked by a query to WeChat, and what is left stored in one transaction with the run's end and the
 * day's fees as a CHANNEL_FEE ledger posting.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    private readonly context: RequestContext,
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
    private readonly ledger: LedgerService,
    private readonly jobs: JobsService,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** POST /v1/reconciliations: an existing DONE / NO_BILL (or RUNNING) run of that day, or a new one started by a job. */
  async request(input: CreateReconciliationDto): Promise<{ created: boolean; run: ReconciliationDto }> {
    const m = this.context.manager;
    // WeChat (and the simulator's business clock) decides whether that day's bill exists yet; only a date that is no calendar day is refused here
    if (!isCalendarDate(input.billDate)) throw reconciliationErrors.RECONCILIATION_BILL_DATE_INVALID(`billDate ${input.billDate} is not a calendar day.`);
    const [account] = (await m.query(`SELECT id, tenant_id FROM merchant_accounts WHERE id = $1`, [input.merchantAccountId])) as { id: string; tenant_id: string }[];
    if (!account) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    const existing = await this.liveRun(m, account.id, input.billDate);
    if (existing) return { created: false, run: await this.detail(m, existing) };
    const id = await this.start(m, account, input.billDate, 'MANUAL', this.context.principal.userId);
    if (!id) {
      const raced = await this.liveRun(m, account.id, input.billDate);
      if (raced) return { created: false, run: await this.detail(m, raced) };
    }
    return { created: true, run: await this.get(id!) };
  }

  async get(id: string): Promise<ReconciliationDto> {
    const m = this.context.manager;
    const [run] = (await m.query(`SELECT ${RUN_COLUMNS} FROM reconciliation_runs WHERE id = $1`, [id])) as RunRow[];
    if (!run) throw reconciliationErrors.RECONCILIATION_NOT_FOUND();
    return this.detail(m, run);
  }

  async list(q: ReconciliationsQueryDto): Promise<ReconciliationListDto> {
    const m = this.context.manager;
    const where = `($1::uuid IS NULL OR r.merchant_account_id = $1) AND ($2::date IS NULL OR r.bill_date = $2::date) AND ($3::text IS NULL OR r.state = $3)`;
    const params = [q.merchantAccountId ?? null, q.billDate ?? null, q.state ?? null];
    const rows = (await m.query(
      `SELECT r.id, r.merchant_account_id, to_char(r.bill_date, 'YYYY-MM-DD') AS bill_date, r.state, r.matched, r.error_code, r.created_at,
              (SELECT count(*)::int FROM reconciliation_differences d WHERE d.run_id = r.id AND d.resolved_at IS NULL) AS open
         FROM reconciliation_runs r WHERE ${where} ORDER BY r.bill_date DESC, r.created_at DESC LIMIT $4 OFFSET $5`,
      [...params, q.limit ?? 50, q.offset ?? 0],
    )) as { id: string; merchant_account_id: string; bill_date: string; state: RunState; matched: number; error_code: string | null; created_at: Date; open: number }[];
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM reconciliation_runs r WHERE ${where}`, params)) as { n: number }[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        merchantAccountId: r.merchant_account_id,
        billDate: r.bill_date,
        state: r.state,
        matched: r.matched,
        openDifferences: r.open,
        errorCode: r.error_code,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      total: count?.n ?? 0,
    };
  }

  /** An operator closes a difference with what they found (audited); it is not shown as open again. */
  async resolve(runId: string, differenceId: string, note: string): Promise<ReconciliationDifferenceDto> {
    const m = this.context.manager;
    const [before] = (await m.query(`SELECT d.*, r.tenant_id AS run_tenant FROM reconciliation_differences d JOIN reconciliation_runs r ON r.id = d.run_id WHERE d.id = $1 AND d.run_id = $2 FOR UPDATE OF d`, [
      differenceId,
      runId,
    ])) as (DifferenceRow & { run_tenant: string })[];
    if (!before) throw reconciliationErrors.RECONCILIATION_DIFFERENCE_NOT_FOUND();
    if (before.resolved_at) throw reconciliationErrors.RECONCILIATION_DIFFERENCE_RESOLVED();
    await m.query(`UPDATE reconciliation_differences SET resolved_at = now(), resolved_by = $2, resolution_note = $3 WHERE id = $1`, [differenceId, this.context.principal.userId, note]);
    const [after] = (await m.query(`SELECT * FROM reconciliation_differences WHERE id = $1`, [differenceId])) as DifferenceRow[];
    const dto = toDifferenceDto(after!);
    await this.audit.record({ action: 'reconciliation.difference.resolve', resourceType: 'reconciliation_difference', resourceId: differenceId, subjectTenantId: before.run_tenant, after: dto });
    return dto;
  }

  /** Inserts a RUNNING run and enqueues its job; null when another live run of the day won the race. */
  async start(m: EntityManager, account: { id: string; tenant_id: string }, billDate: string, trigger: 'MANUAL' | 'SCHEDULE', requestedBy: string | null): Promise<string | null> {
    const rows = (await m.query(
      `INSERT INTO reconciliation_runs (tenant_id, merchant_account_id, bill_date, state, trigger, requested_by)
       VALUES ($1, $2, $3, 'RUNNING', $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [account.tenant_id, account.id, billDate, trigger, requestedBy],
    )) as { id: string }[];
    const id = rows[0]?.id;
    if (id) await this.jobs.enqueue(reconciliationRunJob, { runId: id }, { key: id });
    return id ?? null;
  }

  /** The job: do the run (idempotent: a run no longer RUNNING is left alone). */
  async execute(runId: string): Promise<RunState> {
    const run = await this.transactions.asSystem(async (m) => ((await m.query(`SELECT ${RUN_COLUMNS} FROM reconciliation_runs WHERE id = $1`, [runId])) as RunRow[])[0]);
    if (!run || run.state !== 'RUNNING') return run?.state ?? 'FAILED';
    let client: PayScoreClient;
    try {
      client = (await this.transactions.asSystem((m) => this.merchants.forAccount(m, run.merchant_account_id))).client;
    } catch (error) {
      return this.finish(run, new RunStop('FAILED', errorCode(error), 'The merchant account cannot call WeChat Pay.'));
    }
    const bills: StoredBill[] = [];
    let tradeRows: TradeBillRow[];
    try {
      const trade = await client.downloadBill(await client.applyTradeBill(run.bill_date, { billType: 'ALL', gzip: true }));
      tradeRows = parseTradeBill(trade.bytes.toString('utf8')).rows;
      bills.push({ bill: 'TRADE', file: trade, rows: tradeRows.length });
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_BILL_NOT_READY')) return this.finish(run, new RunStop('BILL_NOT_READY', error.code, 'WeChat is still making the bill (STATEMENT_CREATING); tried again later.'));
      if (isPayScoreError(error, 'PAYSCORE_BILL_NO_STATEMENT')) return this.finish(run, new RunStop('NO_BILL', error.code, 'WeChat has no bill for that day (NO_STATEMENT_EXIST): no business.'));
      this.logger.warn({ runId, err: error }, 'trade bill download failed');
      return this.finish(run, new RunStop('FAILED', errorCode(error), error instanceof Error ? error.message : String(error)));
    }
    let fundRows: FundFlowBillRow[] = [];
    try {
      const fund = await client.downloadBill(await client.applyFundFlowBill(run.bill_date, { accountType: 'BASIC', gzip: true }));
      fundRows = parseFundFlowBill(fund.bytes.toString('utf8')).rows;
      bills.push({ bill: 'FUND_FLOW', file: fund, rows: fundRows.length });
    } catch (error) {
      if (!isPayScoreError(error, 'PAYSCORE_BILL_NO_STATEMENT')) {
        return this.finish(run, new RunStop('FAILED', errorCode(error), `Fund-flow bill: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    // franchisee collects (issue 12): the account splits its payments, so WeChat keeps a profit-sharing bill of them too
    let sharingRows: ProfitSharingBillRow[] | null = null;
    if (await this.transactions.asSystem((m) => usesProfitSharing(m, run.merchant_account_id))) {
      sharingRows = [];
      try {
        const sharing = await client.downloadBill(await client.applyProfitSharingBill(run.bill_date, { gzip: true }));
        sharingRows = parseProfitSharingBill(sharing.bytes.toString('utf8')).rows;
        bills.push({ bill: 'PROFIT_SHARING', file: sharing, rows: sharingRows.length });
      } catch (error) {
        // no split, return or release that day: no bill, and any split of ours that day is missing at WeChat
        if (!isPayScoreError(error, 'PAYSCORE_BILL_NO_STATEMENT')) {
          return this.finish(run, new RunStop('FAILED', errorCode(error), `Profit-sharing bill: ${error instanceof Error ? error.message : String(error)}`));
        }
      }
    }

    const { payments, refunds, services, transfers } = await this.transactions.asSystem(async (m) => ({
      ...(await this.locals(m, run, tradeRows, fundRows)),
      transfers: await this.localTransfers(m, run, fundRows),
    }));
    const trade = matchTradeBill(run.bill_date, tradeRows, payments, refunds);
    const sharing = sharingRows
      ? await this.transactions.asSystem(async (m) => {
          const { splits, returns } = await this.localSplits(m, run, sharingRows);
          return matchProfitSharingBill(run.bill_date, sharingRows, splits, returns);
        })
      : null;
    const candidates = [...trade.candidates, ...matchFundFlowBill(run.bill_date, fundRows, payments, refunds, transfers), ...(sharing?.candidates ?? [])];
    const statesToQuery = [...trade.refundStatesToQuery, ...(sharing?.statesToQuery ?? [])];
    const shown: (Candidate & { recheck: Record<string, unknown> })[] = [];
    for (const candidate of [...candidates, ...statesToQuery]) {
      const checked =
        candidate.bill === 'PROFIT_SHARING'
          ? await this.recheckSharing(client, run, candidate)
          : candidate.subject === 'TRANSFER'
            ? await this.recheckTransfer(client, run, candidate)
            : await this.recheck(client, run, candidate, services);
      if (checked) shown.push({ ...candidate, recheck: checked });
    }
    const confirmedStates = statesToQuery.length - shown.filter((d) => d.kind === 'REFUND_STATE_MISMATCH').length;
    await this.transactions.asSystem(async (m) => {
      for (const b of bills) {
        await m.query(`INSERT INTO reconciliation_bills (tenant_id, run_id, bill, sha1, size_bytes, rows, content) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [
          run.tenant_id,
          run.id,
          b.bill,
          b.file.sha1.toLowerCase(),
          b.file.bytes.length,
          b.rows,
          b.file.bytes,
        ]);
      }
      for (const d of shown) {
        await m.query(
          `INSERT INTO reconciliation_differences (tenant_id, run_id, kind, bill, out_order_no, transaction_id, out_refund_no, refund_id, session_id,
                                                   local_fen, bill_fen, local_state, bill_state, recheck, rechecked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())`,
          [run.tenant_id, run.id, d.kind, d.bill, d.outOrderNo, d.transactionId, d.outRefundNo, d.refundId, d.sessionId, d.localFen, d.billFen, d.localState, d.billState, JSON.stringify(d.recheck)],
        );
      }
      // 手续费 becomes a ledger line in the period it became known (today on the business clock), once per account and
      // bill date; the fees of a franchisee whose agreement passes them on move onto it, per order as the bill has them
      await this.ledger.postChannelFee(m, `${run.merchant_account_id}:${run.bill_date}`, run.tenant_id, trade.feeFen, shanghaiDate(this.clock.now()), trade.sessionFees);
      await m.query(
        `UPDATE reconciliation_runs SET state = 'DONE', matched = $2, payments = $3, refunds = $4, fee_fen = $5, error_code = NULL, error = NULL, finished_at = now()
          WHERE id = $1 AND state = 'RUNNING'`,
        [run.id, trade.matched + (sharing?.matched ?? 0) + confirmedStates, trade.payments, trade.refunds, trade.feeFen],
      );
      // differences still open after the re-check reach the account's organisation once per run (its rule permitting)
      if (shown.length > 0) {
        await this.alerts.raise({
          organizationId: run.tenant_id,
          kind: 'RECONCILIATION_DIFFERENCE',
          subjectType: 'reconciliation',
          subjectId: run.id,
          episode: run.id,
          facts: { billDate: run.bill_date, merchantAccountId: run.merchant_account_id, differences: shown.length, kinds: [...new Set(shown.map((d) => d.kind))].join(',') },
        });
      }
    });
    return 'DONE';
  }

  /** The account's payments and refunds the bills may name: of that day, or named by the trade or the fund-flow bill. */
  private async locals(
    m: EntityManager,
    run: RunRow,
    rows: readonly TradeBillRow[],
    fundRows: readonly FundFlowBillRow[],
  ): Promise<{ payments: LocalPayment[]; refunds: LocalRefund[]; services: Map<string, string> }> {
    const fundPayments = fundRows.filter((r) => r.businessType === FUND_FLOW_TYPES.payment);
    const fundRefunds = fundRows.filter((r) => r.businessType === FUND_FLOW_TYPES.refund);
    const orderNos = [...rows.map((r) => r.outOrderNo), ...fundPayments.map((r) => r.voucherNo)].filter(Boolean);
    const transactionIds = [...rows.map((r) => r.transactionId), ...fundPayments.map((r) => r.businessNo)].filter(Boolean);
    const refundNos = [...rows.map((r) => r.outRefundNo), ...fundRefunds.map((r) => r.voucherNo)].filter((n): n is string => !!n);
    const refundIds = fundRefunds.map((r) => r.businessNo).filter(Boolean);
    const day = `(($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const sessions = (await m.query(
      `SELECT id, out_order_no, transaction_id, paid_fen, service_id, to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS paid_on
         FROM service_sessions
        WHERE merchant_account_id = $1 AND paid_fen > 0
          AND ((paid_at >= ${day} AND paid_at < ${day} + interval '1 day') OR out_order_no = ANY ($2::text[]) OR transaction_id = ANY ($4::text[]))`,
      [run.merchant_account_id, orderNos, run.bill_date, transactionIds],
    )) as { id: string; out_order_no: string; transaction_id: string | null; paid_fen: number; service_id: string; paid_on: string }[];
    const actions = (await m.query(
      `SELECT a.session_id, s.out_order_no, s.service_id, a.out_refund_no, a.refund_id, a.amount_fen, a.state, to_char(a.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS created_on
         FROM session_actions a JOIN service_sessions s ON s.id = a.session_id
        WHERE s.merchant_account_id = $1 AND a.kind = 'REFUND' AND a.out_refund_no IS NOT NULL
          AND ((a.created_at >= ${day} AND a.created_at < ${day} + interval '1 day') OR a.out_refund_no = ANY ($2::text[]) OR a.refund_id = ANY ($4::text[]))`,
      [run.merchant_account_id, refundNos, run.bill_date, refundIds],
    )) as { session_id: string; out_order_no: string; service_id: string; out_refund_no: string; refund_id: string | null; amount_fen: number; state: string; created_on: string }[];
    const services = new Map<string, string>();
    for (const s of sessions) services.set(s.out_order_no, s.service_id);
    for (const a of actions) services.set(a.out_order_no, a.service_id);
    const [first] = (await m.query(`SELECT service_id FROM payscore_services WHERE merchant_account_id = $1 ORDER BY created_at LIMIT 1`, [run.merchant_account_id])) as { service_id: string }[];
    if (first) services.set('', first.service_id);
    return {
      payments: sessions.map((s) => ({ sessionId: s.id, outOrderNo: s.out_order_no, transactionId: s.transaction_id, paidFen: Number(s.paid_fen), paidOn: s.paid_on })),
      refunds: actions.map((a) => ({
        sessionId: a.session_id,
        outOrderNo: a.out_order_no,
        outRefundNo: a.out_refund_no,
        refundId: a.refund_id,
        amountFen: Number(a.amount_fen),
        state: a.state,
        createdOn: a.created_on,
      })),
      services,
    };
  }

  /**
   * The re-check: the order (or refund) asked for again at WeChat before a difference is shown. Answers what the query
   * said, or null when it shows there is no difference after all (a payment the query places on another day; a refund
   * state the bill printed before the refund finished, now equal to ours).
   */
  private async recheck(client: PayScoreClient, run: RunRow, d: Candidate, services: Map<string, string>): Promise<Record<string, unknown> | null> {
    try {
      if (d.outRefundNo) {
        const refund = await client.queryRefund(d.outRefundNo);
        const createdOn = refund.create_time ? beijingDayOf(refund.create_time) : null;
        const answer = { query: 'REFUND', status: refund.status, amountFen: refund.amount.refund, refundId: refund.refund_id, ...(createdOn ? { createdOn } : {}) };
        // WeChat accepted our refund on another day, so that day's bills have its rows: not a difference of this day
        if (d.kind === 'MISSING_AT_WECHAT' && createdOn && createdOn !== run.bill_date) return null;
        if (d.kind === 'REFUND_STATE_MISMATCH') {
          const queriedAgrees = refund.status === QUERY_REFUND_STATE[d.localState ?? ''];
          // the bill prints the state at the refund's initiation: PROCESSING there and finished now is no difference
          if (queriedAgrees && d.billState === 'PROCESSING') return null;
        }
        return answer;
      }
      if (!d.outOrderNo) return { query: 'NONE', reason: 'The bill row names no order of this platform (no out_order_no).' };
      const serviceId = services.get(d.outOrderNo) ?? services.get('');
      const order = await client.queryOrder({ out_order_no: d.outOrderNo, ...(serviceId ? { service_id: serviceId } : {}) });
      const paid = order.collection?.details?.find((x) => x.amount > 0);
      const paidOn = paid?.paid_time ? `${paid.paid_time.slice(0, 4)}-${paid.paid_time.slice(4, 6)}-${paid.paid_time.slice(6, 8)}` : null;
      const answer = { query: 'ORDER', state: order.state, totalFen: order.total_amount ?? null, paidFen: order.collection?.paid_amount ?? null, paidOn, transactionId: paid?.transaction_id ?? null };
      // our payment is on another day's bill (recorded paid across midnight): not a difference of this day
      if (d.kind === 'MISSING_AT_WECHAT' && paidOn && paidOn !== run.bill_date) return null;
      return answer;
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_ORDER_NOT_FOUND')) return { query: d.outRefundNo ? 'REFUND' : 'ORDER', outcome: 'NOT_FOUND' };
      if (isPayScoreError(error)) return { query: d.outRefundNo ? 'REFUND' : 'ORDER', outcome: 'ERROR', code: error.code };
      return { query: d.outRefundNo ? 'REFUND' : 'ORDER', outcome: 'ERROR', code: errorCode(error) };
    }
  }

  /**
   * The account's merchant transfers (WECHAT_TRANSFER payouts it paid) the fund-flow bill may name: accepted by WeChat
   * that day as far as we know, or named by the bill (out_bill_no or transfer_bill_no).
   */
  private async localTransfers(m: EntityManager, run: RunRow, rows: readonly FundFlowBillRow[]): Promise<LocalTransfer[]> {
    const named = rows.filter((r) => r.businessType === FUND_FLOW_TYPES.transfer || r.businessType === FUND_FLOW_TYPES.transferReturn);
    const nos = named.map((r) => r.voucherNo).filter(Boolean);
    const ids = named.map((r) => r.businessNo).filter(Boolean);
    const day = `(($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    // the first answer that was not final (PROCESSING), else the final one: when WeChat had accepted the bill
    const accepted = `coalesce(processing_at, succeeded_at, failed_at)`;
    const transfers = (await m.query(
      `SELECT id, out_no, reference, amount_fen, state, to_char(${accepted} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS accepted_on
         FROM payouts
        WHERE merchant_account_id = $1 AND method = 'WECHAT_TRANSFER'
          AND ((${accepted} >= ${day} AND ${accepted} < ${day} + interval '1 day') OR out_no = ANY ($3::text[]) OR reference = ANY ($4::text[]))`,
      [run.merchant_account_id, run.bill_date, nos, ids],
    )) as { id: string; out_no: string; reference: string | null; amount_fen: string | number; state: string; accepted_on: string | null }[];
    return transfers.map((t) => ({
      payoutId: t.id,
      outBillNo: t.out_no,
      transferBillNo: t.reference,
      amountFen: Number(t.amount_fen),
      state: t.state,
      acceptedOn: t.reference ? t.accepted_on : null,
    }));
  }

  /**
   * The re-check of a merchant-transfer difference (fund-flow bill): the transfer bill queried by out_bill_no. Null when
   * WeChat accepted the bill on another day (its rows are on that day's bill). A return row while our payout is not
   * FAILED stays whatever the query says: WeChat's FAIL / CANCELLED there is our record being behind (the payout's sync
   * job applies it), which an operator should see until then.
   */
  private async recheckTransfer(client: PayScoreClient, run: RunRow, d: Candidate): Promise<Record<string, unknown> | null> {
    const query = 'TRANSFER_BILL';
    if (!d.outOrderNo) return { query: 'NONE', reason: 'The bill row names no transfer of this platform (no out_bill_no).' };
    try {
      const bill = await client.queryTransferBill(d.outOrderNo);
      const createdOn = beijingDayOf(bill.create_time);
      if (d.kind === 'MISSING_AT_WECHAT' && createdOn && createdOn !== run.bill_date) return null;
      return { query, state: bill.state, amountFen: bill.transfer_amount, transferBillNo: bill.transfer_bill_no, createdOn, ...(bill.fail_reason ? { failReason: bill.fail_reason } : {}) };
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_ORDER_NOT_FOUND')) return { query, outcome: 'NOT_FOUND' };
      return { query, outcome: 'ERROR', code: errorCode(error) };
    }
  }

  /** The account's splits and split returns the profit-sharing bill may name: done that day, or named by the bill. */
  private async localSplits(m: EntityManager, run: RunRow, rows: readonly ProfitSharingBillRow[]): Promise<{ splits: LocalSplit[]; returns: LocalSplitReturn[] }> {
    const nos = rows.map((r) => r.outOrderNo).filter(Boolean);
    const ids = rows.map((r) => r.orderId).filter(Boolean);
    const day = `(($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const onDay = (col: string) => `(${col} >= ${day} AND ${col} < ${day} + interval '1 day')`;
    const beijing = (col: string) => `to_char(${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
    const splits = (await m.query(
      `SELECT session_id, out_order_no, wechat_order_id, transaction_id, amount_fen, state, ${beijing('coalesce(finished_at, failed_at)')} AS done_on
         FROM profit_sharing_orders
        WHERE merchant_account_id = $1 AND (${onDay('coalesce(finished_at, failed_at)')} OR out_order_no = ANY ($3::text[]) OR wechat_order_id = ANY ($4::text[]))`,
      [run.merchant_account_id, run.bill_date, nos, ids],
    )) as { session_id: string; out_order_no: string; wechat_order_id: string | null; transaction_id: string; amount_fen: string | number; state: string; done_on: string | null }[];
    const returns = (await m.query(
      `SELECT r.session_id, o.out_order_no, o.transaction_id, r.out_return_no, r.wechat_return_id, r.amount_fen, r.state, ${beijing('r.finished_at')} AS done_on
         FROM profit_sharing_returns r JOIN profit_sharing_orders o ON o.id = r.profit_sharing_order_id
        WHERE o.merchant_account_id = $1 AND (${onDay('r.finished_at')} OR r.out_return_no = ANY ($3::text[]) OR r.wechat_return_id = ANY ($4::text[]))`,
      [run.merchant_account_id, run.bill_date, nos, ids],
    )) as { session_id: string; out_order_no: string; transaction_id: string; out_return_no: string; wechat_return_id: string | null; amount_fen: string | number; state: string; done_on: string | null }[];
    return {
      splits: splits.map((s) => ({
        sessionId: s.session_id,
        outOrderNo: s.out_order_no,
        wechatOrderId: s.wechat_order_id,
        transactionId: s.transaction_id,
        amountFen: Number(s.amount_fen),
        state: s.state,
        doneOn: s.done_on,
      })),
      returns: returns.map((r) => ({
        sessionId: r.session_id,
        outOrderNo: r.out_order_no,
        outReturnNo: r.out_return_no,
        returnId: r.wechat_return_id,
        transactionId: r.transaction_id,
        amountFen: Number(r.amount_fen),
        state: r.state,
        doneOn: r.done_on,
      })),
    };
  }

  /**
   * The re-check of a profit-sharing difference: the split (by out_order_no and transaction id) or the return (by
   * out_return_no and the split's out_order_no) asked for again. Null when the answer shows no difference: a split or
   * return WeChat made on another day, or a state the bill printed while it was still processing, now equal to ours.
   */
  private async recheckSharing(client: PayScoreClient, run: RunRow, d: Candidate): Promise<Record<string, unknown> | null> {
    const query = d.outRefundNo ? 'PROFIT_SHARING_RETURN' : 'PROFIT_SHARING_ORDER';
    try {
      if (d.outRefundNo) {
        if (!d.outOrderNo) return { query: 'NONE', reason: 'The return row names no split of this platform.' };
        const ret = await client.queryProfitSharingReturn(d.outRefundNo, d.outOrderNo);
        const on = ret.create_time.slice(0, 10);
        if (d.kind === 'MISSING_AT_WECHAT' && on !== run.bill_date) return null;
        if (d.kind === 'REFUND_STATE_MISMATCH' && d.billState === 'PROCESSING' && ret.result === QUERY_RETURN_RESULT[d.localState ?? '']) return null;
        return { query, result: ret.result, amountFen: ret.amount, returnId: ret.return_id, createdOn: on };
      }
      if (!d.outOrderNo || !d.transactionId) return { query: 'NONE', reason: 'The bill row names no split of this platform (no out_order_no).' };
      const order = await client.queryProfitSharingOrder(d.outOrderNo, d.transactionId);
      const line = order.receivers?.[0]; // ours carry one line: the brand's commission
      const on = line?.create_time.slice(0, 10) ?? null;
      if (d.kind === 'MISSING_AT_WECHAT' && on && on !== run.bill_date) return null;
      if (d.kind === 'REFUND_STATE_MISMATCH' && d.billState === 'PROCESSING' && line?.result === QUERY_SPLIT_RESULT[d.localState ?? '']) return null;
      return { query, state: order.state, orderId: order.order_id, result: line?.result ?? null, amountFen: line?.amount ?? null, createdOn: on };
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_ORDER_NOT_FOUND')) return { query, outcome: 'NOT_FOUND' };
      return { query, outcome: 'ERROR', code: errorCode(error) };
    }
  }

  /** An unexpected error ended the run's job: FAILED with its code, so the day may be run again. */
  async fail(runId: string, error: unknown): Promise<void> {
    await this.transactions.asSystem((m) =>
      m.query(`UPDATE reconciliation_runs SET state = 'FAILED', error_code = $2, error = $3, finished_at = now() WHERE id = $1 AND state = 'RUNNING'`, [
        runId,
        errorCode(error),
        error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
      ]),
    );
  }

  private async finish(run: RunRow, stop: RunStop): Promise<RunState> {
    await this.transactions.asSystem((m) =>
      m.query(`UPDATE reconciliation_runs SET state = $2, error_code = $3, error = $4, finished_at = now() WHERE id = $1 AND state = 'RUNNING'`, [run.id, stop.state, stop.code, stop.message]),
    );
    return stop.state;
  }

  private async liveRun(m: EntityManager, accountId: string, billDate: string): Promise<RunRow | undefined> {
    const [row] = (await m.query(`SELECT ${RUN_COLUMNS} FROM reconciliation_runs WHERE merchant_account_id = $1 AND bill_date = $2 AND state IN ('RUNNING', 'DONE', 'NO_BILL')`, [
      accountId,
      billDate,
    ])) as RunRow[];
    return row;
  }

  private async detail(m: EntityManager, run: RunRow): Promise<ReconciliationDto> {
    const bills = (await m.query(`SELECT bill, sha1, size_bytes, rows FROM reconciliation_bills WHERE run_id = $1 ORDER BY bill`, [run.id])) as {
      bill: BillKind;
      sha1: string;
      size_bytes: number;
      rows: number;
    }[];
    const differences = (await m.query(`SELECT * FROM reconciliation_differences WHERE run_id = $1 ORDER BY created_at, id`, [run.id])) as DifferenceRow[];
    return {
      id: run.id,
      organizationId: run.tenant_id,
      merchantAccountId: run.merchant_account_id,
      billDate: run.bill_date,
      state: run.state,
      trigger: run.trigger,
      matched: run.matched,
      payments: run.payments,
      refunds: run.refunds,
      feeFen: num(run.fee_fen),
      errorCode: run.error_code,
      error: run.error,
      bills: bills.map((b) => ({ bill: b.bill, sha1: b.sha1, sizeBytes: b.size_bytes, rows: b.rows })),
      differences: differences.map(toDifferenceDto),
      createdAt: new Date(run.created_at).toISOString(),
      finishedAt: iso(run.finished_at),
    };
  }
}

function toDifferenceDto(d: DifferenceRow): ReconciliationDifferenceDto {
  return {
    id: d.id,
    kind: d.kind,
    bill: d.bill,
    outOrderNo: d.out_order_no,
    transactionId: d.transaction_id,
    outRefundNo: d.out_refund_no,
    refundId: d.refund_id,
    sessionId: d.session_id,
    localFen: num(d.local_fen),
    billFen: num(d.bill_fen),
    localState: d.local_state,
    billState: d.bill_state,
    recheck: d.recheck,
    recheckedAt: new Date(d.rechecked_at).toISOString(),
    resolvedAt: iso(d.resolved_at),
    resolutionNote: d.resolution_note,
  };
}

/** Whether the account splits its payments (franchisee collects): it then has a profit-sharing bill to reconcile. */
async function usesProfitSharing(m: EntityManager, accountId: string): Promise<boolean> {
  const [row] = (await m.query(
    `SELECT EXISTS (SELECT 1 FROM profit_sharing_orders WHERE merchant_account_id = $1) OR EXISTS (SELECT 1 FROM service_sessions WHERE merchant_account_id = $1 AND profit_sharing) AS uses`,
    [accountId],
  )) as { uses: boolean }[];
  return row?.uses === true;
}

/** The Beijing day of an RFC 3339 time WeChat answered (e.g. 2026-12-05T10:00:00+08:00); null when it is no time. */
function beijingDayOf(rfc3339: string): string | null {
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? null : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

function errorCode(error: unknown): string {
  if (isPayScoreError(error)) return error.code;
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') return (error as { code: string }).code;
  return 'RECONCILIATION_FAILED';
}
