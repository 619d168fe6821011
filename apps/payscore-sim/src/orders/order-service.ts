// The WeChat side of the Pay Score service order: the state machine of payscore-protocol.md §5,
// the business rules of §4/§9, the user's actions and the automatic debit after completion.
import { createHmac, randomBytes } from 'node:crypto';
import { type Scheduler, type SimClock } from '../platform/clock.js';
import { compactTime, parseCompactTime } from '../platform/beijing-time.js';
import { canonicalJson, isObject } from '../platform/json.js';
import { checkNotifyUrl } from '../platform/notify-url.js';
import { randomDigits } from '../platform/wechatpay-crypto.js';
import { SimControlError, WxError, invalidRequest, noAuth, orderNotExist, paramError } from '../platform/wx-error.js';
import { type Merchant, type ServiceConfig } from '../merchants/merchant-registry.js';
import { type Notifier } from '../notifications/notifier.js';
import {
  orderWire,
  paidFen,
  type DebitOutcome,
  type OrderRecord,
  type PaymentRecord,
  type RiskFundName,
  type TimeRange,
} from './order-model.js';
import * as v from './order-validation.js';

export const CREATED_LIFETIME_MS = 30 * 24 * 3600 * 1000;
/** Slack for merchant clocks when checking start/end times ("预留一定误差时间"). */
const TIME_SLACK_MS = 5 * 60 * 1000;

export interface OrderSettings {
  /** Official docs allow cancel in MCH_COMPLETE/USER_PAYING; [WXS] says no (§4.3). */
  cancelWhilePaying: boolean;
  /** 'warn': record §9.6 template violations on the order; 'strict': reject them with PARAM_ERROR. */
  industryTemplates: 'warn' | 'strict';
  /** Debit outcome for orders without their own. */
  defaultDebitOutcome: DebitOutcome;
  /** How long a debit attempt runs (business-clock ms); meanwhile cancel/modify/sync are refused. 0 = instant. */
  debitBusyMs: number;
  /** How refunds end: SUCCESS (default), ABNORMAL (money stuck, e.g. the user's card is closed) or CLOSED. */
  refundOutcome: 'SUCCESS' | 'ABNORMAL' | 'CLOSED';
  /** Business-clock delay from a completion (or /pay) to the debit attempt. */
  debitDelayMs: number;
  /** Business-clock delay between failed automatic debit attempts. */
  debitRetryMs: number;
  /**
   * false (default): as strict as WeChat — notify_url https on a public host (http only on loopback), the confirmation
   * jump needs the mini-program's appid bound to the merchant, the APIv2 `sign` and a `timestamp` within 5 minutes, and
   * only the order's user may decide on it. true: the old leniency (http anywhere, appid / sign optional, no timestamp
   * check, any openid), for tests that need it.
   */
  lenient: boolean;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  cancelWhilePaying: true,
  industryTemplates: 'warn',
  defaultDebitOutcome: 'success',
  debitBusyMs: 0,
  refundOutcome: 'SUCCESS',
  debitDelayMs: 2000,
  debitRetryMs: 10 * 60 * 1000,
  lenient: false,
};

/** The signed `timestamp` of the confirmation jump is valid for 5 minutes ([WXS], §6.4, §9.3). */
export const JUMP_TIMESTAMP_WINDOW_SEC = 300;

export interface DebitPlan {
  readonly outcome: DebitOutcome;
  /** With insufficient-funds: fail this many attempts, then succeed. Absent: fail until told otherwise. */
  readonly failures?: number;
}

export interface OrderServiceOptions {
  readonly clock: SimClock;
  readonly scheduler: Scheduler;
  readonly notifier: Notifier;
  /** Initial values of the debitDelayMs / debitRetryMs settings. */
  readonly debitDelayMs: number;
  readonly debitRetryMs: number;
  /** Initial value of the `lenient` setting. */
  readonly lenient?: boolean;
}

const DEPOSIT_WAIVED_FUNDS: readonly RiskFundName[] = ['DEPOSIT', 'ADVANCE', 'CASH_DEPOSIT'];

export const orderKey = (mchid: string, outOrderNo: string): string => `${mchid}|${outOrderNo}`;

export class OrderService {
  settings: OrderSettings;
  private readonly orders = new Map<string, OrderRecord>();
  private readonly byQueryId = new Map<string, string>();
  /** out_order_no → keys of the orders with that number (several merchants may share one). */
  private readonly byOutOrderNo = new Map<string, string[]>();
  private readonly byPackage = new Map<string, string>();
  private readonly byTransactionId = new Map<string, { orderKey: string; seq: number }>();
  /** Debit plans keyed by `mchid|out_order_no` or `*|out_order_no` (set before or after the order exists). */
  private readonly debitPlans = new Map<string, DebitPlan>();
  /** appid → openids that signed in to that mini-program (jscode2session): the users WeChat knows it has. */
  private readonly signedIn = new Map<string, Set<string>>();
  private readonly merchantsOf: (mchid: string) => Merchant | undefined;
  /** Told of every payment as it is recorded (the funds ledger: frozen for profit sharing, or available). */
  private readonly paymentListeners: Array<(order: OrderRecord, payment: PaymentRecord) => void> = [];

