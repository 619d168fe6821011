// Profit sharing (分账), direct merchant: receivers, split orders (asynchronous), unfreeze, returns (synchronous), the
// unsplit amount and the 分账动账通知 (wechatpay-bills-sharing-complaints.md §2, in particular §2.8).
import { randomBytes } from 'node:crypto';
import { type Scheduler, type SimClock } from '../platform/clock.js';
import { rfc3339 } from '../platform/beijing-time.js';
import { canonicalJson, isObject } from '../platform/json.js';
import { decryptSensitive, randomDigits, type PlatformKey } from '../platform/wechatpay-crypto.js';
import { SimControlError, WxError, invalidRequest, paramError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type Notifier } from '../notifications/notifier.js';
import { str } from '../orders/order-validation.js';
import { type FundsLedger, type SharingLedger } from '../funds/funds-ledger.js';

export const RECEIVER_TYPES = ['MERCHANT_ID', 'PERSONAL_OPENID'] as const;
export type ReceiverType = (typeof RECEIVER_TYPES)[number];
const RELATION_TYPES = ['SERVICE_PROVIDER', 'STORE', 'STAFF', 'STORE_OWNER', 'PARTNER', 'HEADQUARTER', 'BRAND', 'DISTRIBUTOR', 'USER', 'SUPPLIER', 'CUSTOM'];
const OUT_NO = /^[A-Za-z0-9_\-|*@]{1,64}$/;
export const DEFAULT_MAX_RATIO = 3000;
const MAX_RECEIVERS_PER_REQUEST = 50;
const MAX_REQUESTS_PER_ORDER = 50;
const MAX_RECEIVERS_PER_MERCHANT = 20_000;
const MAX_RETURNS_PER_ORDER = 50;
const RETURN_WINDOW_MS = 180 * 24 * 3600 * 1000;

export interface ProfitSharingSettings {
  /** A payment can be split this long after it succeeded at the earliest (WeChat: 1 minute). */
  profitSharingSettleMs: number;
  /** A split order stays PROCESSING this long (business clock) before it is FINISHED. */
  profitSharingDelayMs: number;
  /** `event_type` of the 分账动账通知: PROFITSHARING.SUCCESS / .RETURN (documented) or TRANSACTION.SUCCESS (seen in the wild). */
  profitSharingEventType: 'PROFITSHARING' | 'TRANSACTION';
}

interface Receiver {
  readonly type: ReceiverType;
  readonly account: string;
  readonly name?: string;
  readonly relationType: string;
  readonly customRelation?: string;
}

export interface SplitLine {
  readonly type: ReceiverType;
  readonly account: string;
  amount: number;
  readonly description: string;
  result: 'PENDING' | 'SUCCESS' | 'CLOSED';
  failReason?: string;
  readonly detailId: string;
  readonly createdAtMs: number;
  finishedAtMs?: number;
  returnedFen: number;
  returns: number;
}

export interface SplitOrder {
  readonly kind: 'split' | 'unfreeze';
  readonly mchid: string;
  readonly outOrderNo: string;
  readonly orderId: string;
  readonly transactionId: string;
  readonly canonical: string;
  readonly unfreezeUnsplit: boolean;
  readonly createdAtMs: number;
  state: 'PROCESSING' | 'FINISHED';
  finishedAtMs?: number;
  readonly lines: SplitLine[];
  /** Released to the payer at the end (unfreeze_unsplit / unfreeze). */
  releasedFen?: number;
}

export interface ReturnRecord {
  readonly mchid: string;
  readonly orderId: string;
  readonly outOrderNo: string;
  readonly outReturnNo: string;
  readonly returnId: string;
  readonly returnMchid: string;
  readonly amount: number;
  readonly description: string;
  readonly canonical: string;
  readonly createdAtMs: number;
  readonly transactionId: string;
  result: 'PROCESSING' | 'SUCCESS' | 'FAILED';
  failReason?: string;
  finishedAtMs?: number;
}

