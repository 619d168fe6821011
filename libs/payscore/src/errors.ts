/**
 * Every failure of this library is a {@link PayScoreError} with a stable `code`.
 *
 * Codes are grouped by origin:
 * - local checks that run before any network call (`PAYSCORE_INVALID_ARGUMENT`, `PAYSCORE_INVALID_TRANSITION`, …);
 * - verification of WeChat's answers (`PAYSCORE_RESPONSE_*`);
 * - verification of WeChat's callbacks (`PAYSCORE_NOTIFY_*`);
 * - WeChat error answers, mapped from HTTP status + `code` + `message` (payscore-protocol.md §8);
 * - transport failures (`PAYSCORE_TIMEOUT`, `PAYSCORE_NETWORK_ERROR`).
 */
export const PAYSCORE_ERROR_CODES = {
  // local, before any network call
  PAYSCORE_CONFIG_INVALID: 'the client or verifier was given an unusable key or setting',
  PAYSCORE_INVALID_ARGUMENT: 'a request field breaks a rule checked locally (order number charset, amounts, …)',
  PAYSCORE_INVALID_TRANSITION: 'the operation is not allowed in the order’s current state (payscore-protocol.md §5)',
  PAYSCORE_UNKNOWN_ORDER_STATE: 'state / state_description / collection.state do not form a known order state',

  // answers from WeChat that cannot be trusted
  PAYSCORE_RESPONSE_UNSIGNED: 'a response lacks the Wechatpay-Timestamp/Nonce/Signature/Serial headers',
  PAYSCORE_RESPONSE_UNKNOWN_SERIAL: 'a response is signed under a Wechatpay-Serial for which no platform key is configured',
  PAYSCORE_RESPONSE_STALE: 'a response’s Wechatpay-Timestamp is more than the allowed skew away from now',
  PAYSCORE_RESPONSE_BAD_SIGNATURE: 'a response’s signature does not verify over its raw body (tampered in transit?)',
  PAYSCORE_RESPONSE_MALFORMED: 'a verified response body is not the JSON expected',

  // callbacks
  PAYSCORE_NOTIFY_BODY_NOT_RAW: 'the notification body was handed over as a parsed object, not the raw bytes',
  PAYSCORE_NOTIFY_MISSING_HEADERS: 'the notification lacks Wechatpay-Timestamp/Nonce/Signature/Serial',
  PAYSCORE_NOTIFY_UNKNOWN_SERIAL: 'the notification is signed under a Wechatpay-Serial for which no platform key is configured',
  PAYSCORE_NOTIFY_STALE: 'the notification’s Wechatpay-Timestamp is more than 300 s away from now',
  PAYSCORE_NOTIFY_BAD_SIGNATURE: 'the notification’s signature does not verify over the raw body (tampered or forged)',
  PAYSCORE_NOTIFY_BODY_RESERIALISED:
    'the signature does not verify over the bytes given but does over their compact re-serialisation: the body was re-serialised (pretty-printed, re-escaped) before verification',
  PAYSCORE_NOTIFY_MALFORMED: 'the verified envelope or the decrypted resource is not the expected JSON',
  PAYSCORE_NOTIFY_DECRYPT_FAILED: 'AEAD_AES_256_GCM decryption failed: wrong APIv3 key, tampered ciphertext, nonce or associated data',
  PAYSCORE_NOTIFY_UNSUPPORTED_EVENT: 'authentic notification of an event type this library does not parse',

  // WeChat error answers (payscore-protocol.md §8)
  PAYSCORE_ACCEPTED_NOT_PROCESSED: 'HTTP 202: WeChat accepted the request without processing it; repeat it unchanged',
  PAYSCORE_SYSTEM_ERROR: 'SYSTEM_ERROR / HTTP 500: transient, retry with the same parameters',
  PAYSCORE_UNAVAILABLE: 'SERVICE_UNAVAILABLE / HTTP 5xx: transient, retry later',
  PAYSCORE_RATE_LIMITED: 'FREQUENCY_LIMITED / RATELIMIT_EXCEEDED / HTTP 429: back off and retry',
  PAYSCORE_ORDER_BUSY: 'a debit is running on the order (单据正在扣款中 / 收款结果不明); retry in about 3 minutes',
  PAYSCORE_SIGN_ERROR: 'HTTP 401 SIGN_ERROR: WeChat rejected our request signature (key, serial or clock)',
  PAYSCORE_NO_AUTH: 'HTTP 403 NO_AUTH: the merchant / service_id / appid configuration does not allow this call',
  PAYSCORE_ORDER_NOT_FOUND: 'the order or refund does not exist',
  PAYSCORE_REENTRY_MISMATCH: 'the out_order_no was used before with different parameters (订单重入参数校验失败)',
  PAYSCORE_INVALID_ORDER_STATE: 'WeChat refused the operation in the order’s current state',
  PAYSCORE_AMOUNT_INVALID: 'WeChat refused the amounts (sum rule, risk cap, refund above paid, 分账金额不足 / above the maximum ratio)',
  PAYSCORE_BALANCE_NOT_ENOUGH: 'NOT_ENOUGH: the merchant’s available balance does not cover it (a refund of split funds, a transfer); return the split or top up first',
  PAYSCORE_PROFIT_SHARING_NOT_READY: '订单处理中，请稍后重试: the payment is not settled for profit sharing yet (less than a minute after payment); retry in a minute',
  PAYSCORE_BILL_NOT_READY: 'STATEMENT_CREATING (账单生成中): the day’s bill is not generated yet (before 10:00 Beijing time the next day); retry later (every 30 min)',
  PAYSCORE_BILL_NO_STATEMENT: 'NO_STATEMENT_EXIST (请求的账单文件不存在): no trade / refund / movement that day, so there is no bill; terminal, do not retry',
  PAYSCORE_BILL_DOWNLOAD_EXPIRED: 'the bill download_url (token) expired or is invalid (400 INVALID_REQUEST on the download): apply for the bill again',
  PAYSCORE_BILL_HASH_MISMATCH: 'the downloaded bill’s SHA1 (of the uncompressed bytes) differs from the hash_value of the application',
  PAYSCORE_BILL_CORRUPT: 'the downloaded bill could not be decompressed (truncated or not gzip)',
  PAYSCORE_BILL_MALFORMED: 'a bill file does not have the documented layout (detail.line / detail.column name the place)',
  PAYSCORE_COMPLAINT_NOT_FOUND: 'the complaint, its media or the complaint notification URL does not exist (RESOURCE_NOT_EXISTS / 404)',
  PAYSCORE_PARAM_ERROR: 'HTTP 400 PARAM_ERROR not otherwise classified',
  PAYSCORE_INVALID_REQUEST: 'HTTP 400 INVALID_REQUEST not otherwise classified',
  PAYSCORE_HTTP_ERROR: 'an error answer not otherwise classified',

  // transport
  PAYSCORE_TIMEOUT: 'the request timed out; the outcome at WeChat is unknown, retry with the same parameters',
  PAYSCORE_NETWORK_ERROR: 'the request failed at the network level; the outcome at WeChat is unknown',
} as const;

