/**
 * WeChat Pay Score v3 wire types, snake_case exactly as on the wire (payscore-protocol.md §3, §4, §7).
 * Amounts are integer fen. Shared with apps/payscore-sim.
 */

export type PayScoreState = 'CREATED' | 'DOING' | 'DONE' | 'REVOKED' | 'EXPIRED';
/** Only present when `state === 'DOING'`. */
export type StateDescription = 'USER_CONFIRM' | 'MCH_COMPLETE';
export type RiskFundName = 'DEPOSIT' | 'ADVANCE' | 'CASH_DEPOSIT' | 'ESTIMATE_ORDER_COST';
export type CollectionState = 'USER_PAYING' | 'USER_PAID';
/** `NEWTON`: collected through Pay Score; `MCH`: collected by the merchant (sync). */
export type PaidType = 'NEWTON' | 'MCH';

export interface PostPayment {
  /** 1..20 chars; unique per order except `"商品信息"`. */
  name: string;
  /** Fen, ≥ 0. Some industry templates forbid it (§9.6). */
  amount?: number;
  description?: string;
  /** 1..100, display only. */
  count?: number;
}

export interface PostDiscount {
  name: string;
  description: string;
  amount?: number;
  count?: number;
}

export interface TimeRange {
  /** `yyyyMMddHHmmss` | `yyyyMMdd` | `OnAccept` (create only), Beijing time. */
  start_time: string;
  start_time_remark?: string;
  end_time?: string;
  end_time_remark?: string;
}

export interface Location {
  start_location?: string;
  end_location?: string;
}

export interface RiskFund {
  name: RiskFundName;
  /** Fen, > 0. */
  amount: number;
  description?: string;
}

export interface Device {
  start_device_id?: string;
  end_device_id?: string;
  materiel_no?: string;
}

export interface PromotionGoodsDetail {
  goods_id: string;
  quantity?: number;
  unit_price?: number;
  discount_amount?: number;
  goods_remark?: string;
}

export interface PromotionDetail {
  coupon_id: string;
  name?: string;
  scope?: 'GLOBAL' | 'SINGLE';
  type?: 'CASH' | 'NOCASH';
  amount: number;
  stock_id?: string;
  wechatpay_contribute?: number;
  merchant_contribute?: number;
  other_contribute?: number;
  currency?: string;
  goods_detail?: PromotionGoodsDetail[];
}

export interface CollectionDetail {
  seq?: number;
  amount: number;
  paid_type?: PaidType;
  /** `yyyyMMddHHmmss`. */
  paid_time: string;
  /** Present for NEWTON payments with amount > 0; refunds use it. */
  transaction_id?: string;
  promotion_detail?: PromotionDetail[];
}

export interface Collection {
  state: CollectionState;
  total_amount?: number;
  paying_amount?: number;
  paid_amount?: number;
  details?: CollectionDetail[];
  bank_type?: string;
}

/** The service order as WeChat returns it (create, query, complete, modify, sync, callbacks). */
export interface ServiceOrder {
  appid: string;
  mchid: string;
  out_order_no: string;
  service_id: string;
  service_introduction: string;
  state: PayScoreState;
  state_description?: StateDescription;
  total_amount?: number;
  post_payments?: PostPayment[];
  post_discounts?: PostDiscount[];
  risk_fund: RiskFund;
  time_range?: TimeRange;
  location?: Location;
  attach?: string;
  notify_url?: string;
  order_id: string;
  openid?: string;
  need_collection?: boolean;
  collection?: Collection;
  device?: Device;
  /** Create response only (confirmation mode): opaque, single-use. */
  package?: string;
}

// ---------------------------------------------------------------- requests

/** `POST /v3/payscore/serviceorder` */
export interface CreateServiceOrderRequest {
  out_order_no: string;
  appid: string;
  service_id: string;
  service_introduction: string;
  post_payments?: PostPayment[];
  post_discounts?: PostDiscount[];
  time_range: TimeRange;
  location?: Location;
  risk_fund: RiskFund;
  attach?: string;
  notify_url: string;
  /** `true` or omitted in confirmation mode. */
  need_user_confirm?: boolean;
  openid?: string;
  device?: Device;
}

