/**
 * Callbacks (payscore-protocol.md §7): verify over the raw body bytes, check the 300 s window,
 * decrypt AEAD_AES_256_GCM with the APIv3 key (auth tag checked), parse into typed events.
 */
import { decryptAeadAes256Gcm, encryptAeadAes256Gcm } from './aead.js';
import { epochMs, randomAlphanumeric, randomNonce, rfc3339Beijing, type Clock, type NonceGenerator } from './clock.js';
import { PayScoreError, type PayScoreErrorCode } from './errors.js';
import {
  checkWechatpaySignature,
  DEFAULT_MAX_SKEW_SECONDS,
  platformKeyLookup,
  signWechatpayMessage,
  type HeaderBag,
  type PlatformKeyLookup,
  type PlatformKeys,
  type PrivateKeyInput,
  type SignatureFailure,
  type WechatpaySignatureHeaders,
} from './signature.js';
import type {
  NotificationEnvelope,
  NotificationEventType,
  RefundEventType,
  RefundNotificationResource,
  ServiceOrder,
  ProfitSharingNotificationResource,
  TransferBillNotificationResource,
} from './wire-types.js';
import type { ComplaintNotificationResource } from './complaints.js';

interface EventMeta {
  /** Notification id (`EV-…`): with `eventType`, an idempotency key. */
  id: string;
  createTime: string;
  summary: string;
  /** The `Wechatpay-Serial` the notification was verified under. */
  serial: string;
}

export interface UserConfirmEvent extends EventMeta {
  eventType: 'PAYSCORE.USER_CONFIRM';
  order: ServiceOrder;
}

export interface UserPaidEvent extends EventMeta {
  eventType: 'PAYSCORE.USER_PAID';
  order: ServiceOrder;
}

export interface RefundEvent extends EventMeta {
  eventType: RefundEventType;
  refund: RefundNotificationResource;
}

export type PayScoreNotification = UserConfirmEvent | UserPaidEvent | RefundEvent;

/**
 * 分账动账通知, sent to a MERCHANT_ID receiver only: `PROFITSHARING.SUCCESS` / `PROFITSHARING.RETURN`, or `TRANSACTION.SUCCESS`
 * on some accounts (wechatpay-bills-sharing-complaints.md §2.5) — `kind` tells a split from a return by the summary then.
 */
export interface ProfitSharingEvent extends EventMeta {
  eventType: 'PROFITSHARING.SUCCESS' | 'PROFITSHARING.RETURN' | 'TRANSACTION.SUCCESS';
  kind: 'SPLIT' | 'RETURN';
  profitSharing: ProfitSharingNotificationResource;
}

/** `MCHTRANSFER.BILL.FINISHED`: a merchant transfer reached SUCCESS, FAIL or CANCELLED (§7). */
export interface TransferBillEvent extends EventMeta {
  eventType: 'MCHTRANSFER.BILL.FINISHED';
  transfer: TransferBillNotificationResource;
}

export type FundNotification = ProfitSharingEvent | TransferBillEvent;

/**
 * A complaint notification (wechatpay-bills-sharing-complaints.md §3.3): `COMPLAINT.CREATE` for a new complaint,
 * `COMPLAINT.STATE_CHANGE` for everything after; switch on `complaint.action_type`, then read the detail / history.
 * Idempotency key: `id` + `complaint.complaint_id` + `complaint.action_type`.
 */
export interface ComplaintEvent extends EventMeta {
  eventType: 'COMPLAINT.CREATE' | 'COMPLAINT.STATE_CHANGE';
  complaint: ComplaintNotificationResource;
}

export interface NotificationInput {
  headers: HeaderBag;
  /** The body exactly as received. A parsed object is refused (`PAYSCORE_NOTIFY_BODY_NOT_RAW`). */
  rawBody: Buffer | string;
}

