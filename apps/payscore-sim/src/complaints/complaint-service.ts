// Consumer complaints 2.0 (消费者投诉2.0), wechatpay-bills-sharing-complaints.md §3: complaints raised through
// POST /sim/complaints on a Pay Score order's payer, the complaints-v2 APIs (list, detail, negotiation history, reply,
// complete, update-refund-progress), complaint images through the media API, the notification URL API and the signed,
// encrypted complaint notifications (COMPLAINT.CREATE / COMPLAINT.STATE_CHANGE, resource {complaint_id, action_type}).
import { constants, createHash, publicEncrypt, randomBytes, randomInt } from 'node:crypto';
import { type FormPart } from './multipart.js';
import { type SimClock } from '../platform/clock.js';
import { beijingDate, rfc3339 } from '../platform/beijing-time.js';
import { SimControlError, WxError, invalidRequest, paramError } from '../platform/wx-error.js';
import { checkNotifyUrl } from '../platform/notify-url.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type Notifier } from '../notifications/notifier.js';
import { type OrderRecord } from '../orders/order-model.js';
import { type OrderService } from '../orders/order-service.js';
import { type RefundService } from '../refunds/refund-service.js';

const DAY_MS = 24 * 3600 * 1000;
/** A 1×1 PNG: what every user complaint image shows. */
export const COMPLAINT_IMAGE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface NegotiationEntry {
  readonly log_id: string;
  readonly operator: string;
  readonly operate_time: string;
  readonly operate_type: string;
  readonly operate_details: string;
  readonly image_list: string[];
  readonly complaint_media_list: Array<{ media_type: string; media_url: string[] }>;
}

export interface ComplaintRecord {
  readonly complaintId: string;
  readonly mchid: string;
  readonly createdAtMs: number;
  readonly detail: string;
  readonly payerOpenid: string;
  readonly payerPhone: string;
  readonly order: OrderRecord;
  readonly transactionId?: string;
  readonly amountFen: number;
  readonly applyRefundFen?: number;
  readonly mediaUrls: string[];
  state: 'PENDING' | 'PROCESSING' | 'PROCESSED';
  incomingUserResponse: boolean;
  userComplaintTimes: number;
  replied: boolean;
  refundApproval?: { atMs: number };
  fullRefunded: boolean;
  readonly history: NegotiationEntry[];
  /** The notifications sent: action types in order. */
  readonly notifications: string[];
}

export interface ComplaintOptions {
  readonly clock: SimClock;
  readonly notifier: Notifier;
  readonly merchantOf: (mchid: string) => Merchant | undefined;
  readonly orders: OrderService;
  readonly refunds: RefundService;
  readonly lenient: () => boolean;
}

const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('');

export class ComplaintService {
  private readonly complaints = new Map<string, ComplaintRecord>();
  private readonly notifyUrls = new Map<string, string>();
  /** media id (decoded) → the complaint it belongs to. */
  private readonly media = new Map<string, string>();
  /** media ids the merchants uploaded (reply / rejection evidence) → the merchant and the stored image; never downloadable through the API. */
  private readonly uploads = new Map<string, { mchid: string; filename: string; bytes: Buffer }>();

  constructor(private readonly o: ComplaintOptions) {}

  // ------------------------------------------------------------------ control: POST /sim/complaints

