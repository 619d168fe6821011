/**
 * The Pay Score client: confirmation mode, direct merchant (payscore-protocol.md §4).
 *
 * Every call: local checks (order numbers, amounts, the §5 state machine) → JSON body serialised once →
 * per attempt a fresh timestamp + CSPRNG nonce signed through wechatpay-node-v3 → injected transport →
 * WeChat's signature verified over the raw answer → typed result or typed error. Transient failures are
 * retried with the **same body** (WeChat's 原参重入), exponential backoff and jitter.
 */
import { createHash } from 'node:crypto';
import { PayScoreError, errorFromWechatResponse, isPayScoreError, type PayScoreErrorCode } from './errors.js';
import { epochMs, randomNonce, systemClock, type Clock, type NonceGenerator } from './clock.js';
import {
  assertOutBillNo,
  assertOutOrderNo,
  assertOutRefundNo,
  assertOutReturnNo,
  assertProfitSharingOutOrderNo,
  assertTransactionId,
} from './order-no.js';
import { encryptSensitiveField, type EncryptionKey } from './sensitive-field.js';
import {
  assertPositiveFen,
  assertReceiverAccount,
  assertReceiverType,
  assertRelation,
  assertSplitReceivers,
  assertText,
  assertTransferBill,
  invalidField,
} from './fund-checks.js';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, realSleep, type RetryPolicy, type Sleep } from './retry.js';
import {
  checkWechatpaySignature,
  createRequestSigner,
  DEFAULT_MAX_SKEW_SECONDS,
  headerValue,
  platformKeyLookup,
  type HttpMethod,
  type PlatformKeyLookup,
  type PlatformKeys,
  type PrivateKeyInput,
  type RequestSigner,
  type SignatureFailure,
} from './signature.js';
import { assertTransition, phaseOf, type OrderPhase, type OrderStateView, type TransitionContext } from './state-machine.js';
import { createFetchTransport, type HttpResponse, type Transport } from './transport.js';
import {
  createFetchStreamTransport,
  downloadError,
  pathAndQueryExactly,
  readAll,
  readVerifiedBill,
  type DownloadedBill,
  type StreamTransport,
} from './bill-download.js';
import {
  checkComplaintImageInput,
  complaintImageContentType,
  type ComplaintImageInput,
  checkListComplaintsInput,
  checkRespondToComplaintInput,
  checkUpdateComplaintRefundProgressInput,
  type Complaint,
  type ComplaintList,
  type ComplaintNegotiationList,
  type ComplaintNotificationUrl,
  type ListComplaintsInput,
  type RespondToComplaintInput,
  type UpdateComplaintRefundProgressInput,
} from './complaints.js';
import type {
  CancelServiceOrderRequest,
  CancelServiceOrderResponse,
  CompleteServiceOrderRequest,
  CreateRefundRequest,
  CreateServiceOrderRequest,
  ModifyServiceOrderRequest,
  PayServiceOrderResponse,
  PostDiscount,
  PostPayment,
  Refund,
  ServiceOrder,
  SyncServiceOrderRequest,
  AddProfitSharingReceiverRequest,
  AddProfitSharingReceiverResponse,
  CancelTransferBillResponse,
  CreateProfitSharingOrderRequest,
  CreateProfitSharingReturnRequest,
  CreateTransferBillRequest,
  CreateTransferBillResponse,
  DeleteProfitSharingReceiverResponse,
  ProfitSharingOrder,
  ProfitSharingOrderReceiverRequest,
  ProfitSharingReceiverType,
  ProfitSharingRelationType,
  ProfitSharingReturn,
  ProfitSharingUnsplitAmount,
  TransferBill,
  TransferSceneReportInfo,
  UnfreezeProfitSharingRequest,
} from './wire-types.js';

export const WECHATPAY_API_BASE_URL = 'https://api.mch.weixin.qq.com';
export const WECHATPAY_API_BACKUP_BASE_URL = 'https://api2.mch.weixin.qq.com';

export interface PayScoreClientOptions {
  mchid: string;
  /** Serial of the merchant API certificate (`serial_no` of the Authorization header). */
  merchantSerialNo: string;
  /** The merchant API private key; pass a pre-parsed `KeyObject` (PEM is parsed once). */
  merchantPrivateKey: PrivateKeyInput;
  /** Keys WeChat's answers are signed with, by `Wechatpay-Serial` (certificate serial or `PUB_KEY_ID_…`). */
  platformKeys: PlatformKeys | PlatformKeyLookup;
  /** Default `appid` / `service_id` of every call. */
  appid: string;
  serviceId: string;
  /** Default `notify_url` of create. */
  notifyUrl?: string;
  /** Default `notify_url` of refunds. */
  refundNotifyUrl?: string;
  /** `https://api.mch.weixin.qq.com` (default) or the simulator, e.g. `http://127.0.0.1:4010`. */
  baseUrl?: string;
  /** Default: {@link createFetchTransport} with a 10 s timeout. */
  transport?: Transport;
  now?: Clock;
  /** Request nonce; default 32 hex characters from `crypto.randomBytes`. */
  nonce?: NonceGenerator;
  /** Jitter source, [0, 1). Default `Math.random` (jitter needs no CSPRNG). */
  random?: () => number;
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  /** Allowed |now − Wechatpay-Timestamp| of answers. Default 300 s. */
  maxSkewSeconds?: number;
  /**
   * Sent as the `Wechatpay-Serial` request header: the key the client can verify with. A merchant switching
   * from platform certificates to the WeChat Pay public key must send its `PUB_KEY_ID_…` here (§2.1).
   */
  wechatpaySerial?: string;
  /**
   * Error answers (non-2xx) that carry no signature headers are still mapped (WeChat may not sign them,
   * §12.10) but flagged `verified: false`. Set true to refuse them as `PAYSCORE_RESPONSE_UNSIGNED`.
   * Signed error answers are always verified; a 2xx answer must always be signed.
   */
  requireSignedErrors?: boolean;
  /**
   * The WeChat Pay public key (or platform certificate) that sensitive fields (a receiver's `name`, a transfer's
   * `user_name`) are encrypted under; its id / serial is sent as `Wechatpay-Serial` on those requests. Default: the
   * key `platformKeys` holds for `wechatpaySerial`, else the only (or the `PUB_KEY_ID_…`) entry of a key table.
   */
  encryptionKey?: EncryptionKey;
  /** Transport of file downloads (bills, complaint images): streams the unsigned body. Default createFetchStreamTransport(). */
  streamTransport?: StreamTransport;
  /** Default `notify_url` of merchant transfers. */
  transferNotifyUrl?: string;
  /** See {@link TransitionContext.cancelWhileUserPaying}. Default true (official docs). */
  cancelWhileUserPaying?: boolean;
  /** The service ID's risk cap; when set, create refuses `risk_fund.amount` above it before sending. */
  riskCapFen?: number;
  userAgent?: string;
}

/** The order as the caller last knew it: a phase, or an order object (query result, callback payload). */
export type KnownOrder = OrderPhase | OrderStateView;

/** Options of every state-changing call: the state machine needs the current phase before sending. */
export interface GuardedCallOptions {
  current: KnownOrder;
}

