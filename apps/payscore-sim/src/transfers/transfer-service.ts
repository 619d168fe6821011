// Merchant transfer (商家转账, the 2025 API): POST /v3/fund-app/mch-transfer/transfer-bills, query by out_bill_no or
// transfer_bill_no, cancel, and the MCHTRANSFER.BILL.FINISHED callback (wechatpay-bills-sharing-complaints.md §7).
//
// States: ACCEPTED → PROCESSING → WAIT_USER_CONFIRM (at once unless the `transferAcceptMs` setting spaces them) → TRANSFERING → SUCCESS | FAIL; ACCEPTED / PROCESSING /
// WAIT_USER_CONFIRM → CANCELING → CANCELLED. The money leaves the available balance at create (403 NOT_ENOUGH otherwise)
// and comes back on FAIL / CANCELLED. The user confirms receipt in WeChat (`package_info` for wx.requestMerchantTransfer):
// POST /sim/transfers/{out_bill_no}/confirm, or the `transferConfirm: "auto"` setting; unconfirmed for 24 h → FAIL OVERDUE_CLOSE.
import { randomBytes } from 'node:crypto';
import { type Scheduler, type SimClock } from '../platform/clock.js';
import { compactTime, rfc3339 } from '../platform/beijing-time.js';
import { canonicalJson, isObject } from '../platform/json.js';
import { randomDigits, type PlatformKey } from '../platform/wechatpay-crypto.js';
import { checkNotifyUrl } from '../platform/notify-url.js';
import { SimControlError, WxError, invalidRequest, paramError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type Notifier } from '../notifications/notifier.js';
import { str } from '../orders/order-validation.js';
import { type FundsLedger } from '../funds/funds-ledger.js';
import { decryptField } from '../profit-sharing/profit-sharing-service.js';

export type TransferState = 'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'TRANSFERING' | 'SUCCESS' | 'FAIL' | 'CANCELING' | 'CANCELLED';

/** From 2,000 CNY the bill must carry the user's real name (`user_name`, encrypted). */
export const REAL_NAME_THRESHOLD_FEN = 200_000;
/** Report items each known scene requires (UNCONFIRMED beyond these two; other scenes need at least one item). */
const SCENE_REPORT_TYPES: Record<string, readonly string[]> = {
  '1000': ['活动名称', '奖励说明'],
  '1005': ['岗位类型', '报酬说明'],
};

export interface TransferSettings {
  /** 'user' (default): the bill waits in WAIT_USER_CONFIRM for POST /sim/transfers/{no}/confirm. 'auto': the user confirms at once. */
  transferConfirm: 'user' | 'auto';
  /** > 0: create answers ACCEPTED; PROCESSING this long later, WAIT_USER_CONFIRM as long again (business ms). 0: at once. */
  transferAcceptMs: number;
  /** TRANSFERING → SUCCESS / FAIL, and CANCELING → CANCELLED, after this long (business ms). */
  transferDelayMs: number;
  /** An unconfirmed bill fails OVERDUE_CLOSE after this long (business ms). Default 24 h. */
  transferConfirmWindowMs: number;
}

export interface TransferRecord {
  readonly mchid: string;
  readonly appid: string;
  readonly outBillNo: string;
  readonly transferBillNo: string;
  readonly sceneId: string;
  readonly openid: string;
  readonly userName?: string;
  readonly amount: number;
  readonly remark: string;
  readonly notifyUrl?: string;
  readonly canonical: string;
  readonly createdAtMs: number;
  readonly packageInfo: string;
  updatedAtMs: number;
  state: TransferState;
  failReason?: string;
}

export interface TransferOptions {
  readonly clock: SimClock;
  readonly scheduler: Scheduler;
  readonly notifier: Notifier;
  readonly platformKey: PlatformKey;
  readonly funds: FundsLedger;
  readonly merchantOf: (mchid: string) => Merchant | undefined;
  readonly settings: TransferSettings;
  readonly lenient: () => boolean;
}

const TERMINAL: readonly TransferState[] = ['SUCCESS', 'FAIL', 'CANCELLED'];

export class TransferService {
  private readonly bills = new Map<string, TransferRecord>();
  /** openid → fail_reason of the next transfer to it. */
  private readonly failures = new Map<string, string>();

  constructor(private readonly o: TransferOptions) {}