/** `GET /v3/payscore/serviceorder?…` — exactly one of `out_order_no` / `query_id`. */
export type QueryServiceOrderParams =
  | { out_order_no: string; query_id?: never; service_id: string; appid: string }
  | { query_id: string; out_order_no?: never; service_id: string; appid: string };

/** `POST /v3/payscore/serviceorder/{out_order_no}/cancel` */
export interface CancelServiceOrderRequest {
  appid: string;
  service_id: string;
  /** ≤ 50 chars, shown to the user. A re-entry must repeat it exactly. */
  reason: string;
}

export interface CancelServiceOrderResponse {
  appid: string;
  mchid?: string;
  out_order_no: string;
  service_id: string;
  order_id: string;
}

/** `POST /v3/payscore/serviceorder/{out_order_no}/complete` */
export interface CompleteServiceOrderRequest {
  appid: string;
  service_id: string;
  post_payments: PostPayment[];
  post_discounts?: PostDiscount[];
  /** Must equal Σpost_payments.amount − Σpost_discounts.amount. */
  total_amount: number;
  time_range?: Partial<TimeRange>;
  location?: Pick<Location, 'end_location'>;
  profit_sharing?: boolean;
  goods_tag?: string;
  device?: Device;
}

/** `POST /v3/payscore/serviceorder/{out_order_no}/modify` */
export interface ModifyServiceOrderRequest {
  appid: string;
  service_id: string;
  post_payments: PostPayment[];
  post_discounts?: PostDiscount[];
  /** Strictly below the previous amount. */
  total_amount: number;
  reason: string;
  device?: Device;
}

/** `POST /v3/payscore/serviceorder/{out_order_no}/pay` */
export interface PayServiceOrderRequest {
  appid: string;
  service_id: string;
}

export interface PayServiceOrderResponse {
  appid: string;
  mchid?: string;
  out_order_no: string;
  service_id: string;
  order_id: string;
}

/** `POST /v3/payscore/serviceorder/{out_order_no}/sync` */
export interface SyncServiceOrderRequest {
  appid: string;
  service_id: string;
  type: 'Order_Paid';
  detail: { paid_time: string };
}

// ---------------------------------------------------------------- refunds

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
export type RefundChannel = 'ORIGINAL' | 'BALANCE' | 'OTHER_BALANCE' | 'OTHER_BANKCARD';
export type FundsAccount = 'UNSETTLED' | 'AVAILABLE' | 'UNAVAILABLE' | 'OPERATION' | 'BASIC' | 'ECNY_BASIC';

export interface RefundAmountFrom {
  account: 'AVAILABLE' | 'UNAVAILABLE';
  amount: number;
}

/** `POST /v3/refund/domestic/refunds` (Pay Score orders: by `transaction_id` only). */
export interface CreateRefundRequest {
  transaction_id: string;
  out_refund_no: string;
  reason?: string;
  notify_url?: string;
  funds_account?: 'AVAILABLE' | 'UNSETTLED';
  amount: { refund: number; total: number; currency: 'CNY'; from?: RefundAmountFrom[] };
  goods_detail?: {
    merchant_goods_id: string;
    wechatpay_goods_id?: string;
    goods_name?: string;
    unit_price: number;
    refund_amount: number;
    refund_quantity: number;
  }[];
}

export interface Refund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no?: string;
  channel?: RefundChannel;
  user_received_account?: string;
  success_time?: string;
  create_time?: string;
  status: RefundStatus;
  funds_account?: FundsAccount;
  amount: {
    total: number;
    refund: number;
    from?: RefundAmountFrom[];
    payer_total?: number;
    payer_refund?: number;
    settlement_refund?: number;
    settlement_total?: number;
    discount_refund?: number;
    currency?: string;
    refund_fee?: number;
  };
  promotion_detail?: unknown[];
}

// ---------------------------------------------------------------- callbacks

export type PayScoreEventType = 'PAYSCORE.USER_CONFIRM' | 'PAYSCORE.USER_PAID';
export type RefundEventType = 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';
export type NotificationEventType = PayScoreEventType | RefundEventType;

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  /** Base64(ciphertext ‖ 16-byte tag). */
  ciphertext: string;
  /** 12 ASCII characters. */
  nonce: string;
  /** May be `""` (Pay Score examples). */
  associated_data?: string;
  /** `payscore` or `refund`. */
  original_type: string;
}