export interface ProfitSharingOptions {
  readonly clock: SimClock;
  readonly scheduler: Scheduler;
  readonly notifier: Notifier;
  readonly platformKey: PlatformKey;
  readonly funds: FundsLedger;
  readonly merchantOf: (mchid: string) => Merchant | undefined;
  readonly settings: ProfitSharingSettings;
}

const detailId = (): string => `36${randomDigits(21)}`;

/** `Wechatpay-Serial` + RSA-OAEP ciphertext → the clear text, or WeChat's refusal (§2.6, §4.7 item 5). */
export function decryptField(platformKey: PlatformKey, serial: string | undefined, cipher: string, field: string): string {
  if (serial === undefined || serial === '') throw paramError('HTTP header缺少微信支付平台证书序列号(Wechatpay-Serial)', field);
  if (serial !== platformKey.publicKeyId) throw invalidRequest(`Wechatpay-Serial ${serial} 不是有效的微信支付公钥ID或平台证书序列号`);
  const plain = decryptSensitive(platformKey, cipher);
  if (plain === undefined) throw paramError('请确认待处理的消息是否为加密后的密文', field);
  return plain;
}

export class ProfitSharingService {
  private readonly receivers = new Map<string, Map<string, Receiver>>();
  private readonly orders = new Map<string, SplitOrder>();
  private readonly returns = new Map<string, ReturnRecord>();
  private readonly maxRatios = new Map<string, number>();
  private readonly notifyUrls = new Map<string, string>();
  /** Full legal names of foreign mchids / real names of openids (hosted merchants: their registered `name`). */
  private readonly accountNames = new Map<string, string>();
  /** account → fail_reason of its next split line. */
  private readonly lineFailures = new Map<string, string>();

  constructor(private readonly o: ProfitSharingOptions) {}

  // ---------------------------------------------------------------- receivers

  addReceiver(merchant: Merchant, body: Record<string, unknown>, serial: string | undefined): Record<string, unknown> {
    const appid = str(body, 'appid', 32, true);
    const type = this.receiverType(body['type'], 'type');
    const account = str(body, 'account', 64, true);
    const relationType = str(body, 'relation_type', 32, true);
    if (!RELATION_TYPES.includes(relationType)) throw paramError(`relation_type取值错误，应为${RELATION_TYPES.join('、')}之一`, 'relation_type');
    const customRelation = relationType === 'CUSTOM' ? str(body, 'custom_relation', 10, true) : undefined;
    // MERCHANT_ID: the merchant's full legal name is required; a person's real name is optional (checked when sent)
    const nameCipher = type === 'MERCHANT_ID' ? str(body, 'name', 1024, true) : str(body, 'name', 1024, false);
    if (!merchant.appids.includes(appid)) throw invalidRequest('appid与mchid不匹配');
    if (type === 'MERCHANT_ID' && !/^\d{8,32}$/.test(account)) throw paramError('account格式错误：MERCHANT_ID类型的接收方账号为商户号', 'account');
    if (nameCipher !== undefined) {
      const name = decryptField(this.o.platformKey, serial, nameCipher, 'name');
      const known = this.knownName(type, account);
      if (known !== undefined && known !== name) {
        throw invalidRequest(type === 'MERCHANT_ID' ? '分账接收方全称与商户号的主体名称不一致' : '微信用户姓名与实名不一致');
      }
    }
    const table = this.receiversOf(merchant.mchid);
    const key = `${type}|${account}`;
    if (!table.has(key) && table.size >= MAX_RECEIVERS_PER_MERCHANT) {
      throw invalidRequest('商户已添加的分账接收方个数过多。请先删除多余的分账接收方，并在24小时之后再尝试添加');
    }
    table.set(key, { type, account, ...(nameCipher === undefined ? {} : { name: nameCipher }), relationType, ...(customRelation === undefined ? {} : { customRelation }) });
    return {
      type,
      account,
      ...(nameCipher === undefined ? {} : { name: nameCipher }),
      relation_type: relationType,
      ...(customRelation === undefined ? {} : { custom_relation: customRelation }),
    };
  }