  create(body: Record<string, unknown>, origin: string): { complaintId: string } {
    const mchid = body['mchid'];
    const outOrderNo = body['outOrderNo'];
    const text = body['text'];
    const amountFen = body['amountFen'];
    if (typeof mchid !== 'string' || !this.o.merchantOf(mchid)) throw new SimControlError(400, 'INVALID_FIELD', 'mchid must name a registered merchant');
    if (typeof outOrderNo !== 'string' || outOrderNo === '') throw new SimControlError(400, 'INVALID_FIELD', 'outOrderNo must be a non-empty string');
    if (typeof text !== 'string' || text === '' || [...text].length > 300) throw new SimControlError(400, 'INVALID_FIELD', 'text must be 1–300 characters');
    if (amountFen !== undefined && (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen <= 0)) {
      throw new SimControlError(400, 'INVALID_FIELD', 'amountFen must be an integer > 0');
    }
    const order = this.o.orders.all().find((x) => x.mchid === mchid && x.outOrderNo === outOrderNo);
    if (!order) throw new SimControlError(404, 'ORDER_NOT_FOUND', `no order ${outOrderNo} of merchant ${mchid}`);
    const payment = order.payments.find((p) => p.paidType === 'NEWTON' && p.transactionId);
    const now = this.o.clock.now();
    const complaintId = `2002${beijingDate(now).replace(/-/g, '')}${digits(15)}`;
    // a media id with characters that percent-encode: the URL must be signed exactly as given (§3.7)
    const mediaId = `Chsy${randomBytes(18).toString('base64').replace(/\//g, '_')}==`;
    const mediaUrl = `${origin}/v3/merchant-service/images/${encodeURIComponent(mediaId)}`;
    this.media.set(mediaId, complaintId);
    const phone = `138${digits(8)}`;
    const record: ComplaintRecord = {
      complaintId,
      mchid,
      createdAtMs: now,
      detail: text,
      payerOpenid: order.openid ?? `o${randomBytes(14).toString('base64url')}`,
      payerPhone: phone,
      order,
      ...(payment?.transactionId ? { transactionId: payment.transactionId } : {}),
      amountFen: payment?.amount ?? order.totalAmount ?? 0,
      ...(typeof amountFen === 'number' ? { applyRefundFen: amountFen } : {}),
      mediaUrls: [mediaUrl],
      state: 'PENDING',
      incomingUserResponse: false,
      userComplaintTimes: 1,
      replied: false,
      fullRefunded: false,
      history: [],
      notifications: [],
    };
    this.complaints.set(complaintId, record);
    this.log(record, 'USER', 'USER_CREATE_COMPLAINT', text, [mediaUrl]);
    this.notify(record, 'COMPLAINT.CREATE', 'CREATE_COMPLAINT');
    return { complaintId };
  }

  /** Control: the user writes again (USER_RESPONSE): a negotiation entry, incoming_user_response, a notification. */
  userMessage(complaintId: string, body: Record<string, unknown>): Record<string, unknown> {
    const c = this.control(complaintId);
    const text = body['text'];
    if (typeof text !== 'string' || text === '') throw new SimControlError(400, 'INVALID_FIELD', 'text must be a non-empty string');
    if (body['continue'] === true) {
      // «继续投诉» on a processed complaint: back to PENDING (UNCONFIRMED, §3.2)
      c.userComplaintTimes += 1;
      c.state = 'PENDING';
      c.replied = false;
      this.log(c, 'USER', 'USER_CONTINUE_COMPLAINT', text);
      this.notify(c, 'COMPLAINT.STATE_CHANGE', 'CONTINUE_COMPLAINT');
    } else {
      c.incomingUserResponse = true;
      this.log(c, 'USER', 'USER_RESPONSE', text);
      this.notify(c, 'COMPLAINT.STATE_CHANGE', 'USER_RESPONSE');
    }
    return this.view(c);
  }

  // ------------------------------------------------------------------ merchant API

  setNotificationUrl(merchant: Merchant, body: Record<string, unknown>, method: 'POST' | 'PUT'): Record<string, unknown> {
    const url = body['url'];
    if (typeof url !== 'string' || url === '' || url.length > 255) throw paramError('url必填，长度不超过255', 'url');
    checkNotifyUrl(url, 'url', this.o.lenient());
    if (method === 'PUT' && !this.notifyUrls.has(merchant.mchid)) throw new WxError(400, 'RESOURCE_NOT_EXISTS', '商户未设置投诉通知回调地址');
    this.notifyUrls.set(merchant.mchid, url);
    return { mchid: merchant.mchid, url };
  }

  getNotificationUrl(merchant: Merchant): Record<string, unknown> {
    const url = this.notifyUrls.get(merchant.mchid);
    if (!url) throw new WxError(400, 'RESOURCE_NOT_EXISTS', '商户未设置投诉通知回调地址');
    return { mchid: merchant.mchid, url };
  }