  constructor(
    private readonly options: OrderServiceOptions,
    merchantsOf: (mchid: string) => Merchant | undefined,
  ) {
    this.merchantsOf = merchantsOf;
    this.settings = this.initialSettings();
  }

  private initialSettings(): OrderSettings {
    return {
      ...DEFAULT_ORDER_SETTINGS,
      debitDelayMs: this.options.debitDelayMs,
      debitRetryMs: this.options.debitRetryMs,
      lenient: this.options.lenient ?? false,
    };
  }

  // ---------------------------------------------------------------- merchant API (/v3/payscore/…)

  create(merchant: Merchant, body: Record<string, unknown>): Record<string, unknown> {
    const outOrderNo = v.outOrderNo(v.str(body, 'out_order_no', 32, true));
    const appid = v.str(body, 'appid', 32, true);
    const serviceId = v.str(body, 'service_id', 32, true);
    const service = this.bindService(merchant, appid, serviceId);

    const existing = this.orders.get(orderKey(merchant.mchid, outOrderNo));
    if (existing) {
      this.refreshExpiry(existing);
      if (existing.createCanonical !== canonicalJson(body)) throw paramError('订单重入参数校验失败');
      return orderWire(existing, true);
    }

    const serviceIntroduction = v.str(body, 'service_introduction', 20, true);
    const postPayments = v.postPayments(body['post_payments'], false);
    const postDiscounts = v.postDiscounts(body['post_discounts']);
    const riskFund = v.riskFund(body['risk_fund']);
    const timeRange = v.timeRange(body['time_range'], true) as TimeRange;
    const attach = v.str(body, 'attach', 256, false);
    const notifyUrl = this.notifyUrl(v.str(body, 'notify_url', 255, true));
    if (body['need_user_confirm'] === false) throw noAuth('商户暂无权限使用免确认模式（need_user_confirm=false）');
    const location = this.location(body['location']);
    const device = isObject(body['device']) ? body['device'] : undefined;

    const allowed = service.mode === 'DEPOSIT_WAIVED' ? DEPOSIT_WAIVED_FUNDS : (['ESTIMATE_ORDER_COST'] as const);
    if (!allowed.includes(riskFund.name)) {
      throw noAuth(`商户暂无权限使用此服务：risk_fund.name=${riskFund.name}与服务ID的模式${service.mode}不符`);
    }
    if (riskFund.amount > service.riskCapFen) throw paramError('创建订单的订单风险金额超过此服务的服务风险金额', 'risk_fund.amount');
    if (!postDiscounts || postDiscounts.length === 0) {
      const sum = postPayments.reduce((s, p) => s + (p.amount ?? 0), 0);
      if (sum > service.riskCapFen) throw paramError('后付费项目总金额超过此服务的服务风险金额', 'post_payments');
    }

    const now = this.options.clock.now();
    if (!timeRange.start_time) throw paramError('缺少参数time_range.start_time', 'time_range.start_time');
    if (timeRange.start_time !== 'OnAccept') {
      const start = parseCompactTime(timeRange.start_time);
      if (!start) throw paramError('time_range.start_time格式错误，应为yyyyMMddHHmmss、yyyyMMdd或OnAccept', 'time_range.start_time');
      const earliest = Math.min(now, this.options.clock.real()) - TIME_SLACK_MS;
      const comparable = start.precision === 'day' ? start.ms + 24 * 3600 * 1000 - 1 : start.ms;
      if (comparable < earliest) throw paramError('【服务开始时间】不能早于调用接口时间', 'time_range.start_time');
    }
    if (timeRange.end_time !== undefined) this.checkEnd(timeRange, timeRange.end_time, false);

    const warnings = this.templates(service, 'create', postPayments, postDiscounts);
    const order: OrderRecord = {
      key: orderKey(merchant.mchid, outOrderNo),
      mchid: merchant.mchid,
      appid,
      serviceId,
      scenario: service.scenario,
      mode: service.mode,
      outOrderNo,
      orderId: `1000000000${compactTime(now).slice(0, 8)}${randomDigits(13)}`,
      packageToken: randomBytes(48).toString('base64url'),
      createCanonical: canonicalJson(body),
      createdAtMs: now,
      updatedAtMs: now,
      serviceIntroduction,
      postPayments,
      riskFund,
      timeRange,
      notifyUrl,
      state: 'CREATED',
      packageUsed: false,
      pageOpened: false,
      depositPaid: false,
      modifyCount: 0,
      payments: [],
      debitAttempts: [],
      warnings,
    };
    if (postDiscounts) order.postDiscounts = postDiscounts;
    if (location) order.location = location;
    if (attach !== undefined) order.attach = attach;
    if (device) order.device = device;
    this.orders.set(order.key, order);
    this.byOutOrderNo.set(outOrderNo, [...(this.byOutOrderNo.get(outOrderNo) ?? []), order.key]);
    this.byPackage.set(order.packageToken, order.key);
    return orderWire(order, true);
  }