  deleteReceiver(merchant: Merchant, body: Record<string, unknown>): Record<string, unknown> {
    const appid = str(body, 'appid', 32, true);
    const type = this.receiverType(body['type'], 'type');
    const account = str(body, 'account', 64, true);
    if (!merchant.appids.includes(appid)) throw invalidRequest('appid与mchid不匹配');
    this.receiversOf(merchant.mchid).delete(`${type}|${account}`);
    return { type, account };
  }

  // ---------------------------------------------------------------- split orders

  createOrder(merchant: Merchant, body: Record<string, unknown>, serial: string | undefined): Record<string, unknown> {
    const appid = str(body, 'appid', 32, false);
    const transactionId = str(body, 'transaction_id', 32, true);
    const outOrderNo = this.outNo(str(body, 'out_order_no', 64, true), 'out_order_no');
    const unfreeze = body['unfreeze_unsplit'];
    if (typeof unfreeze !== 'boolean') throw paramError('缺少参数unfreeze_unsplit或类型错误，应为布尔值', 'unfreeze_unsplit');
    const rawReceivers = body['receivers'];
    if (!Array.isArray(rawReceivers) || rawReceivers.length === 0) throw paramError('缺少参数receivers', 'receivers');
    if (rawReceivers.length > MAX_RECEIVERS_PER_REQUEST) throw paramError(`receivers最多${MAX_RECEIVERS_PER_REQUEST}个`, 'receivers');
    const seen = new Set<string>();
    const wanted = rawReceivers.map((r, i) => {
      const path = `receivers[${i}]`;
      if (!isObject(r)) throw paramError(`${path}格式错误`, path);
      const type = this.receiverType(r['type'], `${path}.type`);
      const account = str(r, 'account', 64, true, `${path}.account`);
      const amount = r['amount'];
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) throw paramError(`${path}.amount必须是大于0的整数（单位：分）`, `${path}.amount`);
      const description = str(r, 'description', 80, true, `${path}.description`);
      const nameCipher = str(r, 'name', 1024, false, `${path}.name`);
      const name = nameCipher === undefined ? undefined : decryptField(this.o.platformKey, serial, nameCipher, `${path}.name`);
      const known = this.knownName(type, account);
      if (name !== undefined && known !== undefined && known !== name) throw invalidRequest(type === 'MERCHANT_ID' ? '分账接收方全称不匹配' : '微信用户姓名与实名不一致');
      if (type === 'PERSONAL_OPENID' && appid === undefined) throw paramError('接收方类型为PERSONAL_OPENID时appid必填', 'appid');
      const key = `${type}|${account}`;
      if (seen.has(key)) throw paramError('同一分账请求中接收方不能重复', `${path}.account`);
      seen.add(key);
      return { type, account, amount, description, ...(name === undefined ? {} : { name }) };
    });
    if (appid !== undefined && !merchant.appids.includes(appid)) throw invalidRequest('appid与mchid不匹配');

    const key = `${merchant.mchid}|${outOrderNo}`;
    // names compared in clear text: a re-sent request encrypts them again (OAEP is randomised)
    const canonical = canonicalJson({ ...body, receivers: wanted });
    const existing = this.orders.get(key);
    if (existing) {
      if (existing.canonical === canonical) return this.wire(existing);
      throw invalidRequest('分账接收方与原请求不一致');
    }
    const ledger = this.splittable(merchant, transactionId);
    if (ledger.requests >= MAX_REQUESTS_PER_ORDER) throw invalidRequest('分账次数过多');
    for (const w of wanted) {
      if (!this.receiversOf(merchant.mchid).has(`${w.type}|${w.account}`)) throw invalidRequest('分账接收方关系不存在，请检查后再重试');
    }
    const sum = wanted.reduce((s, w) => s + w.amount, 0);
    if (sum > ledger.unsplitFen) throw invalidRequest('分账金额不足');
    const cap = Math.floor((ledger.amountFen * this.maxRatio(merchant.mchid)) / 10000);
    if (ledger.splitFen + sum > cap) throw invalidRequest('分账金额超出最大分账比例');