  deleteNotificationUrl(merchant: Merchant): void {
    if (!this.notifyUrls.delete(merchant.mchid)) throw new WxError(400, 'RESOURCE_NOT_EXISTS', '商户未设置投诉通知回调地址');
  }

  list(merchant: Merchant, q: Record<string, string | undefined>): Record<string, unknown> {
    const begin = q['begin_date'];
    const end = q['end_date'];
    if (!begin || !/^\d{4}-\d{2}-\d{2}$/.test(begin)) throw paramError('begin_date格式错误，应为yyyy-MM-dd', 'begin_date');
    if (!end || !/^\d{4}-\d{2}-\d{2}$/.test(end)) throw paramError('end_date格式错误，应为yyyy-MM-dd', 'end_date');
    const span = (Date.parse(end) - Date.parse(begin)) / DAY_MS;
    if (!(span >= 0) || span > 30) throw paramError('查询时间跨度不能超过30天', 'end_date');
    const limit = q['limit'] === undefined ? 10 : Number(q['limit']);
    const offset = q['offset'] === undefined ? 0 : Number(q['offset']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw paramError('limit取值范围为1-50', 'limit');
    if (!Number.isInteger(offset) || offset < 0) throw paramError('offset不能小于0', 'offset');
    const mchid = q['complainted_mchid'] ?? merchant.mchid;
    if (mchid !== merchant.mchid) throw new WxError(403, 'NO_AUTH', '无权查询该商户的投诉');
    this.sweep();
    const all = [...this.complaints.values()]
      .filter((c) => c.mchid === mchid && beijingDate(c.createdAtMs) >= begin && beijingDate(c.createdAtMs) <= end)
      .sort((a, b) => b.createdAtMs - a.createdAtMs);
    return { data: all.slice(offset, offset + limit).map((c) => this.wire(c, false)), limit, offset, total_count: all.length };
  }

  detail(merchant: Merchant, complaintId: string): Record<string, unknown> {
    this.sweep();
    return this.wire(this.own(merchant, complaintId), true);
  }

  history(merchant: Merchant, complaintId: string, q: Record<string, string | undefined>): Record<string, unknown> {
    const c = this.own(merchant, complaintId);
    const limit = q['limit'] === undefined ? 100 : Number(q['limit']);
    const offset = q['offset'] === undefined ? 0 : Number(q['offset']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 300) throw paramError('limit取值范围为1-300', 'limit');
    if (!Number.isInteger(offset) || offset < 0) throw paramError('offset不能小于0', 'offset');
    this.sweep();
    return { data: c.history.slice(offset, offset + limit), limit, offset, total_count: c.history.length };
  }

  respond(merchant: Merchant, complaintId: string, body: Record<string, unknown>): void {
    const c = this.own(merchant, complaintId);
    this.checkMchid(merchant, body);
    const content = body['response_content'];
    if (typeof content !== 'string' || content === '' || [...content].length > 200) throw paramError('response_content必填，长度不超过200', 'response_content');
    const images = body['response_images'];
    if (images !== undefined && (!Array.isArray(images) || images.length > 4 || images.some((i) => typeof i !== 'string'))) {
      throw paramError('response_images最多4张', 'response_images');
    }
    for (const id of (images as string[] | undefined) ?? []) {
      if (this.uploads.get(id)?.mchid !== merchant.mchid) throw paramError(`response_images中的media_id无效: ${id}`, 'response_images');
    }
    if ((body['jump_url'] === undefined) !== (body['jump_url_text'] === undefined)) throw paramError('jump_url与jump_url_text需同时填写', 'jump_url');
    if (c.state === 'PROCESSED') throw invalidRequest('投诉单已处理完成，不能回复');
    c.replied = true;
    c.incomingUserResponse = false;
    if (c.state === 'PENDING') c.state = 'PROCESSING';
    this.log(c, 'MERCHANT', 'MERCHANT_RESPONSE', content, [], (images as string[] | undefined) ?? []);
    this.notify(c, 'COMPLAINT.STATE_CHANGE', 'MERCHANT_RESPONSE');
  }

  complete(merchant: Merchant, complaintId: string, body: Record<string, unknown>): void {
    const c = this.own(merchant, complaintId);
    this.checkMchid(merchant, body);
    if (c.state === 'PROCESSED') throw invalidRequest('投诉单已处理完成，请勿重复操作');
    // UNCONFIRMED: completing before any reply is refused (the state machine has /complete only from PROCESSING)
    if (c.state === 'PENDING') throw invalidRequest('请先回复用户后再反馈处理完成');
    c.state = 'PROCESSED';
    this.log(c, 'MERCHANT', 'MERCHANT_CONFIRM_COMPLETE', '商户已反馈处理完成');
    this.notify(c, 'COMPLAINT.STATE_CHANGE', 'MERCHANT_CONFIRM_COMPLETE');
  }

  updateRefundProgress(merchant: Merchant, complaintId: string, body: Record<string, unknown>): void {
    const c = this.own(merchant, complaintId);
    const action = body['action'];
    if (action !== 'APPROVE' && action !== 'REJECT') throw paramError('action只能是APPROVE或REJECT', 'action');
    if (action === 'REJECT') {
      const reason = body['reject_reason'];
      if (typeof reason !== 'string' || reason === '' || [...reason].length > 200) throw paramError('拒绝退款时reject_reason必填，长度不超过200', 'reject_reason');
      if (body['launch_refund_day'] !== undefined) throw paramError('拒绝退款时不能填写launch_refund_day', 'launch_refund_day');
    } else {
      const day = body['launch_refund_day'];
      if (day !== undefined && (typeof day !== 'number' || !Number.isInteger(day) || day < 0)) throw paramError('launch_refund_day必须是大于等于0的整数', 'launch_refund_day');
    }
    if (c.state === 'PROCESSED') throw invalidRequest('投诉单已处理完成，不能更新退款审批结果');
    if (action === 'REJECT') {
      c.state = 'PROCESSED';
      this.log(c, 'MERCHANT', 'MERCHANT_REFUSE_RERUND', String(body['reject_reason']));
      this.notify(c, 'COMPLAINT.STATE_CHANGE', 'MERCHANT_REJECT_REFUND');
    } else {
      c.refundApproval = { atMs: this.o.clock.now() };
      if (c.state === 'PENDING') c.state = 'PROCESSING';
      this.log(c, 'MERCHANT', 'MERCHANT_APPROVE_REFUND', `商户同意退款，${String(body['launch_refund_day'] ?? 0)}个工作日内发起`);
      this.notify(c, 'COMPLAINT.STATE_CHANGE', 'MERCHANT_APPROVE_REFUND');
    }
  }

  /**
   * POST /v3/merchant-service/images/upload: `meta` `{filename, sha256}` and `file` (jpg / png / bmp, ≤ 2 MB, SHA-256
   * matching) → `{media_id}`.
   */
  upload(merchant: Merchant, parts: Map<string, FormPart>): Record<string, unknown> {
    const metaPart = parts.get('meta');
    const file = parts.get('file');
    if (!metaPart) throw paramError('缺少meta', 'meta');
    if (!file || file.data.length === 0) throw paramError('缺少file', 'file');
    let meta: unknown;
    try {
      meta = JSON.parse(metaPart.data.toString('utf8'));
    } catch {
      throw paramError('meta不是合法的JSON', 'meta');
    }
    const m = meta as { filename?: unknown; sha256?: unknown };
    if (typeof m.filename !== 'string' || !/\.(jpe?g|png|bmp)$/i.test(m.filename)) throw paramError('图片格式只支持JPG、BMP、PNG', 'filename');
    if (file.data.length > 2 * 1024 * 1024) throw paramError('图片大小不能超过2M', 'file');
    if (typeof m.sha256 !== 'string' || m.sha256.toLowerCase() !== createHash('sha256').update(file.data).digest('hex')) throw paramError('文件sha256与meta中的sha256不一致', 'sha256');
    const mediaId = randomBytes(24).toString('base64url');
    this.uploads.set(mediaId, { mchid: merchant.mchid, filename: m.filename, bytes: Buffer.from(file.data) });
    return { media_id: mediaId };
  }

  /** Control: an image a merchant uploaded, as stored (`GET /sim/uploads/{media_id}`). */
  uploaded(mediaId: string): { mchid: string; filename: string; bytes: Buffer } {
    const upload = this.uploads.get(mediaId);
    if (!upload) throw new SimControlError(404, 'UPLOAD_NOT_FOUND', `no uploaded image ${mediaId}`);
    return upload;
  }

  /** GET of a complaint image (`mediaId` decoded by the router): a PNG; unknown / another merchant's → 404 RESOURCE_NOT_EXISTS. */
  image(merchant: Merchant, mediaId: string): Buffer {
    // merchant-uploaded media cannot be downloaded (§3.6)
    if (this.uploads.has(mediaId)) throw paramError('商户上传的图片不支持下载', 'media_id');
    const complaintId = this.media.get(mediaId);
    const c = complaintId === undefined ? undefined : this.complaints.get(complaintId);
    if (!c || c.mchid !== merchant.mchid) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '图片不存在');
    return COMPLAINT_IMAGE_PNG;
  }