export type PayScoreErrorCode = keyof typeof PAYSCORE_ERROR_CODES;

export interface PayScoreErrorInit {
  message?: string;
  /** May the same request be sent again (same body, fresh signature)? */
  retryable?: boolean;
  /** A hint for how long to wait before retrying (e.g. 3 min for PAYSCORE_ORDER_BUSY). */
  retryAfterMs?: number;
  httpStatus?: number;
  /** `code` of WeChat's error body, e.g. `PARAM_ERROR`. */
  wechatCode?: string;
  /** `message` of WeChat's error body. */
  wechatMessage?: string;
  /** `Request-ID` header of the answer, for WeChat support. */
  requestId?: string;
  /** Whether the error answer carried a valid WeChat signature (undefined when not an answer). */
  verified?: boolean;
  detail?: unknown;
  cause?: unknown;
}

export class PayScoreError extends Error {
  readonly code: PayScoreErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly httpStatus: number | undefined;
  readonly wechatCode: string | undefined;
  readonly wechatMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly verified: boolean | undefined;
  readonly detail: unknown;

  constructor(code: PayScoreErrorCode, init: PayScoreErrorInit = {}) {
    super(init.message ?? PAYSCORE_ERROR_CODES[code], init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PayScoreError';
    this.code = code;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.httpStatus = init.httpStatus;
    this.wechatCode = init.wechatCode;
    this.wechatMessage = init.wechatMessage;
    this.requestId = init.requestId;
    this.verified = init.verified;
    this.detail = init.detail;
  }
}

export function isPayScoreError(value: unknown, code?: PayScoreErrorCode): value is PayScoreError {
  return value instanceof PayScoreError && (code === undefined || value.code === code);
}

/** Refusals made by this library before any network call: nothing reached WeChat. */
const LOCAL_REFUSALS: readonly PayScoreErrorCode[] = [
  'PAYSCORE_CONFIG_INVALID',
  'PAYSCORE_INVALID_ARGUMENT',
  'PAYSCORE_INVALID_TRANSITION',
  'PAYSCORE_UNKNOWN_ORDER_STATE',
];

/**
 * What a failed call tells about its outcome at WeChat:
 * - `'refused'`: a definite no — either refused locally before any network call (nothing was sent), or a
 *   WeChat error answer that **verified** under a trusted platform key and is not transient. Repeating the
 *   same call will not change the answer; a caller may conclude (cancel locally, mark a refund failed).
 * - `'unknown'`: anything else — a timeout, a network failure, a 5xx / 429 / 202, an answer that failed
 *   verification (`PAYSCORE_RESPONSE_*`: unsigned, unknown serial, stale, bad signature, malformed), or an
 *   **unsigned** error answer (`verified: false`, e.g. an unsigned 404 from a proxy). WeChat may have done
 *   the work: never conclude; retry the same request (re-entry) or query.
 */
export type CallOutcome = 'refused' | 'unknown';

export function outcomeOf(error: unknown): CallOutcome {
  if (!isPayScoreError(error)) return 'unknown';
  // a local check's code raised after a call went out (an unknown state in a re-entry query) is marked retryable
  if (LOCAL_REFUSALS.includes(error.code) && !error.retryable) return 'refused';
  if (error.retryable || error.httpStatus === undefined) return 'unknown';
  return error.verified === true ? 'refused' : 'unknown';
}

/** {@link outcomeOf} is `'refused'`: a verified (or local) definite no. */
export function isVerifiedRefusal(error: unknown): error is PayScoreError {
  return outcomeOf(error) === 'refused';
}

/** A verified "does not exist" from WeChat (an order or a refund); an unsigned 404 is not one. */
export function isVerifiedNotFound(error: unknown): error is PayScoreError {
  return isPayScoreError(error, 'PAYSCORE_ORDER_NOT_FOUND') && error.verified === true;
}

/** How long WeChat asks to wait while a debit holds the order (payscore-protocol.md §4.3). */
export const ORDER_BUSY_RETRY_AFTER_MS = 3 * 60 * 1000;

/** A payment can be split no earlier than one minute after it succeeded (wechatpay-bills-sharing-complaints.md §2.1). */
export const PROFIT_SHARING_SETTLE_RETRY_AFTER_MS = 60 * 1000;

/** WeChat's advice for a bill still being generated: retry every 30 minutes (wechatpay-bills-sharing-complaints.md §1.2). */
export const BILL_NOT_READY_RETRY_AFTER_MS = 30 * 60 * 1000;

interface WechatErrorBody {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
}

/**
 * Maps a non-2xx answer (or a 202) of WeChat to a typed error (payscore-protocol.md §8.1–8.2).
 * `rawBody` is the answer's raw text; it may be empty or not JSON (a gateway page).
 */
export function errorFromWechatResponse(
  status: number,
  rawBody: string,
  info: { requestId?: string; verified?: boolean } = {},
): PayScoreError {
  let body: WechatErrorBody = {};
  try {
    const parsed: unknown = rawBody === '' ? {} : JSON.parse(rawBody);
    if (parsed !== null && typeof parsed === 'object') body = parsed as WechatErrorBody;
  } catch {
    body = {};
  }
  const wechatCode = typeof body.code === 'string' ? body.code : undefined;
  const wechatMessage = typeof body.message === 'string' ? body.message : undefined;
  const base = {
    httpStatus: status,
    wechatCode,
    wechatMessage,
    requestId: info.requestId,
    verified: info.verified,
    detail: body.detail,
    message: `WeChat answered ${status}${wechatCode ? ` ${wechatCode}` : ''}${wechatMessage ? `: ${wechatMessage}` : ''}`,
  };
  const msg = wechatMessage ?? '';
  const make = (code: PayScoreErrorCode, retryable = false, retryAfterMs?: number) =>
    new PayScoreError(code, { ...base, retryable, retryAfterMs });

  if (status === 202) return make('PAYSCORE_ACCEPTED_NOT_PROCESSED', true);
  // bills (wechatpay-bills-sharing-complaints.md §1.2): not yet generated vs no bill at all
  if (wechatCode === 'STATEMENT_CREATING' || /账单生成中/.test(msg)) return make('PAYSCORE_BILL_NOT_READY', true, BILL_NOT_READY_RETRY_AFTER_MS);
  if (wechatCode === 'NO_STATEMENT_EXIST' || /账单文件不存在/.test(msg)) return make('PAYSCORE_BILL_NO_STATEMENT');
  // Message-based classes first: several business failures share PARAM_ERROR / INVALID_REQUEST.
  if (/正在扣款中|收款结果不明/.test(msg)) return make('PAYSCORE_ORDER_BUSY', true, ORDER_BUSY_RETRY_AFTER_MS);
  if (/重入参数校验失败/.test(msg) || /与原请求不一致/.test(msg) || wechatCode === 'ALREADY_EXISTS') return make('PAYSCORE_REENTRY_MISMATCH');
  if (/订单处理中，请稍后重试/.test(msg)) return make('PAYSCORE_PROFIT_SHARING_NOT_READY', true, PROFIT_SHARING_SETTLE_RETRY_AFTER_MS);
  if (wechatCode === 'NOT_ENOUGH') return make('PAYSCORE_BALANCE_NOT_ENOUGH');
  if (wechatCode === 'SYSTEM_ERROR') return make('PAYSCORE_SYSTEM_ERROR', true);
  if (wechatCode === 'FREQUENCY_LIMITED' || wechatCode === 'RATELIMIT_EXCEEDED' || status === 429) {
    return make('PAYSCORE_RATE_LIMITED', true);
  }
  if (wechatCode === 'SERVICE_UNAVAILABLE') return make('PAYSCORE_UNAVAILABLE', true);
  if (status === 500) return make('PAYSCORE_SYSTEM_ERROR', true);
  if (status >= 500) return make('PAYSCORE_UNAVAILABLE', true);
  if (wechatCode === 'SIGN_ERROR' || status === 401) return make('PAYSCORE_SIGN_ERROR');
  if (wechatCode === 'NO_AUTH' || status === 403) return make('PAYSCORE_NO_AUTH');
  if (
    status === 404 ||
    wechatCode === 'ORDER_NOT_EXIST' ||
    wechatCode === 'ORDER_NOT_EXISTS' ||
    wechatCode === 'RESOURCE_NOT_EXISTS' ||
    wechatCode === 'NOT_FOUND' ||
    /单据不存在|订单不存在/.test(msg)
  ) {
    return make('PAYSCORE_ORDER_NOT_FOUND');
  }
  if (
    wechatCode === 'INVALID_ORDER_STATE' ||
    wechatCode === 'ORDER_CANCELED' ||
    wechatCode === 'ORDER_DONE' ||
    wechatCode === 'ORDER_CLOSED' ||
    /状态不合法|不满足撤销条件|状态错误/.test(msg)
  ) {
    return make('PAYSCORE_INVALID_ORDER_STATE');
  }
  if (/金额/.test(msg)) return make('PAYSCORE_AMOUNT_INVALID');
  if (wechatCode === 'PARAM_ERROR') return make('PAYSCORE_PARAM_ERROR');
  if (wechatCode === 'INVALID_REQUEST') return make('PAYSCORE_INVALID_REQUEST');
  return make('PAYSCORE_HTTP_ERROR');
}