type WithDefaults<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type CreateOrderInput = WithDefaults<CreateServiceOrderRequest, 'appid' | 'service_id' | 'notify_url'>;
export type CancelOrderInput = WithDefaults<CancelServiceOrderRequest, 'appid' | 'service_id'>;
export type CompleteOrderInput = WithDefaults<CompleteServiceOrderRequest, 'appid' | 'service_id'>;
export type ModifyOrderInput = WithDefaults<ModifyServiceOrderRequest, 'appid' | 'service_id'>;
export type SyncOrderInput = { paid_time: string; appid?: string; service_id?: string };
export type QueryOrderInput = ({ out_order_no: string; query_id?: never } | { query_id: string; out_order_no?: never }) & {
  appid?: string;
  service_id?: string;
};
export type CreateRefundInput = Omit<CreateRefundRequest, 'notify_url' | 'amount'> & {
  notify_url?: string;
  amount: Omit<CreateRefundRequest['amount'], 'currency'> & { currency?: 'CNY' };
};

export interface AddProfitSharingReceiverInput {
  type: ProfitSharingReceiverType;
  account: string;
  /** Clear text: the merchant's full legal name (required for MERCHANT_ID) or the person's real name; encrypted by the client. */
  name?: string;
  relation_type: ProfitSharingRelationType;
  custom_relation?: string;
  appid?: string;
}

export interface DeleteProfitSharingReceiverInput {
  type: ProfitSharingReceiverType;
  account: string;
  appid?: string;
}

export interface CreateProfitSharingOrderInput {
  transaction_id: string;
  out_order_no: string;
  /** `name` in clear text; encrypted by the client. */
  receivers: ProfitSharingOrderReceiverRequest[];
  unfreeze_unsplit: boolean;
  appid?: string;
}

export type CreateProfitSharingReturnInput = CreateProfitSharingReturnRequest;

export interface CreateTransferBillInput {
  out_bill_no: string;
  transfer_scene_id: string;
  openid: string;
  /** Clear text; encrypted by the client. Required from 2,000 CNY. */
  user_name?: string;
  transfer_amount: number;
  transfer_remark: string;
  notify_url?: string;
  user_recv_perception?: string;
  transfer_scene_report_infos: TransferSceneReportInfo[];
  appid?: string;
}

/** The answer of a bill application (trade, fund-flow, profit-sharing): download it at once with `downloadBill`. */
export interface BillDownloadTicket {
  hash_type: 'SHA1';
  /** SHA1 of the uncompressed file. */
  hash_value: string;
  /** Short-lived (30 s to 5 min); signed GET exactly as given. */
  download_url: string;
}

/** The profit-sharing bill application's answer (same shape as every bill's). */
export type ProfitSharingBill = BillDownloadTicket;

export type TradeBillType = 'ALL' | 'SUCCESS' | 'REFUND';
export type FundFlowAccountType = 'BASIC' | 'OPERATION' | 'FEES';

/** How one call is sent. */
interface CallOptions {
  /** Never retried automatically, whatever the retry policy: a call WeChat takes no idempotency key for. */
  singleAttempt?: boolean;
}

/** The default bound of a downloaded complaint image (WeChat's images are at most a few MB). */
export const COMPLAINT_MEDIA_MAX_BYTES = 10 * 1024 * 1024;

/** A downloaded complaint image. */
export interface ComplaintMediaFile {
  bytes: Buffer;
  contentType: string | undefined;
}

/** A created order: confirmation mode always returns the single-use `package`. */
export type CreatedServiceOrder = ServiceOrder & { package: string };

const RESPONSE_FAILURE_CODES: Record<SignatureFailure, PayScoreErrorCode> = {
  'missing-headers': 'PAYSCORE_RESPONSE_UNSIGNED',
  'unknown-serial': 'PAYSCORE_RESPONSE_UNKNOWN_SERIAL',
  stale: 'PAYSCORE_RESPONSE_STALE',
  'bad-signature': 'PAYSCORE_RESPONSE_BAD_SIGNATURE',
  // a response is never re-serialised by us: report it as the bad signature it is
  reserialised: 'PAYSCORE_RESPONSE_BAD_SIGNATURE',
};

function invalid(message: string, detail?: unknown): PayScoreError {
  return new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message, detail });
}

function assertFen(field: string, value: unknown, { positive = false, optional = false } = {}): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (positive ? 1 : 0)) {
    throw invalid(`${field} must be an integer number of fen ${positive ? '> 0' : '≥ 0'}, got ${JSON.stringify(value)}`, { field, value });
  }
}

/**
 * Local check of `total_amount = Σpost_payments.amount − Σpost_discounts.amount` (checklist item 5).
 * Skipped when no item carries an amount (industry templates that forbid amounts, §9.1/§9.6).
 */
export function checkTotalAmount(postPayments: readonly PostPayment[], postDiscounts: readonly PostDiscount[] | undefined, totalAmount: number): void {
  assertFen('total_amount', totalAmount);
  postPayments.forEach((p, i) => assertFen(`post_payments[${i}].amount`, p.amount, { optional: true }));
  (postDiscounts ?? []).forEach((d, i) => assertFen(`post_discounts[${i}].amount`, d.amount, { optional: true }));
  const anyAmount = postPayments.some((p) => p.amount !== undefined) || (postDiscounts ?? []).some((d) => d.amount !== undefined);
  if (!anyAmount) return;
  const sum = postPayments.reduce((s, p) => s + (p.amount ?? 0), 0) - (postDiscounts ?? []).reduce((s, d) => s + (d.amount ?? 0), 0);
  if (sum !== totalAmount) {
    throw invalid(`total_amount ${totalAmount} ≠ Σpost_payments − Σpost_discounts = ${sum}`, { totalAmount, sum });
  }
}

/**
 * Local check of the item names (§3.2): `post_payments` names are unique per order except `商品信息`, `post_discounts`
 * names are unique. WeChat replaces the whole set on every complete / modify, so a caller that appends a discount it
 * already sent (a second `商户减免`) is refused here, before the network.
 */