  /**
   * After an approval, a SUCCESS refund of the complaint's transaction created after it completes the complaint
   * (§3.1.3): PROCESSED, COMPLAINT_REFUND_RECEIVED_SYSTEM_MESSAGE, notification REFUND_SUCCESS. Run on reads and on
   * every clock move.
   */
  sweep(): void {
    for (const c of this.complaints.values()) {
      if (!c.refundApproval || c.state === 'PROCESSED' || !c.transactionId) continue;
      const approvedAt = c.refundApproval.atMs;
      const refunded = this.o.refunds.all().filter((r) => r.mchid === c.mchid && r.transactionId === c.transactionId && r.status === 'SUCCESS' && r.createdAtMs >= approvedAt);
      if (refunded.length === 0) continue;
      const total = refunded.reduce((s, r) => s + r.refundFen, 0);
      c.fullRefunded = total >= c.amountFen;
      c.state = 'PROCESSED';
      this.log(c, 'SYSTEM', c.fullRefunded ? 'COMPLAINT_FULL_REFUNDED_SYSTEM_MESSAGE' : 'COMPLAINT_PARTIAL_REFUNDED_SYSTEM_MESSAGE', `退款${(total / 100).toFixed(2)}元已到账`);
      this.notify(c, 'COMPLAINT.STATE_CHANGE', 'REFUND_SUCCESS');
    }
  }