  create(merchant: Merchant, body: Record<string, unknown>, serial: string | undefined): Record<string, unknown> {
    const appid = str(body, 'appid', 32, true);
    const outBillNo = str(body, 'out_bill_no', 32, true);
    if (!/^[A-Za-z0-9]{1,32}$/.test(outBillNo)) throw paramError('out_bill_no只能由数字、大小写字母组成', 'out_bill_no');
    const sceneId = str(body, 'transfer_scene_id', 36, true);
    const openid = str(body, 'openid', 64, true);
    const amount = body['transfer_amount'];
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) throw paramError('transfer_amount必须是大于0的整数（单位：分）', 'transfer_amount');
    const remark = str(body, 'transfer_remark', 32, true);
    const notifyUrl = str(body, 'notify_url', 256, false);
    if (notifyUrl !== undefined) checkNotifyUrl(notifyUrl, 'notify_url', this.o.lenient());
    str(body, 'user_recv_perception', 64, false);
    const userNameCipher = str(body, 'user_name', 1024, false);
    if (amount >= REAL_NAME_THRESHOLD_FEN && userNameCipher === undefined) throw paramError('转账金额大于等于2000元时，user_name必填', 'user_name');
    const userName = userNameCipher === undefined ? undefined : decryptField(this.o.platformKey, serial, userNameCipher, 'user_name');
    const infos = body['transfer_scene_report_infos'];
    if (!Array.isArray(infos) || infos.length === 0) throw paramError('缺少参数transfer_scene_report_infos', 'transfer_scene_report_infos');
    const types = infos.map((info, i) => {
      if (!isObject(info)) throw paramError(`transfer_scene_report_infos[${i}]格式错误`, `transfer_scene_report_infos[${i}]`);
      const t = str(info, 'info_type', 15, true, `transfer_scene_report_infos[${i}].info_type`);
      str(info, 'info_content', 32, true, `transfer_scene_report_infos[${i}].info_content`);
      return t;
    });
    const missing = (SCENE_REPORT_TYPES[sceneId] ?? []).filter((t) => !types.includes(t));
    if (missing.length > 0) throw paramError(`转账场景${sceneId}需报备${missing.join('、')}`, 'transfer_scene_report_infos');
    if (!merchant.appids.includes(appid)) throw invalidRequest('appid与mchid不匹配');