export interface NotificationVerifyOptions {
  platformKeys: PlatformKeys | PlatformKeyLookup;
  apiV3Key: string;
  now: Clock | Date | number;
  /** Default 300. */
  maxSkewSeconds?: number;
}

const FAILURE_CODES: Record<SignatureFailure, PayScoreErrorCode> = {
  'missing-headers': 'PAYSCORE_NOTIFY_MISSING_HEADERS',
  'unknown-serial': 'PAYSCORE_NOTIFY_UNKNOWN_SERIAL',
  stale: 'PAYSCORE_NOTIFY_STALE',
  'bad-signature': 'PAYSCORE_NOTIFY_BAD_SIGNATURE',
  reserialised: 'PAYSCORE_NOTIFY_BODY_RESERIALISED',
};

const SUPPORTED: readonly NotificationEventType[] = [
  'PAYSCORE.USER_CONFIRM',
  'PAYSCORE.USER_PAID',
  'REFUND.SUCCESS',
  'REFUND.ABNORMAL',
  'REFUND.CLOSED',
];

function malformed(message: string, detail?: unknown): PayScoreError {
  return new PayScoreError('PAYSCORE_NOTIFY_MALFORMED', { message, detail });
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Verify + decrypt, shared by every kind of callback: the event type, the envelope's metadata and the decrypted object. */
function openNotification(input: NotificationInput, options: NotificationVerifyOptions): { eventType: string; meta: EventMeta; payload: Record<string, unknown> } {
  const rawBody: unknown = input.rawBody;
  if (typeof rawBody !== 'string' && !Buffer.isBuffer(rawBody)) {
    throw new PayScoreError('PAYSCORE_NOTIFY_BODY_NOT_RAW', {
      message: 'pass the raw request body (Buffer or string), not a parsed object: the signature covers the exact bytes',
    });
  }
  const keys = typeof options.platformKeys === 'function' ? options.platformKeys : platformKeyLookup(options.platformKeys);
  const check = checkWechatpaySignature(
    { headers: input.headers, body: rawBody },
    { platformKeys: keys, nowMs: epochMs(options.now), maxSkewSeconds: options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS },
  );
  if (!check.ok) throw new PayScoreError(FAILURE_CODES[check.reason], { detail: { serial: check.serial } });

  let envelope: unknown;
  try {
    envelope = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch (cause) {
    throw new PayScoreError('PAYSCORE_NOTIFY_MALFORMED', { message: 'the notification body is not JSON', cause });
  }
  if (!isObject(envelope) || typeof envelope['event_type'] !== 'string' || typeof envelope['id'] !== 'string') {
    throw malformed('the notification envelope lacks id / event_type');
  }
  const resource = envelope['resource'];
  if (
    !isObject(resource) ||
    resource['algorithm'] !== 'AEAD_AES_256_GCM' ||
    typeof resource['ciphertext'] !== 'string' ||
    typeof resource['nonce'] !== 'string' ||
    (resource['associated_data'] !== undefined && typeof resource['associated_data'] !== 'string')
  ) {
    throw malformed('the notification resource is not an AEAD_AES_256_GCM encrypted resource');
  }
  const plaintext = decryptAeadAes256Gcm(
    {
      ciphertext: resource['ciphertext'],
      nonce: resource['nonce'],
      associatedData: resource['associated_data'] as string | undefined,
    },
    options.apiV3Key,
  );
  let payload: unknown;
  try {
    payload = JSON.parse(plaintext);
  } catch (cause) {
    throw new PayScoreError('PAYSCORE_NOTIFY_MALFORMED', { message: 'the decrypted resource is not JSON', cause });
  }
  if (!isObject(payload)) throw malformed('the decrypted resource is not a JSON object');

  const eventType = envelope['event_type'];
  const meta: EventMeta = {
    id: envelope['id'],
    createTime: typeof envelope['create_time'] === 'string' ? envelope['create_time'] : '',
    summary: typeof envelope['summary'] === 'string' ? envelope['summary'] : '',
    serial: check.serial,
  };
  return { eventType, meta, payload };
}

/**
 * Verifies, decrypts and parses one WeChat callback. Throws a {@link PayScoreError} whose `code` names
 * the rejection: `PAYSCORE_NOTIFY_BODY_NOT_RAW`, `…_MISSING_HEADERS`, `…_UNKNOWN_SERIAL`, `…_STALE`,
 * `…_BAD_SIGNATURE` (tampered / forged / `WECHATPAY/SIGNTEST/` probe), `…_BODY_RESERIALISED`,
 * `…_MALFORMED`, `…_DECRYPT_FAILED`, or `…_UNSUPPORTED_EVENT` (authentic but not parsed here: the
 * receiver may acknowledge it). Answer WeChat non-2xx on any other code.
 */
export function verifyAndDecryptNotification(input: NotificationInput, options: NotificationVerifyOptions): PayScoreNotification {
  const { eventType, meta, payload } = openNotification(input, options);
  if (eventType === 'PAYSCORE.USER_CONFIRM' || eventType === 'PAYSCORE.USER_PAID') {
    if (typeof payload['out_order_no'] !== 'string' || typeof payload['state'] !== 'string') {
      throw malformed(`${eventType} resource lacks out_order_no / state`);
    }
    return { ...meta, eventType, order: payload as unknown as ServiceOrder };
  }
  if (eventType === 'REFUND.SUCCESS' || eventType === 'REFUND.ABNORMAL' || eventType === 'REFUND.CLOSED') {
    if (typeof payload['out_refund_no'] !== 'string' || typeof payload['refund_status'] !== 'string') {
      throw malformed(`${eventType} resource lacks out_refund_no / refund_status`);
    }
    return { ...meta, eventType, refund: payload as unknown as RefundNotificationResource };
  }
  throw new PayScoreError('PAYSCORE_NOTIFY_UNSUPPORTED_EVENT', {
    message: `authentic notification of unsupported event type ${eventType}`,
    detail: { eventType, id: meta.id, resource: payload, supported: SUPPORTED },
  });
}

/**
 * Verifies, decrypts and parses a profit-sharing (分账动账通知) or merchant-transfer callback, with the same rejections as
 * {@link verifyAndDecryptNotification}; a Pay Score or refund callback here is `PAYSCORE_NOTIFY_UNSUPPORTED_EVENT`.
 */
export function verifyAndDecryptFundNotification(input: NotificationInput, options: NotificationVerifyOptions): FundNotification {
  const { eventType, meta, payload } = openNotification(input, options);
  if (eventType === 'PROFITSHARING.SUCCESS' || eventType === 'PROFITSHARING.RETURN' || (eventType === 'TRANSACTION.SUCCESS' && /分账/.test(meta.summary))) {
    const receiver = payload['receiver'];
    if (typeof payload['transaction_id'] !== 'string' || typeof payload['out_order_no'] !== 'string' || !isObject(receiver) || typeof receiver['amount'] !== 'number') {
      throw malformed(`${eventType} resource lacks transaction_id / out_order_no / receiver.amount`);
    }
    const kind = eventType === 'PROFITSHARING.RETURN' || /回退/.test(meta.summary) ? 'RETURN' : 'SPLIT';
    return { ...meta, eventType, kind, profitSharing: payload as unknown as ProfitSharingNotificationResource };
  }
  if (eventType === 'MCHTRANSFER.BILL.FINISHED') {
    if (typeof payload['out_bill_no'] !== 'string' || typeof payload['state'] !== 'string') throw malformed(`${eventType} resource lacks out_bill_no / state`);
    return { ...meta, eventType, transfer: payload as unknown as TransferBillNotificationResource };
  }
  throw new PayScoreError('PAYSCORE_NOTIFY_UNSUPPORTED_EVENT', {
    message: `authentic notification of event type ${eventType}, not a profit-sharing or transfer event`,
    detail: { eventType, id: meta.id, resource: payload },
  });
}

/** Verifies and decrypts a complaint notification (the same checks and rejection codes as {@link verifyAndDecryptNotification}). */
export function verifyAndDecryptComplaintNotification(input: NotificationInput, options: NotificationVerifyOptions): ComplaintEvent {
  const { eventType, meta, payload } = openNotification(input, options);
  if (eventType === 'COMPLAINT.CREATE' || eventType === 'COMPLAINT.STATE_CHANGE') {
    if (typeof payload['complaint_id'] !== 'string' || typeof payload['action_type'] !== 'string') {
      throw malformed(`${eventType} resource lacks complaint_id / action_type`);
    }
    return { ...meta, eventType, complaint: payload as ComplaintNotificationResource };
  }
  throw new PayScoreError('PAYSCORE_NOTIFY_UNSUPPORTED_EVENT', {
    message: `authentic notification of event type ${eventType}, not a complaint event`,
    detail: { eventType, id: meta.id, resource: payload },
  });
}

const SUMMARIES: Record<NotificationEventType, string> = {
  'PAYSCORE.USER_CONFIRM': '确认订单',
  'PAYSCORE.USER_PAID': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

export interface BuildNotificationInput {
  eventType: NotificationEventType | (string & {});
  /** The plaintext resource: a ServiceOrder for PAYSCORE.*, a refund resource for REFUND.*. */
  resource: object;
  id?: string;
  summary?: string;
  /** Default `""` as in the Pay Score examples. */
  associatedData?: string;
  /** Default `payscore` / `refund` by event type. */
  originalType?: string;
}

export interface BuildNotificationOptions {
  platformPrivateKey: PrivateKeyInput;
  /** The `Wechatpay-Serial`: platform certificate serial or `PUB_KEY_ID_…`. */
  platformSerial: string;
  apiV3Key: string;
  now: Clock | Date | number;
  /** Header nonce; default 32 hex characters from `crypto.randomBytes`. */
  nonce?: NonceGenerator;
  /** GCM nonce (12 characters); default random alphanumeric. */
  resourceNonce?: NonceGenerator;
}

export interface SignedNotification {
  headers: WechatpaySignatureHeaders & { 'Content-Type': 'application/json' };
  /** The exact body to POST (the signature covers these bytes). */
  body: string;
  envelope: NotificationEnvelope;
}

/** Builds an encrypted and signed callback exactly as WeChat sends it (simulator side; tests). */
export function buildSignedNotification(input: BuildNotificationInput, options: BuildNotificationOptions): SignedNotification {
  const ms = epochMs(options.now);
  const gcmNonce = (options.resourceNonce ?? (() => randomAlphanumeric(12)))();
  const associatedData = input.associatedData ?? '';
  const envelope: NotificationEnvelope = {
    id: input.id ?? `EV-${randomNonce().slice(0, 24)}`,
    create_time: rfc3339Beijing(ms),
    resource_type: 'encrypt-resource',
    event_type: input.eventType,
    summary: input.summary ?? SUMMARIES[input.eventType as NotificationEventType] ?? '通知',
    resource: {
      original_type: input.originalType ?? (input.eventType.startsWith('REFUND.') ? 'refund' : 'payscore'),
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: encryptAeadAes256Gcm(JSON.stringify(input.resource), { nonce: gcmNonce, associatedData }, options.apiV3Key),
      associated_data: associatedData,
      nonce: gcmNonce,
    },
  };
  const body = JSON.stringify(envelope);
  const headers = signWechatpayMessage({
    body,
    privateKey: options.platformPrivateKey,
    serial: options.platformSerial,
    timestamp: Math.floor(ms / 1000),
    nonce: (options.nonce ?? randomNonce)(),
  });
  return { headers: { ...headers, 'Content-Type': 'application/json' }, body, envelope };
}
