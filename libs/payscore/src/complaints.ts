/**
 * Consumer complaints 2.0 (消费者投诉2.0), wechatpay-bills-sharing-complaints.md §3: wire types (snake_case as on the
 * wire), the local checks of the merchant's calls, and {@link decryptComplaintPayerPhone}. Pure.
 */
import { constants, privateDecrypt } from 'node:crypto';
import { PayScoreError } from './errors.js';
import { toPrivateKey, type PrivateKeyInput } from './signature.js';

export type ComplaintState = 'PENDING' | 'PROCESSING' | 'PROCESSED';
export type ComplaintProblemType = 'REFUND' | 'SERVICE_NOT_WORK' | 'OTHERS';

export interface ComplaintMedia {
  media_type: 'USER_COMPLAINT_IMAGE' | 'OPERATION_IMAGE' | (string & {});
  /** Download each with `PayScoreClient.downloadComplaintMedia(url)`, exactly as given. */
  media_url: string[];
}

export interface ComplaintOrderInfo {
  transaction_id: string;
  /** For Pay Score auto-debits probably WeChat's generated trade number, not our out_order_no (UNCONFIRMED, §3.1.1). */
  out_trade_no: string;
  amount: number;
}

export interface ComplaintServiceOrderInfo {
  order_id?: string;
  out_order_no?: string;
  state?: 'DOING' | 'REVOKED' | 'WAITPAY' | 'DONE' | (string & {});
}

/** A complaint as the list and the detail answer it (`payer_phone` / `payer_openid`: detail only). */
export interface Complaint {
  complaint_id: string;
  complaint_time: string;
  complaint_detail: string;
  complaint_state: ComplaintState;
  complainted_mchid?: string;
  /** RSA-OAEP ciphertext under the **merchant's** key: {@link decryptComplaintPayerPhone}. */
  payer_phone?: string;
  payer_openid?: string;
  complaint_order_info?: ComplaintOrderInfo[];
  service_order_info?: ComplaintServiceOrderInfo[];
  complaint_media_list?: ComplaintMedia[];
  complaint_full_refunded?: boolean;
  incoming_user_response?: boolean;
  problem_description?: string;
  user_complaint_times?: number;
  problem_type?: ComplaintProblemType | (string & {});
  apply_refund_amount?: number;
  user_tag_list?: string[];
  additional_info?: Record<string, unknown>;
  in_platform_service?: boolean;
  need_immediate_service?: boolean;
}

export interface ComplaintList {
  data: Complaint[];
  limit: number;
  offset: number;
  total_count: number;
}

export interface ComplaintNegotiation {
  log_id: string;
  operator: string;
  operate_time: string;
  /** USER_CREATE_COMPLAINT, USER_RESPONSE, MERCHANT_RESPONSE, MERCHANT_CONFIRM_COMPLETE, MERCHANT_APPROVE_REFUND, MERCHANT_REFUSE_RERUND (sic), … */
  operate_type: string;
  operate_details: string;
  image_list?: string[];
  complaint_media_list?: ComplaintMedia[];
}

export interface ComplaintNegotiationList {
  data: ComplaintNegotiation[];
  limit: number;
  offset: number;
  total_count: number;
}

export interface ListComplaintsInput {
  /** yyyy-MM-dd; the span to `end_date` is at most 30 days. */
  begin_date: string;
  end_date: string;
  /** 1–50, default 10. */
  limit?: number;
  offset?: number;
  complainted_mchid?: string;
}

export interface RespondToComplaintInput {
  /** 1–200 characters. */
  response_content: string;
  /** media_ids (`uploadComplaintImage`), at most 4. */
  response_images?: string[];
  /** https; only with `jump_url_text` (a gray feature: WeChat may answer 403). */
  jump_url?: string;
  jump_url_text?: string;
  mini_program_jump_info?: { appid: string; path: string; text: string };
  /** Default: the client's mchid. */
  complainted_mchid?: string;
}

export type UpdateComplaintRefundProgressInput =
  | { action: 'APPROVE'; /** working days until the refund is launched (0 = today) */ launch_refund_day?: number; remark?: string }
  | { action: 'REJECT'; reject_reason: string; reject_media_list?: string[]; remark?: string };

export interface ComplaintNotificationUrl {
  mchid: string;
  url: string;
}

/** The decrypted resource of a complaint notification (§3.3); other fields are optional (UNCONFIRMED). */
export interface ComplaintNotificationResource {
  complaint_id: string;
  /** CREATE_COMPLAINT, CONTINUE_COMPLAINT, USER_RESPONSE, MERCHANT_RESPONSE, MERCHANT_CONFIRM_COMPLETE, MERCHANT_APPROVE_REFUND, MERCHANT_REJECT_REFUND, REFUND_SUCCESS, … */
  action_type: string;
  [field: string]: unknown;
}