    const now = this.o.clock.now();
    ledger.unsplitFen -= sum;
    ledger.splitFen += sum;
    ledger.requests += 1;
    if (unfreeze) ledger.state = 'UNFROZEN';
    if (unfreeze) ledger.releasedAtMs = now;
    const order: SplitOrder = {
      kind: 'split',
      mchid: merchant.mchid,
      outOrderNo,
      orderId: `30${randomDigits(26)}`,
      transactionId,
      canonical,
      unfreezeUnsplit: unfreeze,
      createdAtMs: now,
      state: 'PROCESSING',
      lines: wanted.map((w) => ({ type: w.type, account: w.account, amount: w.amount, description: w.description, result: 'PENDING', detailId: detailId(), createdAtMs: now, returnedFen: 0, returns: 0 })),
    };
    this.orders.set(key, order);
    this.o.scheduler.after(this.o.settings.profitSharingDelayMs, () => this.finish(order));
    return this.wire(order);
  }

  query(merchant: Merchant, outOrderNo: string, transactionId: string | undefined): Record<string, unknown> {
    if (!transactionId) throw paramError('缺少参数transaction_id', 'transaction_id');
    const order = this.orders.get(`${merchant.mchid}|${outOrderNo}`);
    if (!order || order.transactionId !== transactionId) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '记录不存在');
    return this.wire(order);
  }

  unfreeze(merchant: Merchant, body: Record<string, unknown>): Record<string, unknown> {
    const transactionId = str(body, 'transaction_id', 32, true);
    const outOrderNo = this.outNo(str(body, 'out_order_no', 64, true), 'out_order_no');
    const description = str(body, 'description', 80, true);
    const key = `${merchant.mchid}|${outOrderNo}`;
    const existing = this.orders.get(key);
    // reusing a split's number answers that split and unfreezes nothing (§2.3.4 pitfall)
    if (existing?.kind === 'split') return this.wire(existing);
    const canonical = canonicalJson(body);
    if (existing) {
      if (existing.canonical === canonical) return this.wire(existing);
      throw invalidRequest('解冻请求与原请求不一致');
    }
    const ledger = this.splittable(merchant, transactionId);
    const now = this.o.clock.now();
    ledger.state = 'UNFROZEN';
    ledger.releasedAtMs = now;
    const order: SplitOrder = {
      kind: 'unfreeze',
      mchid: merchant.mchid,
      outOrderNo,
      orderId: `30${randomDigits(26)}`,
      transactionId,
      canonical,
      unfreezeUnsplit: true,
      createdAtMs: now,
      state: 'PROCESSING',
      lines: [{ type: 'MERCHANT_ID', account: merchant.mchid, amount: ledger.unsplitFen, description, result: 'PENDING', detailId: detailId(), createdAtMs: now, returnedFen: 0, returns: 0 }],
    };
    this.orders.set(key, order);
    this.o.scheduler.after(this.o.settings.profitSharingDelayMs, () => this.finish(order));
    return this.wire(order);
  }

  unsplitAmount(merchant: Merchant, transactionId: string): Record<string, unknown> {
    const ledger = this.o.funds.ledger(transactionId);
    if (!ledger || ledger.mchid !== merchant.mchid) throw invalidRequest('非分账订单不支持分账');
    return { transaction_id: transactionId, unsplit_amount: ledger.state === 'OPEN' ? ledger.unsplitFen : 0 };
  }

  // ---------------------------------------------------------------- returns

  createReturn(merchant: Merchant, body: Record<string, unknown>): Record<string, unknown> {
    const outOrderNo = str(body, 'out_order_no', 64, false);
    const orderId = str(body, 'order_id', 64, false);
    if (outOrderNo === undefined && orderId === undefined) throw paramError('out_order_no和order_id必须填写其一', 'out_order_no');
    const outReturnNo = this.outNo(str(body, 'out_return_no', 64, true), 'out_return_no');
    const returnMchid = str(body, 'return_mchid', 32, true);
    const amount = body['amount'];
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) throw paramError('amount必须是大于0的整数（单位：分）', 'amount');
    const description = str(body, 'description', 80, true);

    const key = `${merchant.mchid}|${outReturnNo}`;
    const canonical = canonicalJson(body);
    const existing = this.returns.get(key);
    if (existing) {
      if (existing.canonical === canonical) return this.returnWire(existing);
      throw invalidRequest('回退单号已存在，且请求参数与原请求不一致');
    }
    const order =
      outOrderNo !== undefined
        ? this.orders.get(`${merchant.mchid}|${outOrderNo}`)
        : [...this.orders.values()].find((x) => x.mchid === merchant.mchid && x.orderId === orderId);
    if (!order || order.kind !== 'split') throw new WxError(404, 'RESOURCE_NOT_EXISTS', '分账单不存在');
    if (order.state !== 'FINISHED') throw invalidRequest('分账单处理中，请在分账完成后再回退');
    const line = order.lines.find((l) => l.type === 'MERCHANT_ID' && l.account === returnMchid && l.result === 'SUCCESS');
    if (!line) throw invalidRequest('回退方不是该分账单中分账成功的商户接收方');
    const now = this.o.clock.now();
    if (now > order.createdAtMs + RETURN_WINDOW_MS) throw invalidRequest('分账回退已超过180天，不能回退');
    if (line.returns >= MAX_RETURNS_PER_ORDER) throw invalidRequest('分账回退次数过多');
    if (line.returnedFen + amount > line.amount) throw invalidRequest('回退金额超过该接收方可回退的分账金额');

    const record: ReturnRecord = {
      mchid: merchant.mchid,
      orderId: order.orderId,
      outOrderNo: order.outOrderNo,
      outReturnNo,
      returnId: `30${randomDigits(26)}`,
      returnMchid,
      amount,
      description,
      canonical,
      createdAtMs: now,
      transactionId: order.transactionId,
      result: 'PROCESSING',
    };
    line.returns += 1;
    if (this.o.funds.balance(returnMchid) < amount) {
      record.result = 'FAILED';
      record.failReason = 'BALANCE_NOT_ENOUGH';
    } else {
      this.o.funds.debit(returnMchid, amount);
      this.o.funds.credit(merchant.mchid, amount);
      line.returnedFen += amount;
      record.result = 'SUCCESS';
    }
    record.finishedAtMs = now;
    this.returns.set(key, record);
    if (record.result === 'SUCCESS') {
      this.notifyReceiver(returnMchid, 'RETURN', {
        mchid: merchant.mchid,
        transaction_id: order.transactionId,
        order_id: order.orderId,
        out_order_no: order.outOrderNo,
        out_return_no: outReturnNo,
        return_id: record.returnId,
        receiver: { type: 'MERCHANT_ID', account: merchant.mchid, amount, description },
        success_time: rfc3339(now),
      });
    }
    return this.returnWire(record);
  }

  queryReturn(merchant: Merchant, outReturnNo: string, outOrderNo: string | undefined): Record<string, unknown> {
    if (!outOrderNo) throw paramError('缺少参数out_order_no', 'out_order_no');
    const record = this.returns.get(`${merchant.mchid}|${outReturnNo}`);
    if (!record || record.outOrderNo !== outOrderNo) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '记录不存在');
    return this.returnWire(record);
  }

  // ---------------------------------------------------------------- control (/sim)

  setMaxRatio(mchid: string, maxRatio: unknown): number {
    if (typeof maxRatio !== 'number' || !Number.isInteger(maxRatio) || maxRatio < 0 || maxRatio > 10000) {
      throw new SimControlError(400, 'INVALID_FIELD', 'maxRatio must be an integer 0..10000 (万分比: 3000 = 30%)');
    }
    this.maxRatios.set(mchid, maxRatio);
    return maxRatio;
  }

  maxRatio(mchid: string): number {
    return this.maxRatios.get(mchid) ?? DEFAULT_MAX_RATIO;
  }

  setNotifyUrl(mchid: string, url: string): void {
    this.notifyUrls.set(mchid, url);
  }

  setAccountName(account: string, name: string): void {
    this.accountNames.set(account, name);
  }

  failNextLine(account: string, failReason: string): void {
    this.lineFailures.set(account, failReason);
  }

  /** Every split / unfreeze / return of one Beijing day of the paying merchant, for the profit-sharing bill. */
  /** What `mchid` received as a MERCHANT_ID receiver (split orders with a line to it) and the returns taken from it. */
  receivedMovements(mchid: string): { orders: SplitOrder[]; returns: ReturnRecord[] } {
    return {
      orders: [...this.orders.values()].filter((x) => x.kind === 'split' && x.lines.some((l) => l.type === 'MERCHANT_ID' && l.account === mchid)),
      returns: [...this.returns.values()].filter((x) => x.returnMchid === mchid),
    };
  }

  movements(mchid: string): { orders: SplitOrder[]; returns: ReturnRecord[]; expired: SharingLedger[] } {
    return {
      orders: [...this.orders.values()].filter((x) => x.mchid === mchid),
      returns: [...this.returns.values()].filter((x) => x.mchid === mchid),
      expired: this.o.funds.all().filter((l) => l.mchid === mchid && l.state === 'EXPIRED'),
    };
  }

  view(): Record<string, unknown> {
    return {
      ledgers: this.o.funds.all().map((l) => ({ ...l, paidAt: rfc3339(l.paidAtMs) })),
      balances: this.o.funds.balancesView(),
      receivers: Object.fromEntries([...this.receivers].map(([m, t]) => [m, [...t.values()]])),
      orders: [...this.orders.values()].map((x) => ({ mchid: x.mchid, kind: x.kind, ...this.wire(x) })),
      returns: [...this.returns.values()].map((r) => ({ mchid: r.mchid, ...this.returnWire(r) })),
      maxRatios: Object.fromEntries(this.maxRatios),
      notifyUrls: Object.fromEntries(this.notifyUrls),
      pendingLineFailures: Object.fromEntries(this.lineFailures),
    };
  }

  clear(): void {
    this.receivers.clear();
    this.orders.clear();
    this.returns.clear();
    this.maxRatios.clear();
    this.notifyUrls.clear();
    this.accountNames.clear();
    this.lineFailures.clear();
  }

  // ---------------------------------------------------------------- internals

  /** The ledger of a flagged, settled, still-open payment of this merchant, or WeChat's refusal. */
  private splittable(merchant: Merchant, transactionId: string): SharingLedger {
    const ledger = this.o.funds.ledger(transactionId);
    if (!ledger || ledger.mchid !== merchant.mchid) throw invalidRequest('非分账订单不支持分账');
    if (this.o.clock.now() < ledger.paidAtMs + this.o.settings.profitSharingSettleMs) throw invalidRequest('订单处理中，请稍后重试');
    if (ledger.state === 'UNFROZEN') throw invalidRequest('订单已完结分账，不支持分账');
    if (ledger.state === 'EXPIRED' || ledger.unsplitFen === 0) throw invalidRequest('分账金额不足');
    return ledger;
  }

  private finish(order: SplitOrder): void {
    if (order.state !== 'PROCESSING') return;
    const now = this.o.clock.now();
    const ledger = this.o.funds.ledger(order.transactionId);
    if (order.kind === 'unfreeze') {
      const released = ledger ? this.o.funds.release(ledger, 'UNFROZEN') : 0;
      const line = order.lines[0] as SplitLine;
      line.amount = released;
      line.result = 'SUCCESS';
      line.finishedAtMs = now;
      order.releasedFen = released;
    } else {
      for (const line of order.lines) {
        const failure = this.lineFailures.get(line.account);
        line.finishedAtMs = now;
        if (failure !== undefined) {
          this.lineFailures.delete(line.account);
          line.result = 'CLOSED';
          line.failReason = failure;
          // the money stays frozen with the payer (released at once when the order was already unfrozen)
          if (ledger) {
            ledger.splitFen -= line.amount;
            if (ledger.state === 'OPEN') ledger.unsplitFen += line.amount;
            else this.o.funds.credit(ledger.mchid, line.amount);
          }
          continue;
        }
        line.result = 'SUCCESS';
        if (line.type === 'MERCHANT_ID') this.o.funds.credit(line.account, line.amount);
        if (line.type === 'MERCHANT_ID') {
          this.notifyReceiver(line.account, 'SUCCESS', {
            mchid: order.mchid,
            transaction_id: order.transactionId,
            order_id: order.orderId,
            out_order_no: order.outOrderNo,
            receiver: { type: line.type, account: line.account, amount: line.amount, description: line.description },
            success_time: rfc3339(now),
          });
        }
      }
      if (order.unfreezeUnsplit && ledger) order.releasedFen = this.o.funds.release(ledger, 'UNFROZEN');
    }
    order.state = 'FINISHED';
    order.finishedAtMs = now;
  }

  /** 分账动账通知: only to a MERCHANT_ID receiver the simulator hosts that set its receiving URL (§2.5). */
  private notifyReceiver(receiverMchid: string, kind: 'SUCCESS' | 'RETURN', resource: Record<string, unknown>): void {
    const url = this.notifyUrls.get(receiverMchid);
    const receiver = this.o.merchantOf(receiverMchid);
    if (!url || !receiver) return;
    const eventType = this.o.settings.profitSharingEventType === 'TRANSACTION' ? 'TRANSACTION.SUCCESS' : `PROFITSHARING.${kind}`;
    this.o.notifier.notify({
      url,
      apiV3Key: receiver.apiV3Key,
      eventType,
      summary: kind === 'SUCCESS' ? '分账' : '分账回退',
      originalType: 'profitsharing',
      resource,
      orderKey: `${receiverMchid}|profitsharing|${String(resource['out_order_no'])}|${randomBytes(4).toString('hex')}`,
    });
  }

  /** The name WeChat knows for an account: set by /sim/profit-sharing/account-names, else a hosted merchant's registered name. */
  private knownName(type: ReceiverType, account: string): string | undefined {
    return this.accountNames.get(account) ?? (type === 'MERCHANT_ID' ? this.o.merchantOf(account)?.name : undefined);
  }

  private receiversOf(mchid: string): Map<string, Receiver> {
    let table = this.receivers.get(mchid);
    if (!table) this.receivers.set(mchid, (table = new Map()));
    return table;
  }

  private receiverType(value: unknown, path: string): ReceiverType {
    if (!RECEIVER_TYPES.includes(value as ReceiverType)) throw paramError(`${path}取值错误，应为MERCHANT_ID或PERSONAL_OPENID`, path);
    return value as ReceiverType;
  }

  private outNo(value: string, field: string): string {
    if (!OUT_NO.test(value)) throw paramError(`${field}只能是数字、大小写字母或_-|*@`, field);
    return value;
  }

  private wire(order: SplitOrder): Record<string, unknown> {
    return {
      transaction_id: order.transactionId,
      out_order_no: order.outOrderNo,
      order_id: order.orderId,
      state: order.state,
      receivers: order.lines.map((l) => ({
        amount: l.amount,
        description: l.description,
        type: l.type,
        account: l.account,
        result: l.result,
        ...(l.failReason === undefined ? {} : { fail_reason: l.failReason }),
        detail_id: l.detailId,
        create_time: rfc3339(l.createdAtMs),
        ...(l.finishedAtMs === undefined ? {} : { finish_time: rfc3339(l.finishedAtMs) }),
      })),
    };
  }

  private returnWire(r: ReturnRecord): Record<string, unknown> {
    return {
      order_id: r.orderId,
      out_order_no: r.outOrderNo,
      out_return_no: r.outReturnNo,
      return_id: r.returnId,
      return_mchid: r.returnMchid,
      amount: r.amount,
      description: r.description,
      result: r.result,
      ...(r.failReason === undefined ? {} : { fail_reason: r.failReason }),
      create_time: rfc3339(r.createdAtMs),
      ...(r.finishedAtMs === undefined ? {} : { finish_time: rfc3339(r.finishedAtMs) }),
    };
  }
}