export function checkItemNames(postPayments: readonly PostPayment[] | undefined, postDiscounts: readonly PostDiscount[] | undefined): void {
  const twice = (names: string[]): string | undefined => names.find((n, i) => names.indexOf(n) !== i);
  const payment = twice((postPayments ?? []).map((p) => p.name).filter((n) => n !== '商品信息'));
  if (payment !== undefined) throw invalid(`post_payments name "${payment}" appears twice (names are unique per order, except 商品信息)`, { field: 'post_payments', name: payment });
  const discount = twice((postDiscounts ?? []).map((d) => d.name));
  if (discount !== undefined) {
    throw invalid(`post_discounts name "${discount}" appears twice: names are unique per order, and each modify replaces the whole set`, { field: 'post_discounts', name: discount });
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export class PayScoreClient {
  private readonly signer: RequestSigner;
  private readonly keys: PlatformKeyLookup;
  private readonly baseUrl: string;
  private readonly transport: Transport;
  private readonly streamTransport: StreamTransport;
  private readonly now: Clock;
  private readonly nonce: NonceGenerator;
  private readonly random: () => number;
  private readonly sleep: Sleep;
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly options: PayScoreClientOptions) {
    this.signer = createRequestSigner({ mchid: options.mchid, serialNo: options.merchantSerialNo, privateKey: options.merchantPrivateKey });
    this.keys = typeof options.platformKeys === 'function' ? options.platformKeys : platformKeyLookup(options.platformKeys);
    const base = options.baseUrl ?? WECHATPAY_API_BASE_URL;
    try {
      const u = new URL(base);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(u.protocol);
    } catch (cause) {
      throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: `baseUrl is not an http(s) URL: ${base}`, cause });
    }
    this.baseUrl = base.replace(/\/+$/, '');
    this.transport = options.transport ?? createFetchTransport();
    this.streamTransport = options.streamTransport ?? createFetchStreamTransport();
    this.now = options.now ?? systemClock;
    this.nonce = options.nonce ?? randomNonce;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? realSleep;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    if (!Number.isSafeInteger(this.retryPolicy.maxAttempts) || this.retryPolicy.maxAttempts < 1) {
      throw new PayScoreError('PAYSCORE_CONFIG_INVALID', { message: 'retry.maxAttempts must be an integer ≥ 1' });
    }
  }

  // ------------------------------------------------------------ service orders

  /** `POST /v3/payscore/serviceorder`. Same `out_order_no` + identical parameters is a safe re-entry. */
  async createOrder(input: CreateOrderInput): Promise<CreatedServiceOrder> {
    assertOutOrderNo(input.out_order_no);
    if (input.need_user_confirm === false) throw invalid('this client implements confirmation mode: need_user_confirm must be true or omitted');
    if (!input.service_introduction || [...input.service_introduction].length > 20) throw invalid('service_introduction must be 1..20 characters');
    if (!input.time_range?.start_time) throw invalid('time_range.start_time is required');
    assertFen('risk_fund.amount', input.risk_fund?.amount, { positive: true });
    if (this.options.riskCapFen !== undefined && input.risk_fund.amount > this.options.riskCapFen) {
      throw invalid(`risk_fund.amount ${input.risk_fund.amount} exceeds the service's risk cap ${this.options.riskCapFen}`);
    }
    (input.post_payments ?? []).forEach((p, i) => assertFen(`post_payments[${i}].amount`, p.amount, { optional: true }));
    checkItemNames(input.post_payments, input.post_discounts);
    const notifyUrl = input.notify_url ?? this.options.notifyUrl;
    if (!notifyUrl) throw invalid('notify_url is required (per call or as the notifyUrl option)');
    const body: CreateServiceOrderRequest = {
      ...input,
      appid: input.appid ?? this.options.appid,
      service_id: input.service_id ?? this.options.serviceId,
      notify_url: notifyUrl,
    };
    const order = this.expectOrder(await this.call('POST', '/v3/payscore/serviceorder', body), input.out_order_no);
    if (typeof order.package !== 'string' || order.package === '') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'create answered without the confirmation package' });
    }
    return order as CreatedServiceOrder;
  }

  /** `GET /v3/payscore/serviceorder` by `out_order_no` or by the front end's `query_id`. */
  async queryOrder(input: QueryOrderInput): Promise<ServiceOrder> {
    const byNo = input.out_order_no !== undefined;
    if (byNo === (input.query_id !== undefined)) throw invalid('give exactly one of out_order_no / query_id');
    if (byNo) assertOutOrderNo(input.out_order_no);
    else if (typeof input.query_id !== 'string' || input.query_id === '' || input.query_id.length > 512) {
      throw invalid('query_id must be 1..512 characters');
    }
    const query: [string, string][] = [
      byNo ? ['out_order_no', input.out_order_no as string] : ['query_id', input.query_id as string],
      ['service_id', input.service_id ?? this.options.serviceId],
      ['appid', input.appid ?? this.options.appid],
    ];
    const qs = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    return this.expectOrder(await this.call('GET', `/v3/payscore/serviceorder?${qs}`), byNo ? input.out_order_no : undefined);
  }

  /**
   * `POST …/{out_order_no}/cancel`. Allowed from CREATED, USER_CONFIRMED, MCH_COMPLETE (unless
   * `cancelWhileUserPaying: false`) and REVOKED (re-entry with the same `reason`). When WeChat refuses for
   * the state but the order is in fact REVOKED (an earlier attempt succeeded), answers success.
   */
  async cancelOrder(outOrderNo: string, input: CancelOrderInput, options: GuardedCallOptions): Promise<CancelServiceOrderResponse> {
    assertOutOrderNo(outOrderNo);
    this.guard(options.current, 'cancel');
    if (!input.reason || input.reason.length > 50) throw invalid('reason must be 1..50 characters');
    const body: CancelServiceOrderRequest = {
      appid: input.appid ?? this.options.appid,
      service_id: input.service_id ?? this.options.serviceId,
      reason: input.reason,
    };
    return this.withReentry(
      async () => this.expectObject<CancelServiceOrderResponse>(await this.call('POST', this.orderPath(outOrderNo, 'cancel'), body)),
      { out_order_no: outOrderNo, appid: body.appid, service_id: body.service_id },
      (order) => phaseOf(order) === 'REVOKED',
      (order) => ({ appid: order.appid, mchid: order.mchid, out_order_no: order.out_order_no, service_id: order.service_id, order_id: order.order_id }),
    );
  }

  /**
   * `POST …/{out_order_no}/complete`, from USER_CONFIRMED only. Checks the sum rule locally. A complete
   * cannot be repeated at WeChat: when it is refused for the state and a query shows MCH_COMPLETE or DONE
   * with the same `total_amount`, the earlier completion is returned as success (§8.3).
   */
  async completeOrder(outOrderNo: string, input: CompleteOrderInput, options: GuardedCallOptions): Promise<ServiceOrder> {
    assertOutOrderNo(outOrderNo);
    if (!Array.isArray(input.post_payments) || input.post_payments.length === 0) throw invalid('post_payments must hold at least one item');
    checkTotalAmount(input.post_payments, input.post_discounts, input.total_amount);
    checkItemNames(input.post_payments, input.post_discounts);
    this.guard(options.current, 'complete', { totalFen: input.total_amount });
    const body: CompleteServiceOrderRequest = {
      ...input,
      appid: input.appid ?? this.options.appid,
      service_id: input.service_id ?? this.options.serviceId,
    };
    return this.withReentry(
      async () => this.expectOrder(await this.call('POST', this.orderPath(outOrderNo, 'complete'), body), outOrderNo),
      { out_order_no: outOrderNo, appid: body.appid, service_id: body.service_id },
      (order) => ['MCH_COMPLETE', 'DONE'].includes(phaseOf(order)) && order.total_amount === input.total_amount,
      (order) => order,
    );
  }

  /**
   * `POST …/{out_order_no}/modify`: lowers the amount while the user has not paid (MCH_COMPLETE). When
   * `current` is an order object with `total_amount`, an amount not below it is refused locally. A repeat
   * refused by WeChat is success when a query shows the order already at the requested amount.
   */
  async modifyOrder(outOrderNo: string, input: ModifyOrderInput, options: GuardedCallOptions): Promise<ServiceOrder> {
    assertOutOrderNo(outOrderNo);
    if (!Array.isArray(input.post_payments) || input.post_payments.length === 0) throw invalid('post_payments must hold at least one item');
    checkTotalAmount(input.post_payments, input.post_discounts, input.total_amount);
    checkItemNames(input.post_payments, input.post_discounts);
    if (!input.reason || input.reason.length > 50) throw invalid('reason must be 1..50 characters');
    this.guard(options.current, 'modify');
    const previous = typeof options.current === 'string' ? undefined : options.current.total_amount;
    if (previous !== undefined && input.total_amount >= previous) {
      throw invalid(`modify only lowers the amount: ${input.total_amount} is not below ${previous}`);
    }
    const body: ModifyServiceOrderRequest = {
      ...input,
      appid: input.appid ?? this.options.appid,
      service_id: input.service_id ?? this.options.serviceId,
    };
    return this.withReentry(
      async () => {
        const answer = await this.call('POST', this.orderPath(outOrderNo, 'modify'), body);
        // Some variants answer 204: fetch the order then.
        return answer === undefined ? this.queryOrder({ out_order_no: outOrderNo, appid: body.appid, service_id: body.service_id }) : this.expectOrder(answer, outOrderNo);
      },
      { out_order_no: outOrderNo, appid: body.appid, service_id: body.service_id },
      (order) => ['MCH_COMPLETE', 'DONE'].includes(phaseOf(order)) && order.total_amount === input.total_amount,
      (order) => order,
      // a repeated modify to the same amount is refused as "not lower" or for the state
      ['PAYSCORE_INVALID_ORDER_STATE', 'PAYSCORE_AMOUNT_INVALID'],
    );
  }

  /** `POST …/{out_order_no}/pay`: asks WeChat to collect now (MCH_COMPLETE only). The result arrives as USER_PAID. */
  async payOrder(outOrderNo: string, options: GuardedCallOptions & { appid?: string; service_id?: string }): Promise<PayServiceOrderResponse> {
    assertOutOrderNo(outOrderNo);
    this.guard(options.current, 'pay');
    const body = { appid: options.appid ?? this.options.appid, service_id: options.service_id ?? this.options.serviceId };
    return this.expectObject<PayServiceOrderResponse>(await this.call('POST', this.orderPath(outOrderNo, 'pay'), body));
  }

  /**
   * `POST …/{out_order_no}/sync` with `type: "Order_Paid"`: the user paid through another channel
   * (MCH_COMPLETE → DONE). Idempotent: when refused for the state and the order is DONE with a `MCH`
   * payment, answers success.
   */
  async syncOrder(outOrderNo: string, input: SyncOrderInput, options: GuardedCallOptions): Promise<ServiceOrder> {
    assertOutOrderNo(outOrderNo);
    if (!/^\d{8}(\d{6})?$/.test(input.paid_time)) throw invalid('paid_time must be yyyyMMddHHmmss or yyyyMMdd');
    this.guard(options.current, 'sync');
    const body: SyncServiceOrderRequest = {
      appid: input.appid ?? this.options.appid,
      service_id: input.service_id ?? this.options.serviceId,
      type: 'Order_Paid',
      detail: { paid_time: input.paid_time },
    };
    return this.withReentry(
      async () => this.expectOrder(await this.call('POST', this.orderPath(outOrderNo, 'sync'), body), outOrderNo),
      { out_order_no: outOrderNo, appid: body.appid, service_id: body.service_id },
      (order) => phaseOf(order) === 'DONE' && (order.collection?.details ?? []).some((d) => d.paid_type === 'MCH'),
      (order) => order,
    );
  }

  // ------------------------------------------------------------ refunds

  /**
   * `POST /v3/refund/domestic/refunds` by `transaction_id` (from `collection.details[]`; never
   * `out_order_no`). Refuses locally a refund above `amount.total`, or, with `previouslyRefundedFen`, one
   * that would bring the refunded sum above it. Reuse `out_refund_no` to retry.
   */
  async createRefund(input: CreateRefundInput, options: { previouslyRefundedFen?: number } = {}): Promise<Refund> {
    assertOutRefundNo(input.out_refund_no);
    if (typeof input.transaction_id !== 'string' || !/^[0-9A-Za-z]{1,32}$/.test(input.transaction_id)) {
      throw invalid('transaction_id (from collection.details[].transaction_id) is required');
    }
    assertFen('amount.refund', input.amount?.refund, { positive: true });
    assertFen('amount.total', input.amount.total, { positive: true });
    const already = options.previouslyRefundedFen ?? 0;
    assertFen('previouslyRefundedFen', already);
    if (input.amount.refund + already > input.amount.total) {
      throw invalid(`refund ${input.amount.refund} + already refunded ${already} exceeds the paid total ${input.amount.total}`);
    }
    const notifyUrl = input.notify_url ?? this.options.refundNotifyUrl;
    const body: CreateRefundRequest = {
      ...input,
      ...(notifyUrl === undefined ? {} : { notify_url: notifyUrl }),
      amount: { ...input.amount, currency: input.amount.currency ?? 'CNY' },
    };
    return this.expectRefund(await this.call('POST', '/v3/refund/domestic/refunds', body), input.out_refund_no);
  }

  /** `GET /v3/refund/domestic/refunds/{out_refund_no}`. */
  async queryRefund(outRefundNo: string): Promise<Refund> {
    assertOutRefundNo(outRefundNo);
    return this.expectRefund(await this.call('GET', `/v3/refund/domestic/refunds/${outRefundNo}`), outRefundNo);
  }

  // ------------------------------------------------------------ profit sharing (分账), §2.3

  /** `POST /v3/profitsharing/receivers/add`; `name` is encrypted and `Wechatpay-Serial` names the key. Adding twice is idempotent. */
  async addProfitSharingReceiver(input: AddProfitSharingReceiverInput): Promise<AddProfitSharingReceiverResponse> {
    assertReceiverType('type', input.type);
    assertReceiverAccount('account', input.type, input.account);
    assertRelation(input.relation_type, input.custom_relation);
    if (input.type === 'MERCHANT_ID' && input.name === undefined) throw invalidField('name', 'is required for a MERCHANT_ID receiver (the merchant’s full legal name)');
    assertText('name', input.name, 256, { optional: true });
    const key = input.name === undefined ? undefined : this.encryptionKey();
    const body: AddProfitSharingReceiverRequest = {
      appid: input.appid ?? this.options.appid,
      type: input.type,
      account: input.account,
      ...(input.name === undefined || key === undefined ? {} : { name: encryptSensitiveField(input.name, key.publicKey) }),
      relation_type: input.relation_type,
      ...(input.custom_relation === undefined ? {} : { custom_relation: input.custom_relation }),
    };
    const answer = this.expectObject<AddProfitSharingReceiverResponse>(await this.call('POST', '/v3/profitsharing/receivers/add', body, key?.serial));
    if (answer.account !== input.account) throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the receiver added' });
    return answer;
  }

  /** `POST /v3/profitsharing/receivers/delete`. A deleted receiver can still be the target of a return. */
  async deleteProfitSharingReceiver(input: DeleteProfitSharingReceiverInput): Promise<DeleteProfitSharingReceiverResponse> {
    assertReceiverType('type', input.type);
    assertReceiverAccount('account', input.type, input.account);
    const body = { appid: input.appid ?? this.options.appid, type: input.type, account: input.account };
    return this.expectObject<DeleteProfitSharingReceiverResponse>(await this.call('POST', '/v3/profitsharing/receivers/delete', body));
  }

  /**
   * `POST /v3/profitsharing/orders` (asynchronous: `PROCESSING`, later `FINISHED`; each receiver's `result` is the outcome).
   * Same `out_order_no` + same body is a safe re-entry. Split no earlier than a minute after payment
   * (`PAYSCORE_PROFIT_SHARING_NOT_READY` otherwise).
   */
  async createProfitSharingOrder(input: CreateProfitSharingOrderInput): Promise<ProfitSharingOrder> {
    assertTransactionId(input.transaction_id);
    assertProfitSharingOutOrderNo(input.out_order_no);
    assertSplitReceivers(input.receivers);
    if (typeof input.unfreeze_unsplit !== 'boolean') throw invalidField('unfreeze_unsplit', 'must be true or false', input.unfreeze_unsplit);
    const named = input.receivers.some((r) => r.name !== undefined);
    const key = named ? this.encryptionKey() : undefined;
    const body: CreateProfitSharingOrderRequest = {
      appid: input.appid ?? this.options.appid,
      transaction_id: input.transaction_id,
      out_order_no: input.out_order_no,
      receivers: input.receivers.map((r) => ({
        type: r.type,
        account: r.account,
        amount: r.amount,
        description: r.description,
        ...(r.name === undefined || key === undefined ? {} : { name: encryptSensitiveField(r.name, key.publicKey) }),
      })),
      unfreeze_unsplit: input.unfreeze_unsplit,
    };
    return this.expectSharingOrder(await this.call('POST', '/v3/profitsharing/orders', body, key?.serial), input.out_order_no);
  }

  /** `GET /v3/profitsharing/orders/{out_order_no}?transaction_id=…` */
  async queryProfitSharingOrder(outOrderNo: string, transactionId: string): Promise<ProfitSharingOrder> {
    assertProfitSharingOutOrderNo(outOrderNo);
    assertTransactionId(transactionId);
    return this.expectSharingOrder(await this.call('GET', `/v3/profitsharing/orders/${outOrderNo}?transaction_id=${transactionId}`), outOrderNo);
  }

  /** `POST /v3/profitsharing/orders/unfreeze`: releases what is left; use a NEW `out_order_no` (a split's number does nothing). */
  async unfreezeProfitSharing(input: UnfreezeProfitSharingRequest): Promise<ProfitSharingOrder> {
    assertTransactionId(input.transaction_id);
    assertProfitSharingOutOrderNo(input.out_order_no);
    assertText('description', input.description, 80);
    const body: UnfreezeProfitSharingRequest = { transaction_id: input.transaction_id, out_order_no: input.out_order_no, description: input.description };
    return this.expectSharingOrder(await this.call('POST', '/v3/profitsharing/orders/unfreeze', body), input.out_order_no);
  }

  /** `POST /v3/profitsharing/return-orders` (synchronous `SUCCESS` / `FAILED`, sometimes `PROCESSING`): pulls a split back from a MERCHANT_ID receiver. */
  async createProfitSharingReturn(input: CreateProfitSharingReturnInput): Promise<ProfitSharingReturn> {
    if ((input.out_order_no === undefined) === (input.order_id === undefined)) throw invalidField('out_order_no', 'give exactly one of out_order_no / order_id');
    if (input.out_order_no !== undefined) assertProfitSharingOutOrderNo(input.out_order_no);
    if (input.order_id !== undefined) assertText('order_id', input.order_id, 64);
    assertOutReturnNo(input.out_return_no);
    assertReceiverAccount('return_mchid', 'MERCHANT_ID', input.return_mchid);
    assertPositiveFen('amount', input.amount);
    assertText('description', input.description, 80);
    const body: CreateProfitSharingReturnRequest = {
      ...(input.out_order_no === undefined ? { order_id: input.order_id as string } : { out_order_no: input.out_order_no }),
      out_return_no: input.out_return_no,
      return_mchid: input.return_mchid,
      amount: input.amount,
      description: input.description,
    };
    return this.expectReturn(await this.call('POST', '/v3/profitsharing/return-orders', body), input.out_return_no);
  }

  /** `GET /v3/profitsharing/return-orders/{out_return_no}?out_order_no=…` */
  async queryProfitSharingReturn(outReturnNo: string, outOrderNo: string): Promise<ProfitSharingReturn> {
    assertOutReturnNo(outReturnNo);
    assertProfitSharingOutOrderNo(outOrderNo);
    return this.expectReturn(await this.call('GET', `/v3/profitsharing/return-orders/${outReturnNo}?out_order_no=${outOrderNo}`), outReturnNo);
  }

  /** `GET /v3/profitsharing/transactions/{transaction_id}/amounts` → what is still frozen and splittable. */
  async queryProfitSharingUnsplitAmount(transactionId: string): Promise<ProfitSharingUnsplitAmount> {
    assertTransactionId(transactionId);
    const answer = this.expectObject<ProfitSharingUnsplitAmount>(await this.call('GET', `/v3/profitsharing/transactions/${transactionId}/amounts`));
    if (answer.transaction_id !== transactionId || !Number.isSafeInteger(answer.unsplit_amount)) {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the unsplit amount of this transaction' });
    }
    return answer;
  }

  /** `GET /v3/profitsharing/bills?bill_date=…[&tar_type=GZIP]` → the download URL and the SHA1 of the uncompressed file. */
  async applyProfitSharingBill(billDate: string, options: { gzip?: boolean } = {}): Promise<ProfitSharingBill> {
    return this.applyBill(`/v3/profitsharing/bills?bill_date=${this.billDate(billDate)}${options.gzip ? '&tar_type=GZIP' : ''}`);
  }

  // ------------------------------------------------------------ bills (wechatpay-bills-sharing-complaints.md §1)

  /**
   * `GET /v3/bill/tradebill?bill_date=&bill_type=&tar_type=GZIP`: the day's trade bill (default `ALL`). Refusals:
   * `PAYSCORE_BILL_NOT_READY` (STATEMENT_CREATING, retryable after 30 min, not auto-retried), `PAYSCORE_BILL_NO_STATEMENT`
   * (NO_STATEMENT_EXIST: no trade that day, terminal), `PAYSCORE_INVALID_REQUEST` (date today / future / older than 3 months).
   */
  async applyTradeBill(billDate: string, options: { billType?: TradeBillType; gzip?: boolean } = {}): Promise<BillDownloadTicket> {
    const billType = options.billType ?? 'ALL';
    if (!['ALL', 'SUCCESS', 'REFUND'].includes(billType)) throw invalidField('bill_type', 'must be ALL, SUCCESS or REFUND', billType);
    return this.applyBill(`/v3/bill/tradebill?bill_date=${this.billDate(billDate)}&bill_type=${billType}${options.gzip ? '&tar_type=GZIP' : ''}`);
  }

  /** `GET /v3/bill/fundflowbill?bill_date=&account_type=&tar_type=GZIP`: the day's fund-flow bill (default `BASIC`). Refusals as {@link applyTradeBill}. */
  async applyFundFlowBill(billDate: string, options: { accountType?: FundFlowAccountType; gzip?: boolean } = {}): Promise<BillDownloadTicket> {
    const accountType = options.accountType ?? 'BASIC';
    if (!['BASIC', 'OPERATION', 'FEES'].includes(accountType)) throw invalidField('account_type', 'must be BASIC, OPERATION or FEES', accountType);
    return this.applyBill(`/v3/bill/fundflowbill?bill_date=${this.billDate(billDate)}&account_type=${accountType}${options.gzip ? '&tar_type=GZIP' : ''}`);
  }

  /**
   * `GET <download_url>` signed over the URL exactly as given; the answer is unsigned (not verified, as WeChat
   * documents). Gunzips gzip, checks SHA1 of the uncompressed bytes against `hash_value` while streaming.
   * Throws `PAYSCORE_BILL_HASH_MISMATCH`, `PAYSCORE_BILL_CORRUPT`, `PAYSCORE_BILL_DOWNLOAD_EXPIRED` (apply again),
   * `PAYSCORE_NO_AUTH` (another mchid applied), transport errors. Never retried by itself (the URL is short-lived).
   */
  async downloadBill(ticket: BillDownloadTicket): Promise<DownloadedBill> {
    if (ticket.hash_type !== 'SHA1' || !/^[0-9a-fA-F]{40}$/.test(ticket.hash_value)) {
      throw invalidField('hash_value', 'must be a SHA1 (hash_type SHA1, 40 hex)', ticket.hash_value);
    }
    const response = await this.signedStream(ticket.download_url);
    if (response.status !== 200) throw await downloadError(response, 'bill');
    return readVerifiedBill(response.body, ticket.hash_value);
  }

  // ------------------------------------------------------------ consumer complaints 2.0 (§3)

  /** `GET /v3/merchant-service/complaints-v2?limit=&offset=&begin_date=&end_date=&complainted_mchid=` (span ≤ 30 days, limit 1–50). */
  async listComplaints(input: ListComplaintsInput): Promise<ComplaintList> {
    checkListComplaintsInput(input);
    const q = new URLSearchParams({ limit: String(input.limit ?? 10), offset: String(input.offset ?? 0), begin_date: input.begin_date, end_date: input.end_date });
    if (input.complainted_mchid) q.set('complainted_mchid', input.complainted_mchid);
    const answer = this.expectObject<ComplaintList>(await this.complaintCall('GET', `/v3/merchant-service/complaints-v2?${q.toString()}`));
    if (!Array.isArray(answer.data)) throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the complaint list has no data array' });
    return answer;
  }

  /** `GET /v3/merchant-service/complaints-v2/{complaint_id}`: the detail (`payer_phone` encrypted: decryptComplaintPayerPhone). */
  async queryComplaint(complaintId: string): Promise<Complaint> {
    const answer = this.expectObject<Complaint>(await this.complaintCall('GET', this.complaintPath(complaintId)));
    if (answer.complaint_id !== complaintId || typeof answer.complaint_state !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the complaint asked for' });
    }
    return answer;
  }

  /** `GET …/{complaint_id}/negotiation-historys?limit=&offset=` (limit 1–300, default 100). */
  async listComplaintNegotiationHistory(complaintId: string, options: { limit?: number; offset?: number } = {}): Promise<ComplaintNegotiationList> {
    const limit = options.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 300) throw invalidField('limit', 'must be 1–300', limit);
    const offset = options.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidField('offset', 'must be ≥ 0', offset);
    const answer = this.expectObject<ComplaintNegotiationList>(
      await this.complaintCall('GET', `${this.complaintPath(complaintId)}/negotiation-historys?limit=${limit}&offset=${offset}`),
    );
    if (!Array.isArray(answer.data)) throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the negotiation history has no data array' });
    return answer;
  }

  /**
   * `POST …/{complaint_id}/response` (回复用户, 204; the first reply moves PENDING → PROCESSING). WeChat takes no
   * idempotency key: before re-sending a reply whose answer was lost, read the negotiation history.
   */
  async respondToComplaint(complaintId: string, input: RespondToComplaintInput): Promise<void> {
    checkRespondToComplaintInput(input);
    // one attempt whatever the retry policy: a lost answer (5xx, timeout) may hide a reply WeChat recorded, and a
    // second POST would reply twice; the caller reads the history before trying again
    await this.complaintCall('POST', `${this.complaintPath(complaintId)}/response`, { complainted_mchid: input.complainted_mchid ?? this.options.mchid, ...input }, { singleAttempt: true });
  }

  /**
   * `POST …/{complaint_id}/complete` (反馈处理完成, 204; → PROCESSED). One attempt (no idempotency key: a repeat after
   * a lost answer is refused as already processed); query the complaint before trying again.
   */
  async completeComplaint(complaintId: string, options: { complainted_mchid?: string } = {}): Promise<void> {
    await this.complaintCall('POST', `${this.complaintPath(complaintId)}/complete`, { complainted_mchid: options.complainted_mchid ?? this.options.mchid }, { singleAttempt: true });
  }

  /**
   * `POST …/{complaint_id}/update-refund-progress` (204): APPROVE does not move money — refund through the refund API.
   * One attempt (no idempotency key); read the history before trying again.
   */
  async updateComplaintRefundProgress(complaintId: string, input: UpdateComplaintRefundProgressInput): Promise<void> {
    checkUpdateComplaintRefundProgressInput(input);
    await this.complaintCall('POST', `${this.complaintPath(complaintId)}/update-refund-progress`, input, { singleAttempt: true });
  }

  /**
   * `GET <media_url>` of a complaint image, signed over the URL **exactly as given** (percent-encoding kept); the
   * answer is unsigned binary. Unknown or merchant-uploaded media → `PAYSCORE_COMPLAINT_NOT_FOUND` / the mapped error.
   * A body above `maxBytes` (default {@link COMPLAINT_MEDIA_MAX_BYTES}) is abandoned: `PAYSCORE_RESPONSE_MALFORMED`.
   */
  async downloadComplaintMedia(mediaUrl: string, options: { maxBytes?: number } = {}): Promise<ComplaintMediaFile> {
    const maxBytes = options.maxBytes ?? COMPLAINT_MEDIA_MAX_BYTES;
    const response = await this.signedStream(mediaUrl);
    if (response.status !== 200) throw await downloadError(response, 'media');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes) throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: `the complaint image is larger than ${maxBytes} bytes`, detail: { maxBytes } });
      chunks.push(Buffer.from(chunk));
    }
    return { bytes: Buffer.concat(chunks), contentType: headerValue(response.headers, 'Content-Type') };
  }

  /**
   * `POST /v3/merchant-service/images/upload` (multipart: `meta` = `{"filename","sha256"}`, `file`); the request is
   * signed over the `meta` JSON, the answer `{media_id}` is verified like any answer. For reply images
   * (`response_images`) and refund-rejection evidence (`reject_media_list`). Not retried automatically.
   */
  async uploadComplaintImage(input: ComplaintImageInput): Promise<{ media_id: string }> {
    checkComplaintImageInput(input);
    const path = '/v3/merchant-service/images/upload';
    const meta = JSON.stringify({ filename: input.filename, sha256: createHash('sha256').update(input.bytes).digest('hex') });
    const boundary = `zizhu${this.nonce()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n${meta}\r\n`, 'utf8'),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${input.filename}"\r\nContent-Type: ${complaintImageContentType(input.filename)}\r\n\r\n`, 'utf8'),
      Buffer.from(input.bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
    ]);
    const url = this.baseUrl + path;
    const signedPath = new URL(url).pathname;
    const timestamp = Math.floor(epochMs(this.now) / 1000);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent ?? 'zizhu-payscore/0.1 (node)',
      Authorization: this.signer({ method: 'POST', pathAndQuery: signedPath, body: meta, timestamp, nonce: this.nonce() }),
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
    };
    if (this.options.wechatpaySerial) headers['Wechatpay-Serial'] = this.options.wechatpaySerial;
    let response;
    try {
      response = await this.streamTransport({ method: 'POST', url, headers, body });
    } catch (error) {
      if (isPayScoreError(error)) throw error;
      throw new PayScoreError('PAYSCORE_NETWORK_ERROR', { retryable: true, cause: error, message: `upload failed: ${String(error)}` });
    }
    const text = (await readAll(response.body)).toString('utf8');
    const answer = this.expectObject<{ media_id: string }>(this.verifiedAnswer('POST', path, { status: response.status, headers: response.headers, body: text }));
    if (typeof answer.media_id !== 'string' || answer.media_id === '') throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the upload answer has no media_id' });
    return answer;
  }

  /** `POST /v3/merchant-service/complaint-notifications {url}` (https, ≤ 255 characters). */
  async createComplaintNotificationUrl(url: string): Promise<ComplaintNotificationUrl> {
    this.checkNotificationUrl(url);
    return this.expectObject<ComplaintNotificationUrl>(await this.complaintCall('POST', '/v3/merchant-service/complaint-notifications', { url }));
  }

  /** `GET /v3/merchant-service/complaint-notifications`; none registered → `PAYSCORE_COMPLAINT_NOT_FOUND`. */
  async queryComplaintNotificationUrl(): Promise<ComplaintNotificationUrl> {
    return this.expectObject<ComplaintNotificationUrl>(await this.complaintCall('GET', '/v3/merchant-service/complaint-notifications'));
  }

  /** `PUT /v3/merchant-service/complaint-notifications {url}`. */
  async updateComplaintNotificationUrl(url: string): Promise<ComplaintNotificationUrl> {
    this.checkNotificationUrl(url);
    return this.expectObject<ComplaintNotificationUrl>(await this.complaintCall('PUT', '/v3/merchant-service/complaint-notifications', { url }));
  }

  /** `DELETE /v3/merchant-service/complaint-notifications` (204). */
  async deleteComplaintNotificationUrl(): Promise<void> {
    await this.complaintCall('DELETE', '/v3/merchant-service/complaint-notifications');
  }

  private checkNotificationUrl(url: string): void {
    if (typeof url !== 'string' || url.length > 255 || !/^https?:\/\/[^\s]+$/.test(url)) throw invalidField('url', 'must be an http(s) URL of at most 255 characters', url);
  }

  private complaintPath(complaintId: string): string {
    if (typeof complaintId !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(complaintId)) throw invalidField('complaint_id', 'must be 1–64 of [0-9A-Za-z_-]', complaintId);
    return `/v3/merchant-service/complaints-v2/${complaintId}`;
  }

  /** A complaints call: "does not exist" answers (404, RESOURCE_NOT_EXISTS) become PAYSCORE_COMPLAINT_NOT_FOUND. */
  private async complaintCall(method: HttpMethod, pathAndQuery: string, body?: object, options: CallOptions = {}): Promise<unknown> {
    try {
      return await this.call(method, pathAndQuery, body, undefined, options);
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_ORDER_NOT_FOUND')) {
        throw new PayScoreError('PAYSCORE_COMPLAINT_NOT_FOUND', {
          httpStatus: error.httpStatus, wechatCode: error.wechatCode, wechatMessage: error.wechatMessage, requestId: error.requestId, verified: error.verified, message: error.message,
        });
      }
      throw error;
    }
  }

  private billDate(billDate: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate)) throw invalidField('bill_date', 'must be yyyy-MM-dd', billDate);
    return billDate;
  }

  private async applyBill(pathAndQuery: string): Promise<BillDownloadTicket> {
    const answer = this.expectObject<BillDownloadTicket>(await this.call('GET', pathAndQuery));
    if (typeof answer.download_url !== 'string' || typeof answer.hash_value !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not a bill download' });
    }
    return answer;
  }

  /** A signed GET of an absolute URL (signature over its path + query exactly as given), answered as a stream. */
  private async signedStream(url: string) {
    const signedPath = pathAndQueryExactly(url);
    const timestamp = Math.floor(epochMs(this.now) / 1000);
    const authorization = this.signer({ method: 'GET', pathAndQuery: signedPath, timestamp, nonce: this.nonce() });
    const headers: Record<string, string> = { Accept: '*/*', 'User-Agent': this.options.userAgent ?? 'zizhu-payscore/0.1 (node)', Authorization: authorization };
    if (this.options.wechatpaySerial) headers['Wechatpay-Serial'] = this.options.wechatpaySerial;
    try {
      return await this.streamTransport({ method: 'GET', url, headers });
    } catch (error) {
      if (isPayScoreError(error)) throw error;
      throw new PayScoreError('PAYSCORE_NETWORK_ERROR', { retryable: true, cause: error, message: `download failed: ${String(error)}` });
    }
  }

  // ------------------------------------------------------------ merchant transfer (商家转账), §7

  /**
   * `POST /v3/fund-app/mch-transfer/transfer-bills`. Same `out_bill_no` + same body answers the same bill (re-send it
   * to learn the current state and the `package_info`); another body is `PAYSCORE_REENTRY_MISMATCH`.
   */
  async createTransferBill(input: CreateTransferBillInput): Promise<CreateTransferBillResponse> {
    assertOutBillNo(input.out_bill_no);
    assertTransferBill(input);
    assertText('user_recv_perception', input.user_recv_perception, 64, { optional: true });
    const key = input.user_name === undefined ? undefined : this.encryptionKey();
    const notifyUrl = input.notify_url ?? this.options.transferNotifyUrl;
    const body: CreateTransferBillRequest = {
      appid: input.appid ?? this.options.appid,
      out_bill_no: input.out_bill_no,
      transfer_scene_id: input.transfer_scene_id,
      openid: input.openid,
      ...(input.user_name === undefined || key === undefined ? {} : { user_name: encryptSensitiveField(input.user_name, key.publicKey) }),
      transfer_amount: input.transfer_amount,
      transfer_remark: input.transfer_remark,
      ...(notifyUrl === undefined ? {} : { notify_url: notifyUrl }),
      ...(input.user_recv_perception === undefined ? {} : { user_recv_perception: input.user_recv_perception }),
      transfer_scene_report_infos: input.transfer_scene_report_infos.map((i) => ({ info_type: i.info_type, info_content: i.info_content })),
    };
    const answer = this.expectObject<CreateTransferBillResponse>(await this.call('POST', '/v3/fund-app/mch-transfer/transfer-bills', body, key?.serial));
    if (answer.out_bill_no !== input.out_bill_no || typeof answer.state !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the transfer bill asked for' });
    }
    return answer;
  }

  /** `GET /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}` */
  async queryTransferBill(outBillNo: string): Promise<TransferBill> {
    assertOutBillNo(outBillNo);
    const answer = this.expectObject<TransferBill>(await this.call('GET', `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${outBillNo}`));
    if (answer.out_bill_no !== outBillNo || typeof answer.state !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the transfer bill asked for' });
    }
    return answer;
  }

  /** `POST …/out-bill-no/{out_bill_no}/cancel` (body `{}`: the signer signs a JSON body): only before the money moved (ACCEPTED … WAIT_USER_CONFIRM); → CANCELING, then CANCELLED. */
  async cancelTransferBill(outBillNo: string): Promise<CancelTransferBillResponse> {
    assertOutBillNo(outBillNo);
    const answer = this.expectObject<CancelTransferBillResponse>(await this.call('POST', `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${outBillNo}/cancel`, {}));
    if (answer.out_bill_no !== outBillNo || typeof answer.state !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the transfer bill asked for' });
    }
    return answer;
  }

  // ------------------------------------------------------------ internals

  private orderPath(outOrderNo: string, action: string): string {
    // The charset check makes encoding a no-op; keep it so a future charset change cannot break signatures.
    return `/v3/payscore/serviceorder/${encodeURIComponent(outOrderNo)}/${action}`;
  }

  private guard(current: KnownOrder, operation: 'cancel' | 'complete' | 'modify' | 'pay' | 'sync', ctx: TransitionContext = {}): void {
    const phase = typeof current === 'string' ? current : phaseOf(current);
    assertTransition(phase, operation, { cancelWhileUserPaying: this.options.cancelWhileUserPaying, ...ctx });
  }

  /**
   * Runs `attempt`; when WeChat refuses it with one of `refusals`, queries the order and, if `done(order)`
   * shows the operation already took effect (an earlier attempt or process), answers `toResult(order)`.
   */
  private async withReentry<T>(
    attempt: () => Promise<T>,
    query: QueryOrderInput,
    done: (order: ServiceOrder) => boolean,
    toResult: (order: ServiceOrder) => T,
    refusals: readonly PayScoreErrorCode[] = ['PAYSCORE_INVALID_ORDER_STATE'],
  ): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (!isPayScoreError(error) || !refusals.includes(error.code)) throw error;
      // the query names the same appid and service_id as the refused call (a client serving several services has no default)
      const order = await this.queryOrder(query);
      let finished: boolean;
      try {
        finished = done(order);
      } catch (cause) {
        // the order is in a state this library does not know: whether the refused call took effect is unknown
        // (never a refusal: the call was sent), so the caller retries or queries later instead of concluding
        throw new PayScoreError('PAYSCORE_UNKNOWN_ORDER_STATE', { retryable: true, message: `the re-entry query answered an unknown order state (${order.state}/${order.state_description ?? ''})`, detail: order, cause });
      }
      if (finished) return toResult(order);
      throw error;
    }
  }

  private expectObject<T>(answer: unknown): T {
    if (!isObject(answer)) throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'expected a JSON object answer' });
    return answer as T;
  }

  private expectOrder(answer: unknown, outOrderNo: string | undefined): ServiceOrder {
    const order = this.expectObject<ServiceOrder>(answer);
    if (typeof order.state !== 'string' || typeof order.out_order_no !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not a service order (no state / out_order_no)' });
    }
    if (outOrderNo !== undefined && order.out_order_no !== outOrderNo) {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: `asked for ${outOrderNo}, WeChat answered ${order.out_order_no}` });
    }
    return order;
  }

  /** The key sensitive fields are encrypted under (see {@link PayScoreClientOptions.encryptionKey}). */
  private encryptionKey(): EncryptionKey {
    if (this.options.encryptionKey) return this.options.encryptionKey;
    const serial = this.options.wechatpaySerial;
    const bySerial = serial === undefined ? undefined : this.keys(serial);
    if (serial !== undefined && bySerial) return { serial, publicKey: bySerial };
    const table = this.options.platformKeys;
    if (typeof table !== 'function') {
      const entries = table instanceof Map ? [...table.entries()] : Object.entries(table);
      const pick = entries.length === 1 ? entries[0] : entries.find(([id]) => id.startsWith('PUB_KEY_ID_'));
      if (pick) return { serial: pick[0], publicKey: pick[1] };
    }
    throw new PayScoreError('PAYSCORE_CONFIG_INVALID', {
      message: 'no key to encrypt sensitive fields with: set encryptionKey (or wechatpaySerial naming a key of platformKeys)',
    });
  }

  private expectSharingOrder(answer: unknown, outOrderNo: string): ProfitSharingOrder {
    const order = this.expectObject<ProfitSharingOrder>(answer);
    if (order.out_order_no !== outOrderNo || typeof order.state !== 'string' || typeof order.order_id !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the profit-sharing order asked for' });
    }
    return order;
  }

  private expectReturn(answer: unknown, outReturnNo: string): ProfitSharingReturn {
    const ret = this.expectObject<ProfitSharingReturn>(answer);
    if (ret.out_return_no !== outReturnNo || typeof ret.result !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the return asked for' });
    }
    return ret;
  }

  private expectRefund(answer: unknown, outRefundNo: string): Refund {
    const refund = this.expectObject<Refund>(answer);
    if (refund.out_refund_no !== outRefundNo || typeof refund.status !== 'string') {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { message: 'the answer is not the refund asked for' });
    }
    return refund;
  }

  /** One API call with retries; returns the verified, parsed JSON body (undefined for an empty body). */
  private async call(method: HttpMethod, pathAndQuery: string, body?: object, wechatpaySerial?: string, options: CallOptions = {}): Promise<unknown> {
    const bodyText = body === undefined ? undefined : JSON.stringify(body);
    if (bodyText !== undefined && /[\u{10000}-\u{10FFFF}]/u.test(bodyText)) {
      // WeChat accepts only 1–3 byte UTF-8 characters (§2.1): no emoji.
      throw invalid('the request contains a 4-byte UTF-8 character (emoji), which WeChat refuses');
    }
    const policy = options.singleAttempt ? { ...this.retryPolicy, maxAttempts: 1 } : this.retryPolicy;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, pathAndQuery, bodyText, wechatpaySerial);
      } catch (error) {
        const e = isPayScoreError(error) ? error : new PayScoreError('PAYSCORE_NETWORK_ERROR', { retryable: true, cause: error });
        const autoRetry = e.retryable && (e.retryAfterMs === undefined || e.retryAfterMs <= policy.maxDelayMs);
        if (!autoRetry || attempt >= policy.maxAttempts) throw e;
        await this.sleep(backoffDelayMs(attempt, policy, this.random));
      }
    }
  }

  private async once(method: HttpMethod, pathAndQuery: string, bodyText: string | undefined, wechatpaySerial?: string): Promise<unknown> {
    const url = this.baseUrl + pathAndQuery;
    const parsedUrl = new URL(url);
    // The signature covers the path + query as the server receives them (a base URL may carry a prefix).
    const signedPath = parsedUrl.pathname + parsedUrl.search;
    const timestamp = Math.floor(epochMs(this.now) / 1000);
    const authorization = this.signer({ method, pathAndQuery: signedPath, body: bodyText, timestamp, nonce: this.nonce() });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent ?? 'zizhu-payscore/0.1 (node)',
      Authorization: authorization,
    };
    if (bodyText !== undefined) headers['Content-Type'] = 'application/json';
    // a request carrying encrypted fields names the key they were encrypted under
    const serial = wechatpaySerial ?? this.options.wechatpaySerial;
    if (serial) headers['Wechatpay-Serial'] = serial;

    let response: HttpResponse;
    try {
      response = await this.transport(bodyText === undefined ? { method, url, headers } : { method, url, headers, body: bodyText });
    } catch (error) {
      if (isPayScoreError(error)) throw error;
      throw new PayScoreError('PAYSCORE_NETWORK_ERROR', { retryable: true, cause: error, message: `transport failed: ${String(error)}` });
    }

    return this.verifiedAnswer(method, pathAndQuery, response);
  }

  /** Verifies an answer's signature (always for 2xx, and for signed errors), maps errors, parses the JSON body. */
  private verifiedAnswer(method: HttpMethod, pathAndQuery: string, response: HttpResponse): unknown {
    const requestId = headerValue(response.headers, 'Request-ID');
    const success = response.status >= 200 && response.status < 300;
    const signed = headerValue(response.headers, 'Wechatpay-Signature') !== undefined;
    let verified = false;
    if (success || signed || this.options.requireSignedErrors) {
      const check = checkWechatpaySignature(
        { headers: response.headers, body: response.body },
        { platformKeys: this.keys, nowMs: epochMs(this.now), maxSkewSeconds: this.options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS },
      );
      if (!check.ok) {
        throw new PayScoreError(RESPONSE_FAILURE_CODES[check.reason], {
          httpStatus: response.status,
          requestId,
          detail: { serial: check.serial, method, path: pathAndQuery },
          message: `${RESPONSE_FAILURE_CODES[check.reason]}: ${method} ${pathAndQuery} answered ${response.status}`,
        });
      }
      verified = true;
    }
    if (!success || response.status === 202) throw this.mapError(response, requestId, verified);
    if (response.body === '') return undefined;
    try {
      return JSON.parse(response.body) as unknown;
    } catch (cause) {
      throw new PayScoreError('PAYSCORE_RESPONSE_MALFORMED', { httpStatus: response.status, requestId, cause, message: 'the answer is not JSON' });
    }
  }

  private mapError(response: HttpResponse, requestId: string | undefined, verified: boolean): PayScoreError {
    return errorFromWechatResponse(response.status, response.body, { requestId, verified });
  }
}