const invalidField = (field: string, message: string, value?: unknown): PayScoreError =>
  new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { message: `${field} ${message}`, detail: { field, value } });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Local checks of the list query (§3.1 #1): dates, span ≤ 30 days, limit 1–50, offset ≥ 0. */
export function checkListComplaintsInput(input: ListComplaintsInput): void {
  if (!DATE.test(input.begin_date)) throw invalidField('begin_date', 'must be yyyy-MM-dd', input.begin_date);
  if (!DATE.test(input.end_date)) throw invalidField('end_date', 'must be yyyy-MM-dd', input.end_date);
  const span = (Date.parse(`${input.end_date}T00:00:00Z`) - Date.parse(`${input.begin_date}T00:00:00Z`)) / 86_400_000;
  if (!(span >= 0)) throw invalidField('end_date', 'must not be before begin_date', input.end_date);
  if (span > 30) throw invalidField('end_date', 'is more than 30 days after begin_date (WeChat allows at most 30)', input.end_date);
  if (input.limit !== undefined && (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > 50)) throw invalidField('limit', 'must be 1–50', input.limit);
  if (input.offset !== undefined && (!Number.isInteger(input.offset) || input.offset < 0)) throw invalidField('offset', 'must be ≥ 0', input.offset);
}

/** Local checks of a reply (§3.1.2). */
export function checkRespondToComplaintInput(input: RespondToComplaintInput): void {
  const len = [...(input.response_content ?? '')].length;
  if (len < 1 || len > 200) throw invalidField('response_content', 'must be 1–200 characters', len);
  if ((input.response_images ?? []).length > 4) throw invalidField('response_images', 'may hold at most 4 media ids');
  if ((input.jump_url === undefined) !== (input.jump_url_text === undefined)) throw invalidField(input.jump_url === undefined ? 'jump_url' : 'jump_url_text', 'goes together with the other');
  if (input.jump_url !== undefined && !/^https:\/\//.test(input.jump_url)) throw invalidField('jump_url', 'must be https', input.jump_url);
  if (input.jump_url_text !== undefined && [...input.jump_url_text].length > 10) throw invalidField('jump_url_text', 'must be at most 10 characters');
}

/** Local checks of update-refund-progress (§3.1.3): REJECT needs a reason and takes no launch_refund_day. */
export function checkUpdateComplaintRefundProgressInput(input: UpdateComplaintRefundProgressInput): void {
  if (input.action === 'APPROVE') {
    if (input.launch_refund_day !== undefined && (!Number.isInteger(input.launch_refund_day) || input.launch_refund_day < 0)) {
      throw invalidField('launch_refund_day', 'must be an integer ≥ 0', input.launch_refund_day);
    }
  } else if (input.action === 'REJECT') {
    const len = [...(input.reject_reason ?? '')].length;
    if (len < 1 || len > 200) throw invalidField('reject_reason', 'must be 1–200 characters', len);
    if ('launch_refund_day' in input) throw invalidField('launch_refund_day', 'must not be sent with REJECT');
    if ((input.reject_media_list ?? []).length > 4) throw invalidField('reject_media_list', 'may hold at most 4 media ids');
  } else {
    throw invalidField('action', 'must be APPROVE or REJECT', (input as { action?: unknown }).action);
  }
  if (input.remark !== undefined && [...input.remark].length > 200) throw invalidField('remark', 'must be at most 200 characters');
}

/**
 * `payer_phone` of a complaint detail: RSA-OAEP (SHA-1 / MGF1-SHA1) under the **merchant's** API certificate key, so
 * it decrypts with the merchant private key (§3.1.1, §3.7). Throws `PAYSCORE_INVALID_ARGUMENT` (field `payer_phone`)
 * when the text is not a ciphertext of this key.
 */
export function decryptComplaintPayerPhone(payerPhoneCiphertext: string, merchantPrivateKey: PrivateKeyInput): string {
  if (typeof payerPhoneCiphertext !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(payerPhoneCiphertext)) {
    throw invalidField('payer_phone', 'is not a base64 ciphertext');
  }
  try {
    return privateDecrypt(
      { key: toPrivateKey(merchantPrivateKey), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(payerPhoneCiphertext, 'base64'),
    ).toString('utf8');
  } catch (cause) {
    throw new PayScoreError('PAYSCORE_INVALID_ARGUMENT', { cause, message: 'payer_phone does not decrypt with this merchant key', detail: { field: 'payer_phone' } });
  }
}

/** What `uploadComplaintImage` takes: jpg / jpeg / png / bmp, at most 2 MB (§3.1 #8). */
export interface ComplaintImageInput {
  filename: string;
  bytes: Uint8Array;
}

export const COMPLAINT_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** Local checks of an image upload: the file name's extension, non-empty, ≤ 2 MB. */
export function checkComplaintImageInput(input: ComplaintImageInput): void {
  if (typeof input.filename !== 'string' || !/^[^\\/"\r\n]{1,128}\.(jpe?g|png|bmp)$/i.test(input.filename)) {
    throw invalidField('filename', 'must end in .jpg, .jpeg, .png or .bmp', input.filename);
  }
  if (!(input.bytes instanceof Uint8Array) || input.bytes.length === 0) throw invalidField('bytes', 'must be a non-empty image');
  if (input.bytes.length > COMPLAINT_IMAGE_MAX_BYTES) throw invalidField('bytes', 'must be at most 2 MB', input.bytes.length);
}

/** The image's Content-Type by extension. */
export function complaintImageContentType(filename: string): string {
  const ext = filename.slice(filename.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'png' ? 'image/png' : ext === 'bmp' ? 'image/bmp' : 'image/jpeg';
}