  view(c: ComplaintRecord): Record<string, unknown> {
    return {
      ...this.wire(c, true),
      sim: {
        payerPhone: c.payerPhone,
        replied: c.replied,
        refundApproved: c.refundApproval !== undefined,
        firstReplyDeadline: rfc3339(c.createdAtMs + DAY_MS),
        completeDeadline: rfc3339(c.createdAtMs + 3 * DAY_MS),
        notifications: c.notifications,
        history: c.history,
      },
    };
  }

  viewAll(): Record<string, unknown> {
    this.sweep();
    return { notificationUrls: Object.fromEntries(this.notifyUrls), complaints: [...this.complaints.values()].map((c) => this.view(c)) };
  }

  viewOne(complaintId: string): Record<string, unknown> {
    this.sweep();
    return this.view(this.control(complaintId));
  }

  clear(): void {
    this.complaints.clear();
    this.notifyUrls.clear();
    this.media.clear();
    this.uploads.clear();
  }

  // ------------------------------------------------------------------ internals

  private control(complaintId: string): ComplaintRecord {
    const c = this.complaints.get(complaintId);
    if (!c) throw new SimControlError(404, 'COMPLAINT_NOT_FOUND', `no complaint ${complaintId}`);
    return c;
  }

  private own(merchant: Merchant, complaintId: string): ComplaintRecord {
    const c = this.complaints.get(complaintId);
    // UNCONFIRMED: WeChat's answer for an unknown complaint id
    if (!c || c.mchid !== merchant.mchid) throw new WxError(404, 'RESOURCE_NOT_EXISTS', '投诉单不存在');
    return c;
  }

