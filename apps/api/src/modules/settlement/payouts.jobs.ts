import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { isVerifiedNotFound, isVerifiedRefusal, verifyAndDecryptFundNotification, type TransferBillState } from '@zizhu/payscore';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Clock } from '../../platform/clock/clock.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { MerchantGateway, platformKeysOf } from '../merchants/merchant-gateway.service.js';
import { findAccount } from '../merchants/merchant-store.js';
import { LedgerService } from './ledger.service.js';
import { transferSceneOf, transferSceneReportInfos } from '../merchants/transfer-scene.js';
import { PayeeNameOpener, payoutPosting, payoutSyncJob, payoutTransferJob, PAYOUT_SYNC_AFTER_SECONDS } from './payouts-transfer.js';
import { payoutNotifyErrors } from './settlement.errors.js';
import { shanghaiDate } from './settlement-math.js';

interface TransferRow {
  id: string;
  tenant_id: string;
  payer_tenant_id: string;
  statement_id: string;
  amount_fen: string | number;
  state: string;
  out_no: string;
  merchant_account_id: string;
  openid: string;
  period_start: string;
  period_end: string;
  appid: string | null;
  real_name_ciphertext: string | null;
  dek_ciphertext: string | null;
  master_key_id: string | null;
  transfer_scene_id: string | null;
  transfer_scene_report_infos: { infoType: string; infoContent: string }[] | null;
}

/** What WeChat said of a bill: its state, and the fail reason / package / bill number that came with it. */
export interface TransferSeen {
  readonly state: TransferBillState;
  readonly transferBillNo?: string;
  readonly failReason?: string;
  readonly packageInfo?: string;
}

const FINAL: readonly string[] = ['SUCCEEDED', 'FAILED'];

/**
 * The WeChat merchant-transfer side of payouts. The job sends the bill (re-sending the same out_bill_no and body is
 * safe: WeChat answers the bill it has); an answer that is lost (network, timeout, 5xx) is followed by a query of the
 * out_bill_no, and a bill WeChat does not know is sent again on the next attempt. A verified refusal (e.g. NOT_ENOUGH
 * balance) fails the payout with WeChat's reason. States seen are applied under a row lock, once:
 * SUCCESS → SUCCEEDED, TRANSFER posted, statement SETTLED; FAIL / CANCELLED → FAILED, nothing posted. (WeChat's own
 * changes are recorded on the payout row — wechat_state, reference, failure and their times — not in the audit log, which
 * records people's actions: the request and the retry.)
 */