  query(merchant: Merchant, params: Record<string, string | undefined>): Record<string, unknown> {
    const { out_order_no: no, query_id: queryId, service_id: serviceId, appid } = params;
    if ((no === undefined) === (queryId === undefined)) throw paramError('out_order_no和query_id必须且只能填写一个');
    if (!serviceId) throw paramError('缺少参数service_id', 'service_id');
    if (!appid) throw paramError('缺少参数appid', 'appid');
    this.bindService(merchant, appid, serviceId);
    let order: OrderRecord | undefined;
    if (no !== undefined) order = this.orders.get(orderKey(merchant.mchid, no));
    else {
      const key = this.byQueryId.get(queryId ?? '');
      order = key === undefined ? undefined : this.orders.get(key);
      if (order && order.mchid !== merchant.mchid) order = undefined;
    }
    if (!order || order.serviceId !== serviceId || order.appid !== appid) throw orderNotExist();
    this.refreshExpiry(order);
    return orderWire(order);
  }

  cancel(merchant: Merchant, outOrderNo: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.forOperation(merchant, outOrderNo, body, false);
    const reason = v.str(body, 'reason', 50, true);
    this.assertNotBusy(order);
    const ack = { appid: order.appid, mchid: order.mchid, out_order_no: order.outOrderNo, service_id: order.serviceId, order_id: order.orderId };
    if (order.state === 'REVOKED') {
      if (order.cancelReason === reason) return ack;
      throw paramError('订单重入参数校验失败');
    }
    const cancellable =
      order.state === 'CREATED' ||
      (order.state === 'DOING' && order.stateDescription === 'USER_CONFIRM') ||
      (order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE' && this.settings.cancelWhilePaying);
    if (!cancellable) throw paramError('当前订单状态不满足撤销条件');
    this.stopDebit(order);
    order.state = 'REVOKED';
    delete order.stateDescription;
    order.cancelReason = reason;
    order.updatedAtMs = this.options.clock.now();
    return ack;
  }

  complete(merchant: Merchant, outOrderNo: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.forOperation(merchant, outOrderNo, body, true);
    if (order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE') throw paramError('完结订单状态不合法');
    if (order.state === 'DONE' && order.completedAtMs !== undefined) throw paramError('完结订单状态不合法');
    if (!(order.state === 'DOING' && order.stateDescription === 'USER_CONFIRM')) throw invalidRequest('当前订单状态不合法');

    const postPayments = v.postPayments(body['post_payments'], true);
    const postDiscounts = v.postDiscounts(body['post_discounts']);
    const total = v.fen(body, 'total_amount', true);
    this.checkTotal(order, total, postPayments, postDiscounts);

    const tr = v.timeRange(body['time_range'], false);
    const timeRange: TimeRange = { ...order.timeRange };
    if (tr?.start_time !== undefined && tr.start_time !== order.timeRange.start_time) {
      if (!parseCompactTime(tr.start_time)) throw paramError('time_range.start_time格式错误', 'time_range.start_time');
      timeRange.start_time = tr.start_time;
    }
    if (tr?.start_time_remark !== undefined) timeRange.start_time_remark = tr.start_time_remark;
    if (tr?.end_time_remark !== undefined) timeRange.end_time_remark = tr.end_time_remark;
    const endTime = tr?.end_time ?? order.timeRange.end_time;
    if (endTime === undefined) throw paramError('创建订单未填写服务结束时间,则结束时间必填', 'time_range.end_time');
    this.checkEnd(timeRange, endTime, true);
    timeRange.end_time = endTime;

    const location = body['location'];
    if (isObject(location) && typeof location['end_location'] === 'string') {
      order.location = { ...(order.location ?? {}), end_location: location['end_location'] };
    }
    if (typeof body['profit_sharing'] === 'boolean') order.profitSharing = body['profit_sharing'];
    if (typeof body['goods_tag'] === 'string') order.goodsTag = body['goods_tag'];
    if (isObject(body['device'])) order.device = { ...(order.device ?? {}), ...body['device'] };

    const service = this.serviceOf(order);
    order.warnings.push(...this.templates(service, 'complete', postPayments, postDiscounts));
    const now = this.options.clock.now();
    order.postPayments = postPayments;
    if (postDiscounts) order.postDiscounts = postDiscounts;
    else delete order.postDiscounts;
    order.timeRange = timeRange;
    order.totalAmount = total;
    order.completedAtMs = now;
    order.updatedAtMs = now;
    if (total === 0) {
      order.state = 'DONE';
      delete order.stateDescription;
      order.needCollection = false;
    } else {
      order.stateDescription = 'MCH_COMPLETE';
      order.needCollection = true;
      this.scheduleDebit(order, this.settings.debitDelayMs);
    }
    return orderWire(order);
  }

  modify(merchant: Merchant, outOrderNo: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.forOperation(merchant, outOrderNo, body, true);
    if (!(order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE')) {
      throw new WxError(400, 'INVALID_ORDER_STATE', '单据状态错误：只有待支付（USER_PAYING）的订单可以修改金额');
    }
    if (order.depositPaid) throw invalidRequest('押金订单的金额不支持修改');
    this.assertNotBusy(order);
    const postPayments = v.postPayments(body['post_payments'], true);
    const postDiscounts = v.postDiscounts(body['post_discounts']);
    const total = v.fen(body, 'total_amount', true);
    v.str(body, 'reason', 50, true);
    this.checkTotal(order, total, postPayments, postDiscounts);
    if (order.totalAmount === undefined || total >= order.totalAmount) {
      throw paramError(`修改后金额必须小于修改前金额（当前${order.totalAmount ?? 0}分）`, 'total_amount');
    }
    if (total === 0) throw paramError('修改后金额必须大于0，不收费请撤销订单', 'total_amount');
    // a modify replaces the item set: it must follow the template like a completion
    order.warnings.push(...this.templates(this.serviceOf(order), 'complete', postPayments, postDiscounts));
    order.postPayments = postPayments;
    if (postDiscounts) order.postDiscounts = postDiscounts;
    else delete order.postDiscounts;
    order.totalAmount = total;
    order.modifyCount += 1;
    order.updatedAtMs = this.options.clock.now();
    return orderWire(order);
  }

  pay(merchant: Merchant, outOrderNo: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.forOperation(merchant, outOrderNo, body, true);
    if (order.state === 'DONE') throw new WxError(400, 'ORDER_DONE', '订单已完成');
    if (order.state === 'REVOKED') throw new WxError(400, 'ORDER_CANCELED', '单据已取消');
    if (!(order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE')) throw new WxError(400, 'INVALID_ORDER_STATE', '单据状态错误');
    this.scheduleDebit(order, 0, true);
    return { appid: order.appid, mchid: order.mchid, out_order_no: order.outOrderNo, service_id: order.serviceId, order_id: order.orderId };
  }

  sync(merchant: Merchant, outOrderNo: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.forOperation(merchant, outOrderNo, body, true);
    if (body['type'] !== 'Order_Paid') throw paramError('type只支持Order_Paid', 'type');
    const detail = body['detail'];
    if (!isObject(detail) || typeof detail['paid_time'] !== 'string') throw paramError('缺少参数detail.paid_time', 'detail.paid_time');
    const canonical = canonicalJson({ type: body['type'], detail });
    if (order.state === 'DONE' && order.syncCanonical !== undefined) {
      if (order.syncCanonical === canonical) return orderWire(order);
      throw paramError('订单重入参数校验失败');
    }
    if (!(order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE')) throw new WxError(400, 'INVALID_ORDER_STATE', '单据状态错误');
    this.assertNotBusy(order);
    const paid = parseCompactTime(detail['paid_time']);
    if (!paid) throw paramError('detail.paid_time格式错误，应为yyyyMMddHHmmss或yyyyMMdd', 'detail.paid_time');
    const now = this.options.clock.now();
    const paidEnd = paid.precision === 'day' ? paid.ms + 24 * 3600 * 1000 - 1 : paid.ms;
    if (paidEnd < (order.completedAtMs ?? 0) - TIME_SLACK_MS) throw paramError('支付成功时间不能早于完结时间', 'detail.paid_time');
    if (paid.ms > Math.max(now, this.options.clock.real()) + TIME_SLACK_MS) throw paramError('支付成功时间不能晚于调用接口时间', 'detail.paid_time');
    this.stopDebit(order);
    const amount = (order.totalAmount ?? 0) - paidFen(order);
    order.payments.push({ seq: order.payments.length + 1, amount, paidType: 'MCH', paidAtMs: paid.ms, paidTime: detail['paid_time'], refundedFen: 0 });
    order.state = 'DONE';
    delete order.stateDescription;
    order.syncCanonical = canonical;
    order.updatedAtMs = now;
    return orderWire(order);
  }

  // ---------------------------------------------------------------- the user's side (/sim/…)

  findForControl(outOrderNo: string, mchid?: string): OrderRecord {
    const matches = this.withOutOrderNo(outOrderNo).filter((o) => mchid === undefined || o.mchid === mchid);
    if (matches.length === 0) throw new SimControlError(404, 'ORDER_NOT_FOUND', `no order ${outOrderNo}${mchid ? ` of ${mchid}` : ''}`);
    if (matches.length > 1) throw new SimControlError(409, 'AMBIGUOUS_ORDER', `several merchants have ${outOrderNo}: pass "mchid"`);
    const order = matches[0] as OrderRecord;
    this.refreshExpiry(order);
    return order;
  }

  userAction(
    outOrderNo: string,
    input: { outcome: 'confirm' | 'refuse' | 'assessment-failed'; openid?: string; mchid?: string; payDeposit?: boolean },
  ): Record<string, unknown> {
    const order = this.findForControl(outOrderNo, input.mchid);
    if (order.state !== 'CREATED') {
      throw new SimControlError(409, 'ORDER_NOT_CONFIRMABLE', `order is ${order.state}${order.stateDescription ? `/${order.stateDescription}` : ''}`);
    }
    if (order.packageUsed) throw new SimControlError(409, 'PACKAGE_USED', '订单未获得权益，系统繁忙（package已使用，请用新的out_order_no重新下单）');
    if (input.outcome !== 'refuse' && !input.openid) throw new SimControlError(400, 'OPENID_REQUIRED', 'openid is required to confirm');
    if (input.openid !== undefined) this.assertOrderUser(order, input.openid);
    order.packageUsed = true;
    order.queryId = order.queryId ?? randomBytes(16).toString('hex');
    this.byQueryId.set(order.queryId, order.key);
    const goesAhead = input.outcome === 'confirm' || (input.outcome === 'assessment-failed' && order.mode === 'DEPOSIT_WAIVED' && input.payDeposit === true);
    if (!goesAhead) {
      order.userAction = input.outcome === 'refuse' ? 'refused' : 'assessment-failed';
      return { out_order_no: order.outOrderNo, state: order.state, query_id: order.queryId, notified: false };
    }
    const now = this.options.clock.now();
    order.state = 'DOING';
    order.stateDescription = 'USER_CONFIRM';
    order.openid = input.openid as string;
    order.userAction = input.outcome === 'confirm' ? 'confirmed' : 'deposit-paid';
    order.depositPaid = input.outcome === 'assessment-failed';
    if (order.timeRange.start_time === 'OnAccept') order.timeRange = { ...order.timeRange, start_time: compactTime(now) };
    order.updatedAtMs = now;
    this.notifyOrder(order, 'PAYSCORE.USER_CONFIRM', '确认订单');
    return { out_order_no: order.outOrderNo, state: order.state, state_description: order.stateDescription, query_id: order.queryId, notified: true };
  }

  /**
   * The merchant's front end opens the confirmation page: wx.openBusinessView({businessType:'wxpayScoreUse',
   * extraData}) (§6.1, §6.4) in the WeChat of `openid` (when given, only that user may then decide). Strict: the
   * calling mini-program's appid (bound to the merchant, the order's), the legacy signed set with its APIv2
   * HMAC-SHA256 `sign` and a `timestamp` within 5 minutes. Lenient: {package} alone, `sign` checked when present.
   * The package opens the page once; a refused jump does not spend it.
   */
  openBusinessView(input: { appid?: string; businessType?: unknown; extraData?: unknown; openid?: string }, options: { phonePage?: boolean } = {}): OrderRecord {
    const fail = (short: string, message: string): SimControlError => new SimControlError(400, short, `2713${short.slice(3)} ${message}`);
    const extra = isObject(input.extraData) ? input.extraData : {};
    const pkg = extra['package'];
    if (input.businessType !== 'wxpayScoreUse' || typeof pkg !== 'string' || pkg === '') {
      throw fail('FE_14185', 'package为空或businessType不是wxpayScoreUse');
    }
    const key = this.byPackage.get(pkg);
    const order = key === undefined ? undefined : this.orders.get(key);
    if (!order) throw fail('FE_14186', 'package无效');
    // strict (WeChat): the jump comes from a mini-program (its appid is always known), with the APIv2-signed set and a
    // fresh timestamp; the phone page opened by package is the user's own view of that jump and skips the front-end checks
    const strict = !this.settings.lenient && !options.phonePage;
    const merchant = this.merchantsOf(order.mchid);
    if (input.appid === undefined) {
      if (strict) throw fail('FE_14108', 'appid缺失：拉起支付分小程序的appid须与创建订单的appid一致');
    } else {
      if (strict && !merchant?.appids.includes(input.appid)) throw fail('FE_14188', 'appid未与商户号绑定或未配置在服务ID上');
      if (input.appid !== order.appid) throw fail('FE_14108', 'appid与创建订单的appid不一致');
    }
    if (extra['sign'] === undefined) {
      if (strict) throw fail('FE_14185', '商户签名校验失败：缺少sign（须用APIv2密钥对mch_id、package、timestamp、nonce_str、sign_type做HMAC-SHA256签名）');
    } else {
      if (extra['mch_id'] !== order.mchid) throw fail('FE_14188', 'mch_id与订单不符');
      const fields: Record<string, string> = {};
      for (const k of ['mch_id', 'package', 'timestamp', 'nonce_str', 'sign_type']) {
        const value = extra[k];
        if (typeof value !== 'string' || value === '') throw fail('FE_14185', `缺少${k}`);
        fields[k] = value;
      }
      if (fields['sign_type'] !== 'HMAC-SHA256') throw fail('FE_14185', 'sign_type只支持HMAC-SHA256');
      if (!merchant || v2HmacSign(fields, merchant.apiV2Key) !== extra['sign']) throw fail('FE_14185', '商户签名校验失败（sign须用APIv2密钥做HMAC-SHA256）');
      if (strict) {
        const ts = fields['timestamp'] ?? '';
        const skew = /^\d{1,12}$/.test(ts) ? Math.abs(this.options.clock.real() / 1000 - Number(ts)) : Infinity;
        if (skew > JUMP_TIMESTAMP_WINDOW_SEC) throw fail('FE_14185', `timestamp无效或已过期（单位为秒，${JUMP_TIMESTAMP_WINDOW_SEC / 60}分钟内有效）`);
      }
    }
    if (input.openid !== undefined && !/^[A-Za-z0-9_-]{1,128}$/.test(input.openid)) throw new SimControlError(400, 'INVALID_FIELD', 'openid must be 1..128 of [A-Za-z0-9_-]');
    this.refreshExpiry(order);
    if (order.state !== 'CREATED') throw new SimControlError(409, 'ORDER_NOT_CONFIRMABLE', `order is ${order.state}`);
    if (order.pageOpened || order.packageUsed) throw new SimControlError(409, 'PACKAGE_USED', '订单未获得权益，系统繁忙（package只能使用一次）');
    order.pageOpened = true;
    if (input.openid !== undefined) order.viewerOpenid = input.openid;
    return order;
  }

  /** jscode2session answered `openid` for `appid`: that WeChat user has opened the mini-program. */
  noteSignIn(appid: string, openid: string): void {
    let users = this.signedIn.get(appid);
    if (!users) this.signedIn.set(appid, (users = new Set()));
    users.add(openid);
  }

  /**
   * Only the order's user decides on its confirmation page. The user is known when the page was opened from the
   * mini-program with their openid; otherwise (the phone page by out_order_no, the headless route) the user must be
   * one who signed in to the order's mini-program (jscode2session), once the simulator knows any for that appid —
   * a confirmation page is only ever reached from inside the merchant's mini-program. Lenient: anyone.
   */
  private assertOrderUser(order: OrderRecord, openid: string): void {
    if (order.viewerOpenid !== undefined && order.viewerOpenid !== openid) {
      throw new SimControlError(
        403,
        'OPENID_MISMATCH',
        `order ${order.outOrderNo} was opened by the WeChat user "${order.viewerOpenid}"; only that user can decide on it (got openid "${openid}")`,
      );
    }
    if (this.settings.lenient || order.viewerOpenid !== undefined) return;
    const users = this.signedIn.get(order.appid);
    if (users === undefined || users.size === 0 || users.has(openid)) return;
    const known = [...users].slice(-5).map((u) => `"${u}"`).join(', ');
    throw new SimControlError(
      403,
      'OPENID_MISMATCH',
      `openid "${openid}" is not a user of mini-program ${order.appid}, whose orders only its users can confirm: type the openid the mini-program signed in with (its wx.login code test:<openid>; signed in lately: ${known})`,
    );
  }

  /** The user pays a pending order from 微信支付分 → 待支付 (a JSAPI payment on the bill). */
  userPays(outOrderNo: string, mchid?: string): Record<string, unknown> {
    const order = this.findForControl(outOrderNo, mchid);
    if (!(order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE')) {
      throw new SimControlError(409, 'ORDER_NOT_PAYABLE', `order is ${order.state}${order.stateDescription ? `/${order.stateDescription}` : ''}`);
    }
    this.stopDebit(order);
    this.markPaid(order, 'JSAPI');
    return orderWire(order);
  }

  setDebitPlan(outOrderNo: string | undefined, mchid: string | undefined, plan: DebitPlan): void {
    if (outOrderNo === undefined) {
      this.settings.defaultDebitOutcome = plan.outcome;
      return;
    }
    this.debitPlans.set(`${mchid ?? '*'}|${outOrderNo}`, plan);
    const order = this.withOutOrderNo(outOrderNo).find((o) => mchid === undefined || o.mchid === mchid);
    // an order waiting for its debit is attempted again debitDelayMs after its plan changed
    const waiting = order && order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE' && order.debitBusyUntilMs === undefined;
    if (order && waiting && plan.outcome !== 'user-pays-later') this.scheduleDebit(order, this.settings.debitDelayMs);
  }

  debitPlanFor(order: OrderRecord): DebitPlan {
    return this.debitPlans.get(`${order.mchid}|${order.outOrderNo}`) ?? this.debitPlans.get(`*|${order.outOrderNo}`) ?? { outcome: this.settings.defaultDebitOutcome };
  }

  // ---------------------------------------------------------------- shared with refunds, bills, /sim/state

  onPayment(listener: (order: OrderRecord, payment: PaymentRecord) => void): void {
    this.paymentListeners.push(listener);
  }

  all(): OrderRecord[] {
    for (const o of this.orders.values()) this.refreshExpiry(o);
    return [...this.orders.values()];
  }

  findPayment(mchid: string, transactionId: string): { order: OrderRecord; payment: PaymentRecord } | undefined {
    const ref = this.byTransactionId.get(transactionId);
    if (!ref) return undefined;
    const order = this.orders.get(ref.orderKey);
    const payment = order?.payments.find((p) => p.seq === ref.seq);
    if (!order || !payment || order.mchid !== mchid) return undefined;
    return { order, payment };
  }

  /** After the business clock moved: CREATED orders older than 30 days expire. */
  sweep(): void {
    for (const o of this.orders.values()) this.refreshExpiry(o);
  }

  clear(): void {
    for (const o of this.orders.values()) this.stopDebit(o);
    this.orders.clear();
    this.byQueryId.clear();
    this.byOutOrderNo.clear();
    this.byPackage.clear();
    this.byTransactionId.clear();
    this.debitPlans.clear();
    this.signedIn.clear();
    this.settings = this.initialSettings();
  }

  // ---------------------------------------------------------------- internals

  private withOutOrderNo(outOrderNo: string): OrderRecord[] {
    return (this.byOutOrderNo.get(outOrderNo) ?? []).flatMap((key) => {
      const order = this.orders.get(key);
      return order ? [order] : [];
    });
  }

  private bindService(merchant: Merchant, appid: string, serviceId: string): ServiceConfig {
    if (!merchant.appids.includes(appid)) throw new WxError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const service = merchant.services.get(serviceId);
    if (!service) throw noAuth('商户暂无权限使用此服务：service_id未绑定此商户号');
    return service;
  }

  private serviceOf(order: OrderRecord): ServiceConfig {
    const service = this.merchantsOf(order.mchid)?.services.get(order.serviceId);
    if (!service) throw noAuth('商户暂无权限使用此服务：service_id未绑定此商户号');
    return service;
  }

  private forOperation(merchant: Merchant, outOrderNo: string, body: Record<string, unknown>, serviceRequired: boolean): OrderRecord {
    const appid = v.str(body, 'appid', 32, true);
    const serviceId = serviceRequired ? v.str(body, 'service_id', 32, true) : v.str(body, 'service_id', 32, false);
    if (!merchant.appids.includes(appid)) throw new WxError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    if (serviceId !== undefined && !merchant.services.has(serviceId)) throw noAuth('商户暂无权限使用此服务：service_id未绑定此商户号');
    const order = this.orders.get(orderKey(merchant.mchid, outOrderNo));
    if (!order) throw orderNotExist();
    if (order.appid !== appid) throw invalidRequest('appid与创建订单时的appid不一致');
    if (serviceId !== undefined && order.serviceId !== serviceId) throw invalidRequest('service_id与创建订单时的service_id不一致');
    this.refreshExpiry(order);
    return order;
  }

  private checkTotal(order: OrderRecord, total: number, payments: v.PostPaymentList, discounts: v.PostDiscountList): void {
    const expected = v.expectedTotal(payments, discounts);
    if (expected !== undefined && expected !== total) {
      throw paramError(`最终总金额计算非法：total_amount=${total}，Σpost_payments−Σpost_discounts=${expected}`, 'total_amount');
    }
    const service = this.serviceOf(order);
    if (total > service.riskCapFen) throw paramError('总金额超过此服务的服务风险金额', 'total_amount');
    if (order.mode === 'DEPOSIT_WAIVED' && total > order.riskFund.amount) {
      throw paramError('总金额超过创建订单时的风险金额（先免模式：total_amount ≤ risk_fund.amount）', 'total_amount');
    }
  }

  private checkEnd(range: TimeRange, endTime: string, atCompletion: boolean): void {
    const end = parseCompactTime(endTime);
    if (!end) throw paramError('time_range.end_time格式错误，应为yyyyMMddHHmmss或yyyyMMdd', 'time_range.end_time');
    const start = range.start_time === 'OnAccept' ? undefined : parseCompactTime(range.start_time);
    // Merchant clocks are real time while an OnAccept start is on the business clock: once /sim/clock
    // has moved it, allow the offset so flows keep working after a clock jump.
    const offset = Math.max(0, this.options.clock.now() - this.options.clock.real());
    if (start && end.ms + offset < start.ms) throw paramError('真实结束时间小于预计开始时间', 'time_range.end_time');
    if (atCompletion) {
      const latest = Math.max(this.options.clock.now(), this.options.clock.real()) + TIME_SLACK_MS;
      if (end.ms > latest) throw paramError('实际结束时间不能晚于使用完结接口的时间', 'time_range.end_time');
    }
  }

  private templates(service: ServiceConfig, phase: 'create' | 'complete', payments: v.PostPaymentList, discounts: v.PostDiscountList): string[] {
    const problems = v.templateViolations(service.scenario, phase, payments, discounts);
    if (problems.length > 0 && this.settings.industryTemplates === 'strict') {
      throw paramError(`post_payments不符合行业模板：${problems.join('; ')}`, 'post_payments');
    }
    return problems;
  }

  private notifyUrl(url: string): string {
    return checkNotifyUrl(url, 'notify_url', this.settings.lenient);
  }

  private location(value: unknown): OrderRecord['location'] {
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) throw paramError('location必须是对象', 'location');
    const start = v.str(value, 'start_location', 50, false, 'location.start_location');
    const end = v.str(value, 'end_location', 50, false, 'location.end_location');
    if (end !== undefined && start === undefined) throw paramError('填写end_location时start_location必填', 'location.start_location');
    return { ...(start !== undefined ? { start_location: start } : {}), ...(end !== undefined ? { end_location: end } : {}) };
  }

  private refreshExpiry(order: OrderRecord): void {
    if (order.state !== 'CREATED') return;
    if (this.options.clock.now() - order.updatedAtMs >= CREATED_LIFETIME_MS) {
      order.state = 'EXPIRED';
      order.updatedAtMs = order.updatedAtMs + CREATED_LIFETIME_MS;
    }
  }

  private stopDebit(order: OrderRecord): void {
    if (order.debitTask !== undefined) this.options.scheduler.cancel(order.debitTask);
    delete order.debitTask;
    delete order.debitBusyUntilMs;
  }

  private scheduleDebit(order: OrderRecord, delayMs: number, merchantAsked = false): void {
    this.stopDebit(order);
    order.debitTask = this.options.scheduler.after(delayMs, () => {
      delete order.debitTask;
      const busyMs = this.settings.debitBusyMs;
      const runs = merchantAsked || this.debitPlanFor(order).outcome !== 'user-pays-later';
      if (busyMs <= 0 || !runs) {
        this.attemptDebit(order, merchantAsked);
        return;
      }
      // the debit takes a while: meanwhile the order is locked (单据正在扣款中)
      order.debitBusyUntilMs = this.options.clock.now() + busyMs;
      order.debitTask = this.options.scheduler.after(busyMs, () => {
        delete order.debitTask;
        delete order.debitBusyUntilMs;
        this.attemptDebit(order, merchantAsked);
      });
    });
  }

  private assertNotBusy(order: OrderRecord): void {
    if (order.debitBusyUntilMs !== undefined && this.options.clock.now() < order.debitBusyUntilMs) {
      throw invalidRequest('单据正在扣款中,请稍后再试');
    }
  }

  private attemptDebit(order: OrderRecord, merchantAsked: boolean): void {
    if (!(order.state === 'DOING' && order.stateDescription === 'MCH_COMPLETE')) return;
    const at = compactTime(this.options.clock.now());
    const plan = this.debitPlanFor(order);
    if (plan.outcome === 'user-pays-later' && !merchantAsked) {
      order.debitAttempts.push({ at, result: 'waiting-for-user' });
      return; // no automatic debit: the user pays from the pending list (POST /sim/orders/{no}/user-pay)
    }
    const failed = order.debitAttempts.filter((a) => a.result === 'insufficient-funds').length;
    const fails =
      (plan.outcome === 'insufficient-funds' && (plan.failures === undefined || failed < plan.failures)) ||
      (plan.outcome === 'user-pays-later' && merchantAsked);
    if (fails) {
      order.debitAttempts.push({ at, result: plan.outcome === 'insufficient-funds' ? 'insufficient-funds' : 'waiting-for-user' });
      if (plan.outcome === 'insufficient-funds') this.scheduleDebit(order, this.settings.debitRetryMs);
      return;
    }
    order.debitAttempts.push({ at, result: 'paid' });
    this.markPaid(order, 'AUTH');
  }

  private markPaid(order: OrderRecord, tradeType: 'AUTH' | 'JSAPI'): void {
    const now = this.options.clock.now();
    const amount = (order.totalAmount ?? 0) - paidFen(order);
    const seq = order.payments.length + 1;
    const transactionId = `4200${compactTime(now).slice(0, 8)}${randomDigits(16)}`;
    order.payments.push({
      seq,
      amount,
      paidType: 'NEWTON',
      paidAtMs: now,
      paidTime: compactTime(now),
      transactionId,
      tradeType,
      billOutTradeNo: tradeType === 'AUTH' ? `PS${compactTime(now)}${randomDigits(14)}` : order.outOrderNo,
      refundedFen: 0,
    });
    this.byTransactionId.set(transactionId, { orderKey: order.key, seq });
    const payment = order.payments[order.payments.length - 1] as PaymentRecord;
    for (const listener of this.paymentListeners) listener(order, payment);
    order.state = 'DONE';
    delete order.stateDescription;
    order.updatedAtMs = now;
    this.notifyOrder(order, 'PAYSCORE.USER_PAID', '支付成功');
  }

  private notifyOrder(order: OrderRecord, eventType: string, summary: string): void {
    const merchant = this.merchantsOf(order.mchid);
    if (!merchant) return;
    this.options.notifier.notify({
      url: order.notifyUrl,
      apiV3Key: merchant.apiV3Key,
      eventType,
      summary,
      originalType: 'payscore',
      resource: orderWire(order),
      orderKey: order.key,
    });
  }
}

/** APIv2 HMAC-SHA256 `sign` (§6.5): sorted k=v&…&key=KEY, HMAC keyed with the APIv2 key, upper-case hex. */
export function v2HmacSign(fields: Record<string, string>, apiV2Key: string): string {
  const stringA = Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== '' && fields[k] !== undefined)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
  return createHmac('sha256', apiV2Key).update(`${stringA}&key=${apiV2Key}`, 'utf8').digest('hex').toUpperCase();
}