  private checkMchid(merchant: Merchant, body: Record<string, unknown>): void {
    const m = body['complainted_mchid'];
    if (typeof m !== 'string' || m === '') throw paramError('complainted_mchid必填', 'complainted_mchid');
    if (m !== merchant.mchid) throw new WxError(403, 'NO_AUTH', '被诉商户号与请求商户号不一致');
  }

  private log(c: ComplaintRecord, operator: string, type: string, details: string, mediaUrls: string[] = [], images: string[] = []): void {
    c.history.push({
      log_id: `${c.complaintId.slice(-8)}${String(c.history.length + 1).padStart(4, '0')}${digits(6)}`,
      operator: operator === 'USER' ? '投诉人' : operator === 'MERCHANT' ? '商家' : '系统',
      operate_time: rfc3339(this.o.clock.now()),
      operate_type: type,
      operate_details: details,
      image_list: images,
      complaint_media_list: mediaUrls.length > 0 ? [{ media_type: 'USER_COMPLAINT_IMAGE', media_url: mediaUrls }] : [],
    });
  }

  private notify(c: ComplaintRecord, eventType: 'COMPLAINT.CREATE' | 'COMPLAINT.STATE_CHANGE', actionType: string): void {
    c.notifications.push(actionType);
    const url = this.notifyUrls.get(c.mchid);
    const merchant = this.o.merchantOf(c.mchid);
    if (!url || !merchant) return;
    this.o.notifier.notify({
      url,
      apiV3Key: merchant.apiV3Key,
      eventType,
      summary: eventType === 'COMPLAINT.CREATE' ? '产生新投诉' : '投诉状态变更',
      originalType: 'complaint',
      associatedData: 'complaint',
      resource: { complaint_id: c.complaintId, action_type: actionType },
      orderKey: `${c.mchid}|complaint|${c.complaintId}`,
    });
  }

  private wire(c: ComplaintRecord, detail: boolean): Record<string, unknown> {
    const merchant = this.o.merchantOf(c.mchid);
    const o = c.order;
    const serviceState = o.state === 'DONE' ? 'DONE' : o.state === 'REVOKED' || o.state === 'EXPIRED' ? 'REVOKED' : o.stateDescription === 'MCH_COMPLETE' ? 'WAITPAY' : 'DOING';
    const payment = c.transactionId ? o.payments.find((p) => p.transactionId === c.transactionId) : undefined;
    const out: Record<string, unknown> = {
      complaint_id: c.complaintId,
      complaint_time: rfc3339(c.createdAtMs).replace(/([+-]\d{2}:\d{2})$/, '.000$1'),
      complaint_detail: c.detail,
      complaint_state: c.state,
      complainted_mchid: c.mchid,
      ...(detail && merchant
        ? {
            payer_phone: publicEncrypt({ key: merchant.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(c.payerPhone)).toString('base64'),
            payer_openid: c.payerOpenid,
          }
        : {}),
      complaint_media_list: [{ media_type: 'USER_COMPLAINT_IMAGE', media_url: c.mediaUrls }],
      // UNCONFIRMED (§3.1.1): out_trade_no of an AUTH debit is WeChat's generated trade number, as in the bill
      complaint_order_info: c.transactionId ? [{ transaction_id: c.transactionId, out_trade_no: payment?.billOutTradeNo ?? o.outOrderNo, amount: c.amountFen }] : [],
      service_order_info: [{ order_id: o.orderId, out_order_no: o.outOrderNo, state: serviceState }],
      complaint_full_refunded: c.fullRefunded,
      incoming_user_response: c.incomingUserResponse,
      problem_description: c.applyRefundFen !== undefined ? '申请退款' : '服务问题',
      user_complaint_times: c.userComplaintTimes,
      problem_type: c.applyRefundFen !== undefined ? 'REFUND' : 'OTHERS',
      ...(c.applyRefundFen !== undefined ? { apply_refund_amount: c.applyRefundFen } : {}),
      user_tag_list: [],
    };
    return out;
  }
}