/** The JSON body WeChat POSTs to `notify_url` (§7.1). */
export interface NotificationEnvelope {
  id: string;
  create_time: string;
  resource_type: 'encrypt-resource';
  event_type: string;
  summary: string;
  resource: EncryptedResource;
}

/** Decrypted resource of `REFUND.*` notifications. */
export interface RefundNotificationResource {
  mchid: string;
  transaction_id: string;
  out_trade_no?: string;
  refund_id: string;
  out_refund_no: string;
  refund_status: RefundStatus;
  success_time?: string;
  user_received_account?: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

/** WeChat's error body (§8.1). */
export interface WechatErrorBody {
  code: string;
  message: string;
  detail?: unknown;
}

// ---------------------------------------------------------------- profit sharing (分账), direct merchant
// wechatpay-bills-sharing-complaints.md §2.3. Amounts are integer fen.

export type ProfitSharingReceiverType = 'MERCHANT_ID' | 'PERSONAL_OPENID';
export type ProfitSharingRelationType =
  | 'SERVICE_PROVIDER'
  | 'STORE'
  | 'STAFF'
  | 'STORE_OWNER'
  | 'PARTNER'
  | 'HEADQUARTER'
  | 'BRAND'
  | 'DISTRIBUTOR'
  | 'USER'
  | 'SUPPLIER'
  | 'CUSTOM';

/** `POST /v3/profitsharing/receivers/add` (`name` is the RSA-OAEP ciphertext; header `Wechatpay-Serial`). */
export interface AddProfitSharingReceiverRequest {
  appid: string;
  type: ProfitSharingReceiverType;
  account: string;
  name?: string;
  relation_type: ProfitSharingRelationType;
  custom_relation?: string;
}

export interface AddProfitSharingReceiverResponse {
  type: ProfitSharingReceiverType;
  account: string;
  name?: string;
  relation_type: ProfitSharingRelationType;
  custom_relation?: string;
}

/** `POST /v3/profitsharing/receivers/delete` */
export interface DeleteProfitSharingReceiverRequest {
  appid: string;
  type: ProfitSharingReceiverType;
  account: string;
}

export interface DeleteProfitSharingReceiverResponse {
  type: ProfitSharingReceiverType;
  account: string;
}

export interface ProfitSharingOrderReceiverRequest {
  type: ProfitSharingReceiverType;
  account: string;
  /** Fen. */
  amount: number;
  description: string;
  /** RSA-OAEP ciphertext (optional; a personal receiver's real name, checked when sent). */
  name?: string;
}

/** `POST /v3/profitsharing/orders` */
export interface CreateProfitSharingOrderRequest {
  appid?: string;
  transaction_id: string;
  out_order_no: string;
  receivers: ProfitSharingOrderReceiverRequest[];
  unfreeze_unsplit: boolean;
}

/** `FINISHED` is not success: check each receiver's `result`. */
export type ProfitSharingOrderState = 'PROCESSING' | 'FINISHED';
export type ProfitSharingReceiverResult = 'PENDING' | 'SUCCESS' | 'CLOSED';
export type ProfitSharingFailReason =
  | 'ACCOUNT_ABNORMAL'
  | 'NO_RELATION'
  | 'RECEIVER_HIGH_RISK'
  | 'RECEIVER_REAL_NAME_NOT_VERIFIED'
  | 'NO_AUTH'
  | 'RECEIVER_RECEIPT_LIMIT'
  | 'PAYER_ACCOUNT_ABNORMAL'
  | 'INVALID_REQUEST'
  | (string & {});

export interface ProfitSharingOrderReceiver {
  amount: number;
  description: string;
  type: ProfitSharingReceiverType;
  account: string;
  result: ProfitSharingReceiverResult;
  fail_reason?: ProfitSharingFailReason;
  detail_id: string;
  create_time: string;
  finish_time?: string;
}

/** The answer of create / query / unfreeze (OrdersEntity). */
export interface ProfitSharingOrder {
  transaction_id: string;
  out_order_no: string;
  order_id: string;
  state: ProfitSharingOrderState;
  receivers?: ProfitSharingOrderReceiver[];
}

/** `POST /v3/profitsharing/orders/unfreeze` (a NEW `out_order_no`). */
export interface UnfreezeProfitSharingRequest {
  transaction_id: string;
  out_order_no: string;
  description: string;
}

/** `POST /v3/profitsharing/return-orders`: one of `out_order_no` / `order_id`. */
export interface CreateProfitSharingReturnRequest {
  out_order_no?: string;
  order_id?: string;
  out_return_no: string;
  return_mchid: string;
  amount: number;
  description: string;
}

export type ProfitSharingReturnResult = 'PROCESSING' | 'SUCCESS' | 'FAILED';
export type ProfitSharingReturnFailReason =
  | 'ACCOUNT_ABNORMAL'
  | 'BALANCE_NOT_ENOUGH'
  | 'TIME_OUT_CLOSED'
  | 'PAYER_ACCOUNT_ABNORMAL'
  | 'INVALID_REQUEST'
  | (string & {});

export interface ProfitSharingReturn {
  order_id: string;
  out_order_no: string;
  out_return_no: string;
  return_id: string;
  return_mchid: string;
  amount: number;
  description: string;
  result: ProfitSharingReturnResult;
  fail_reason?: ProfitSharingReturnFailReason;
  create_time: string;
  finish_time?: string;
}

/** `GET /v3/profitsharing/transactions/{transaction_id}/amounts` */
export interface ProfitSharingUnsplitAmount {
  transaction_id: string;
  unsplit_amount: number;
}

/** Decrypted resource of `PROFITSHARING.SUCCESS` / `PROFITSHARING.RETURN` (sent to the receiver only). */
export interface ProfitSharingNotificationResource {
  mchid: string;
  transaction_id: string;
  order_id: string;
  out_order_no: string;
  out_return_no?: string;
  return_id?: string;
  receiver: { type: ProfitSharingReceiverType; account: string; amount: number; description: string };
  success_time: string;
}

// ---------------------------------------------------------------- merchant transfer (商家转账), §7

export interface TransferSceneReportInfo {
  info_type: string;
  info_content: string;
}

/** `POST /v3/fund-app/mch-transfer/transfer-bills` (`user_name` is RSA-OAEP ciphertext; header `Wechatpay-Serial`). */
export interface CreateTransferBillRequest {
  appid: string;
  out_bill_no: string;
  transfer_scene_id: string;
  openid: string;
  user_name?: string;
  /** Fen. */
  transfer_amount: number;
  transfer_remark: string;
  notify_url?: string;
  user_recv_perception?: string;
  transfer_scene_report_infos: TransferSceneReportInfo[];
}

export type TransferBillState =
  | 'ACCEPTED'
  | 'PROCESSING'
  | 'WAIT_USER_CONFIRM'
  | 'TRANSFERING'
  | 'SUCCESS'
  | 'FAIL'
  | 'CANCELING'
  | 'CANCELLED';

export interface CreateTransferBillResponse {
  out_bill_no: string;
  transfer_bill_no: string;
  create_time: string;
  state: TransferBillState;
  fail_reason?: string;
  /** Only in WAIT_USER_CONFIRM: the `package` of `wx.requestMerchantTransfer`. */
  package_info?: string;
}

/** `GET /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}` and the transfer callback's resource. */
export interface TransferBill {
  mch_id: string;
  out_bill_no: string;
  transfer_bill_no: string;
  appid: string;
  state: TransferBillState;
  transfer_amount: number;
  transfer_remark: string;
  fail_reason?: string;
  openid: string;
  user_name?: string;
  create_time: string;
  update_time: string;
}

/** Decrypted resource of `MCHTRANSFER.BILL.FINISHED`. */
export interface TransferBillNotificationResource {
  out_bill_no: string;
  transfer_bill_no: string;
  state: 'SUCCESS' | 'FAIL' | 'CANCELLED';
  mch_id: string;
  transfer_amount: number;
  openid: string;
  fail_reason?: string;
  create_time: string;
  update_time: string;
}

/** `POST …/out-bill-no/{out_bill_no}/cancel` */
export interface CancelTransferBillResponse {
  out_bill_no: string;
  transfer_bill_no: string;
  state: 'CANCELING' | 'CANCELLED';
  update_time: string;
}