    const key = `${merchant.mchid}|${outBillNo}`;
    const canonical = canonicalJson({ ...body, user_name: userName });
    const existing = this.bills.get(key);
    if (existing) {
      // a re-sent identical bill answers its current state (and the package_info while it waits for the user)
      if (existing.canonical === canonical) return this.createWire(existing);
      throw new WxError(400, 'ALREADY_EXISTS', '商户单号已存在，且与原单参数不一致');
    }
    this.o.funds.debit(merchant.mchid, amount);
    const now = this.o.clock.now();
    const record: TransferRecord = {
      mchid: merchant.mchid,
      appid,
      outBillNo,
      transferBillNo: `1330${compactTime(now).slice(0, 8)}${randomDigits(28)}`,
      sceneId,
      openid,
      ...(userName === undefined ? {} : { userName }),
      amount,
      remark,
      ...(notifyUrl === undefined ? {} : { notifyUrl }),
      canonical,
      createdAtMs: now,
      packageInfo: randomBytes(48).toString('base64'),
      updatedAtMs: now,
      state: 'ACCEPTED',
    };
    this.bills.set(key, record);
    const acceptMs = this.o.settings.transferAcceptMs;
    if (acceptMs > 0) {
      // ACCEPTED → PROCESSING → WAIT_USER_CONFIRM, one step per transferAcceptMs
      this.o.scheduler.after(acceptMs, () => {
        if (record.state !== 'ACCEPTED') return;
        this.set(record, 'PROCESSING');
        this.o.scheduler.after(acceptMs, () => this.toWaitUserConfirm(record));
      });
    } else {
      this.toWaitUserConfirm(record);
    }
    return this.createWire(record);
  }

  query(merchant: Merchant, outBillNo: string): Record<string, unknown> {
    return this.wire(this.find(merchant.mchid, outBillNo));
  }

  queryByTransferBillNo(merchant: Merchant, transferBillNo: string): Record<string, unknown> {
    const record = [...this.bills.values()].find((b) => b.mchid === merchant.mchid && b.transferBillNo === transferBillNo);
    if (!record) throw new WxError(404, 'NOT_FOUND', '记录不存在');
    return this.wire(record);
  }

  cancel(merchant: Merchant, outBillNo: string): Record<string, unknown> {
    const record = this.find(merchant.mchid, outBillNo);
    if (record.state === 'ACCEPTED' || record.state === 'PROCESSING' || record.state === 'WAIT_USER_CONFIRM') {
      this.set(record, 'CANCELING');
      this.o.scheduler.after(this.o.settings.transferDelayMs, () => {
        if (record.state !== 'CANCELING') return;
        this.o.funds.credit(record.mchid, record.amount);
        this.finish(record, 'CANCELLED');
      });
    } else if (record.state !== 'CANCELING' && record.state !== 'CANCELLED') {
      throw invalidRequest(`转账单当前状态为${record.state}，不支持撤销`);
    }
    return { out_bill_no: record.outBillNo, transfer_bill_no: record.transferBillNo, state: record.state, update_time: rfc3339(record.updatedAtMs) };
  }

  // ---------------------------------------------------------------- control (/sim)

  /** The user confirms receipt in WeChat (wx.requestMerchantTransfer with the package_info). */
  userConfirms(outBillNo: string, mchid: string | undefined): Record<string, unknown> {
    const matches = [...this.bills.values()].filter((b) => b.outBillNo === outBillNo && (mchid === undefined || b.mchid === mchid));
    if (matches.length === 0) throw new SimControlError(404, 'TRANSFER_NOT_FOUND', `no transfer bill ${outBillNo}`);
    if (matches.length > 1) throw new SimControlError(409, 'AMBIGUOUS_TRANSFER', `several merchants have ${outBillNo}: pass "mchid"`);
    const record = matches[0] as TransferRecord;
    if (record.state !== 'WAIT_USER_CONFIRM') throw new SimControlError(409, 'NOT_WAITING_FOR_USER', `bill ${outBillNo} is ${record.state}`);
    this.confirm(record);
    return this.wire(record);
  }

  failNext(openid: string, failReason: string): void {
    this.failures.set(openid, failReason);
  }

  all(): TransferRecord[] {
    return [...this.bills.values()];
  }

  view(): Record<string, unknown> {
    return { bills: this.all().map((b) => ({ ...this.wire(b), package_info: b.packageInfo })), pendingFailures: Object.fromEntries(this.failures) };
  }

  clear(): void {
    this.bills.clear();
    this.failures.clear();
  }

  // ---------------------------------------------------------------- internals

  private find(mchid: string, outBillNo: string): TransferRecord {
    const record = this.bills.get(`${mchid}|${outBillNo}`);
    if (!record) throw new WxError(404, 'NOT_FOUND', '记录不存在');
    return record;
  }

  private toWaitUserConfirm(record: TransferRecord): void {
    if (record.state !== 'ACCEPTED' && record.state !== 'PROCESSING') return;
    this.set(record, 'WAIT_USER_CONFIRM');
    this.o.scheduler.after(this.o.settings.transferConfirmWindowMs, () => {
      if (record.state !== 'WAIT_USER_CONFIRM') return;
      record.failReason = 'OVERDUE_CLOSE';
      this.o.funds.credit(record.mchid, record.amount);
      this.finish(record, 'FAIL');
    });
    if (this.o.settings.transferConfirm === 'auto') this.confirm(record);
  }

  private confirm(record: TransferRecord): void {
    this.set(record, 'TRANSFERING');
    this.o.scheduler.after(this.o.settings.transferDelayMs, () => {
      if (record.state !== 'TRANSFERING') return;
      const failure = this.failures.get(record.openid);
      if (failure !== undefined) {
        this.failures.delete(record.openid);
        record.failReason = failure;
        this.o.funds.credit(record.mchid, record.amount);
        this.finish(record, 'FAIL');
        return;
      }
      this.finish(record, 'SUCCESS');
    });
  }

  private set(record: TransferRecord, state: TransferState): void {
    record.state = state;
    record.updatedAtMs = this.o.clock.now();
  }

  /** A terminal state: MCHTRANSFER.BILL.FINISHED goes to the bill's notify_url. */
  private finish(record: TransferRecord, state: TransferState): void {
    this.set(record, state);
    const merchant = this.o.merchantOf(record.mchid);
    if (!record.notifyUrl || !merchant || !TERMINAL.includes(state)) return;
    this.o.notifier.notify({
      url: record.notifyUrl,
      apiV3Key: merchant.apiV3Key,
      eventType: 'MCHTRANSFER.BILL.FINISHED',
      summary: '商家转账单据终态通知',
      originalType: 'mch_payment',
      orderKey: `${record.mchid}|transfer|${record.outBillNo}`,
      resource: {
        out_bill_no: record.outBillNo,
        transfer_bill_no: record.transferBillNo,
        state: record.state,
        mch_id: record.mchid,
        transfer_amount: record.amount,
        openid: record.openid,
        ...(record.failReason === undefined ? {} : { fail_reason: record.failReason }),
        create_time: rfc3339(record.createdAtMs),
        update_time: rfc3339(record.updatedAtMs),
      },
    });
  }

  private createWire(r: TransferRecord): Record<string, unknown> {
    return {
      out_bill_no: r.outBillNo,
      transfer_bill_no: r.transferBillNo,
      create_time: rfc3339(r.createdAtMs),
      state: r.state,
      ...(r.failReason === undefined ? {} : { fail_reason: r.failReason }),
      ...(r.state === 'WAIT_USER_CONFIRM' ? { package_info: r.packageInfo } : {}),
    };
  }

  private wire(r: TransferRecord): Record<string, unknown> {
    return {
      mch_id: r.mchid,
      out_bill_no: r.outBillNo,
      transfer_bill_no: r.transferBillNo,
      appid: r.appid,
      state: r.state,
      transfer_amount: r.amount,
      transfer_remark: r.remark,
      ...(r.failReason === undefined ? {} : { fail_reason: r.failReason }),
      openid: r.openid,
      create_time: rfc3339(r.createdAtMs),
      update_time: rfc3339(r.updatedAtMs),
    };
  }
}