@Injectable()
export class PayoutTransfers implements OnModuleInit {
  private readonly logger = new Logger('Payouts');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly transactions: Transactions,
    private readonly gateway: MerchantGateway,
    private readonly ledger: LedgerService,
    private readonly keyringOpen: PayeeNameOpener,
    private readonly clock: Clock,
    private readonly alerts: AlertsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(payoutTransferJob, (data) => this.send(data.payoutId));
    await this.jobs.register(payoutSyncJob, (data) => this.sync(data.payoutId, data.round));
  }

  notifyUrl(accountId: string): string {
    return `${this.config.payscore.publicBaseUrl}/v1/payouts/transfer-notify/${accountId}`;
  }

  private async load(m: EntityManager, payoutId: string): Promise<TransferRow | undefined> {
    const [row] = (await m.query(
      `SELECT p.id, p.tenant_id, p.payer_tenant_id, p.statement_id, p.amount_fen, p.state, p.out_no, p.merchant_account_id, p.openid,
              to_char(s.period_start, 'YYYY-MM-DD') AS period_start, to_char(s.period_end, 'YYYY-MM-DD') AS period_end,
              pp.appid, pp.real_name_ciphertext, pp.dek_ciphertext, pp.master_key_id, ma.transfer_scene_id, ma.transfer_scene_report_infos
         FROM payouts p JOIN statements s ON s.id = p.statement_id LEFT JOIN payout_payees pp ON pp.tenant_id = p.tenant_id
         JOIN merchant_accounts ma ON ma.id = p.merchant_account_id
        WHERE p.id = $1 AND p.method = 'WECHAT_TRANSFER'`,
      [payoutId],
    )) as TransferRow[];
    return row;
  }

  /** The job: send the bill (or learn what became of it) and apply the state WeChat answers. */
  async send(payoutId: string): Promise<void> {
    const { row, handle } = await this.transactions.asSystem(async (m) => {
      const r = await this.load(m, payoutId);
      if (!r || FINAL.includes(r.state)) return { row: r, handle: undefined };
      return { row: r, handle: await this.gateway.forAccount(m, r.merchant_account_id) };
    });
    if (!row || !handle) return;
    const amountFen = Number(row.amount_fen);
    const userName = this.keyringOpen.open(row.tenant_id, row);
    // the scene the paying account stores (PUT /v1/merchant-accounts/{id}/transfer-scene), else the default 1005
    const scene = transferSceneOf({ transferSceneId: row.transfer_scene_id, transferSceneReportInfos: row.transfer_scene_report_infos });
    let seen: TransferSeen;
    try {
      const answer = await handle.client.createTransferBill({
        out_bill_no: row.out_no,
        transfer_scene_id: scene.sceneId,
        openid: row.openid,
        ...(userName ? { user_name: userName } : {}),
        transfer_amount: amountFen,
        transfer_remark: `分成结算${row.period_start.slice(0, 7)}`,
        notify_url: this.notifyUrl(row.merchant_account_id),
        transfer_scene_report_infos: transferSceneReportInfos(scene, row.period_start, row.period_end),
        ...(row.appid ? { appid: row.appid } : {}),
      });
      seen = { state: answer.state, transferBillNo: answer.transfer_bill_no, ...(answer.fail_reason ? { failReason: answer.fail_reason } : {}), ...(answer.package_info ? { packageInfo: answer.package_info } : {}) };
    } catch (error) {
      if (isVerifiedRefusal(error) && !error.retryable) {
        seen = { state: 'FAIL', failReason: `${error.wechatCode ?? error.code}: ${error.wechatMessage ?? error.message}` };
      } else {
        // the answer was lost (or WeChat was busy): ask what became of the bill
        this.logger.warn({ payoutId, err: error }, 'transfer bill answer lost; querying it');
        const queried = await this.query(handle.client, row.out_no);
        if (!queried) throw error; // WeChat does not have it: the next attempt sends it again (same out_bill_no)
        seen = queried;
      }
    }
    await this.apply(row.id, seen);
  }

  private async query(client: { queryTransferBill(outBillNo: string): Promise<{ state: TransferBillState; transfer_bill_no: string; fail_reason?: string }> }, outBillNo: string): Promise<TransferSeen | null> {
    try {
      const bill = await client.queryTransferBill(outBillNo);
      return { state: bill.state, transferBillNo: bill.transfer_bill_no, ...(bill.fail_reason ? { failReason: bill.fail_reason } : {}) };
    } catch (error) {
      if (isVerifiedNotFound(error)) return null;
      throw error;
    }
  }

  /** Queries a transfer still under way and applies what WeChat says; keeps looking while it is not final. */
  async sync(payoutId: string, round = 0): Promise<string | undefined> {
    const { row, handle } = await this.transactions.asSystem(async (m) => {
      const r = await this.load(m, payoutId);
      if (!r || FINAL.includes(r.state)) return { row: r, handle: undefined };
      return { row: r, handle: await this.gateway.forAccount(m, r.merchant_account_id) };
    });
    if (!row || !handle) return row?.state;
    const seen = await this.query(handle.client, row.out_no);
    if (!seen) {
      await this.send(payoutId);
      return (await this.transactions.asSystem((m) => this.load(m, payoutId)))?.state;
    }
    return this.apply(row.id, seen, round);
  }

  /** Applies a state WeChat reported (answer, query or verified callback), once, under the payout's row lock. */
  async apply(payoutId: string, seen: TransferSeen, round = 0): Promise<string> {
    return this.transactions.asSystem(async (m) => {
      const [p] = (await m.query(`SELECT id, tenant_id, payer_tenant_id, statement_id, amount_fen, state FROM payouts WHERE id = $1 FOR UPDATE`, [payoutId])) as {
        id: string;
        tenant_id: string;
        payer_tenant_id: string;
        statement_id: string;
        amount_fen: string;
        state: string;
      }[];
      if (!p) return 'MISSING';
      if (FINAL.includes(p.state)) return p.state;
      const ref = seen.transferBillNo ?? null;
      if (seen.state === 'SUCCESS') {
        const paidOn = shanghaiDate(this.clock.now());
        await m.query(
          `UPDATE payouts SET state = 'SUCCEEDED', wechat_state = 'SUCCESS', reference = COALESCE($2, reference), package_info = NULL, paid_on = $3::date, succeeded_at = now() WHERE id = $1`,
          [p.id, ref, paidOn],
        );
        await this.ledger.post(m, 'TRANSFER', p.id, paidOn, payoutPosting(p.tenant_id, p.payer_tenant_id, Number(p.amount_fen), 'WECHAT'));
        await m.query(`UPDATE statements SET status = 'SETTLED', settled_at = $3, settlement_reference = $2 WHERE id = $1 AND status = 'CLOSED'`, [
          p.statement_id,
          `payout:${p.id}`,
          this.clock.now(),
        ]);
        return 'SUCCEEDED';
      }
      if (seen.state === 'FAIL' || seen.state === 'CANCELLED') {
        const failure = seen.failReason ?? seen.state;
        await m.query(`UPDATE payouts SET state = 'FAILED', wechat_state = $2, reference = COALESCE($3, reference), package_info = NULL, failure = $4, failed_at = now() WHERE id = $1`, [
          p.id,
          seen.state,
          ref,
          failure,
        ]);
        // the franchisee's alert (its brand sees it, MONEY alerts follow the data); a retry is a new payout, a new episode
        await this.alerts.raise({
          organizationId: p.tenant_id,
          kind: 'PAYOUT_FAILED',
          subjectType: 'payout',
          subjectId: p.id,
          episode: 'FAILED',
          facts: { what: 'TRANSFER', statementId: p.statement_id, amountFen: Number(p.amount_fen), wechatState: seen.state, failure: failure.slice(0, 200) },
        });
        return 'FAILED';
      }
      await m.query(
        `UPDATE payouts SET state = 'PROCESSING', wechat_state = $2, reference = COALESCE($3, reference), package_info = COALESCE($4, package_info),
                processing_at = COALESCE(processing_at, now()), attempts = attempts + 1 WHERE id = $1`,
        [p.id, seen.state, ref, seen.packageInfo ?? null],
      );
      // a missed callback must not leave it under way for ever: look again later
      await this.jobs.enqueue(payoutSyncJob, { payoutId: p.id, round: round + 1 }, { key: `${p.id}:${round + 1}`, startAfter: PAYOUT_SYNC_AFTER_SECONDS });
      return 'PROCESSING';
    });
  }

  /** A transfer callback (`MCHTRANSFER.BILL.FINISHED`): verified with the account's platform keys and APIv3 key, then applied. */
  async receive(accountId: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer | undefined): Promise<void> {
    const account = await this.transactions.asSystem((m) => findAccount(m, accountId));
    if (!account) throw payoutNotifyErrors.PAYOUT_NOTIFY_UNKNOWN_ACCOUNT();
    let event;
    try {
      event = verifyAndDecryptFundNotification(
        { headers, rawBody: rawBody ?? Buffer.alloc(0) },
        { platformKeys: platformKeysOf(account), apiV3Key: this.gateway.secretsOf(account).apiV3Key, now: Date.now },
      );
    } catch (error) {
      throw payoutNotifyErrors.PAYOUT_NOTIFY_REJECTED((error as Error).message);
    }
    if (event.eventType !== 'MCHTRANSFER.BILL.FINISHED') return; // authentic, not ours to act on
    const t = event.transfer;
    const [p] = await this.transactions.asSystem(
      async (m) => (await m.query(`SELECT id FROM payouts WHERE out_no = $1 AND merchant_account_id = $2`, [t.out_bill_no, accountId])) as { id: string }[],
    );
    if (!p) return; // not a bill of ours: acknowledged so WeChat stops
    await this.apply(p.id, { state: t.state, transferBillNo: t.transfer_bill_no, ...(t.fail_reason ? { failReason: t.fail_reason } : {}) });
  }
}

