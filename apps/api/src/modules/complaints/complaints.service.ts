import { Injectable } from '@nestjs/common';
import { isPayScoreError } from '@zizhu/payscore';
import type { EntityManager } from 'typeorm';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { complaintActionJob } from './complaint-sync.service.js';
import { complaintNotifyUrl, ensureComplaintNotificationUrl, recordComplaintRegistration } from './complaint-registration.service.js';
import { complaintErrors } from './complaints.errors.js';
import { COMPLAINT_IMAGE_LIMIT_BYTES, COMPLAINT_IMAGE_TYPES, detectImageType, imageTooLargeError, imageTypeError, isComplaintImageType } from './complaint-image-body.js';
import type {
  ComplaintImageDto,
  ComplaintMediaDto,
  ComplaintMediaTypeDto,
  ComplaintActionDto,
  ComplaintDetailDto,
  ComplaintListDto,
  ComplaintNotificationUrlDto,
  ComplaintRefundDto,
  ComplaintRefundProgressDto,
  ComplaintReplyDto,
  ComplaintsQueryDto,
  ComplaintStateDto,
  ComplaintSummaryDto,
  PayerPhoneDto,
} from './dto/complaint.dto.js';

interface ComplaintRow {
  id: string;
  tenant_id: string;
  merchant_account_id: string;
  complaint_id: string;
  session_id: string | null;
  out_order_no: string | null;
  transaction_id: string | null;
  state: ComplaintStateDto;
  complaint_time: Date;
  reply_due_at: Date;
  complete_due_at: Date;
  replied_at: Date | null;
  processed_at: Date | null;
  detail: string;
  problem_type: string | null;
  apply_refund_fen: string | number | null;
  order_fen: string | number | null;
  incoming_user_response: boolean;
  payer_phone_ciphertext: string | null;
  history: Record<string, unknown>[];
  media: { media_type: string; media_url: string[] }[];
}

/** A downloaded complaint image as the media route answers it. */
export interface ComplaintMediaFile {
  bytes: Buffer;
  contentType: string;
}

/** Complaint images are bounded when downloaded (WeChat's are at most a few MB). */
export const COMPLAINT_MEDIA_MAX_BYTES = 5 * 1024 * 1024;

const MEDIA_TYPES: readonly string[] = ['USER_COMPLAINT_IMAGE', 'OPERATION_IMAGE'];

function mediaOf(c: ComplaintRow): ComplaintMediaDto[] {
  return (c.media ?? [])
    .filter((m) => MEDIA_TYPES.includes(m.media_type))
    .map((m) => ({ mediaType: m.media_type as ComplaintMediaTypeDto, urls: (m.media_url ?? []).filter((u): u is string => typeof u === 'string') }));
}

/** Every media URL WeChat listed for the complaint: its detail's complaint_media_list and each history entry's. */
function mediaUrlsOf(c: ComplaintRow): Set<string> {
  const urls = new Set<string>();
  const add = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list as { media_url?: unknown }[]) if (Array.isArray(item?.media_url)) for (const u of item.media_url) if (typeof u === 'string') urls.add(u);
  };
  add(c.media);
  for (const h of c.history ?? []) add(h['complaint_media_list']);
  return urls;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

function toSummary(c: ComplaintRow): ComplaintSummaryDto {
  return {
    id: c.id,
    complaintId: c.complaint_id,
    state: c.state,
    outOrderNo: c.out_order_no,
    sessionId: c.session_id,
    merchantAccountId: c.merchant_account_id,
    organizationId: c.tenant_id,
    complaintTime: new Date(c.complaint_time).toISOString(),
    replyDueAt: new Date(c.reply_due_at).toISOString(),
    completeDueAt: new Date(c.complete_due_at).toISOString(),
    repliedAt: iso(c.replied_at),
    processedAt: iso(c.processed_at),
    detail: c.detail,
    problemType: c.problem_type,
    applyRefundFen: num(c.apply_refund_fen),
    orderFen: num(c.order_fen),
    incomingUserResponse: c.incoming_user_response,
  };
}

/**
 * Complaints as the console sees them (contracts.md §9): those on sessions the caller may see, plus those of merchant
 * accounts it may see (row-level security decides both); actions only by the merchant of record that received them.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly context: RequestContext,
    private readonly merchants: MerchantGateway,
    private readonly sessions: SessionsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  async list(q: ComplaintsQueryDto): Promise<ComplaintListDto> {
    const m = this.context.manager;
    const where = `($1::text IS NULL OR state = $1) AND ($2::uuid IS NULL OR merchant_account_id = $2) AND ($3::uuid IS NULL OR session_id = $3)`;
    const params = [q.state ?? null, q.merchantAccountId ?? null, q.sessionId ?? null];
    const rows = (await m.query(`SELECT * FROM complaints WHERE ${where} ORDER BY complaint_time DESC, id LIMIT $4 OFFSET $5`, [...params, q.limit ?? 50, q.offset ?? 0])) as ComplaintRow[];
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM complaints WHERE ${where}`, params)) as { n: number }[];
    return { items: rows.map(toSummary), total: count?.n ?? 0 };
  }

  async get(id: string): Promise<ComplaintDetailDto> {
    const m = this.context.manager;
    const c = await this.visible(m, id);
    // a franchisee sees the complaint on its session, not the brand's actions on it
    const actions = this.mayAct(c)
      ? ((await m.query(`SELECT * FROM complaint_actions WHERE complaint_ref = $1 ORDER BY created_at, id`, [id])) as {
          id: string;
          kind: string;
          state: string;
          payload: Record<string, unknown>;
          error: string | null;
          created_at: Date;
          finished_at: Date | null;
        }[])
      : [];
    return {
      ...toSummary(c),
      transactionId: c.transaction_id,
      media: mediaOf(c),
      hasPayerPhone: c.payer_phone_ciphertext !== null,
      history: c.history,
      actions: actions.map(
        (a): ComplaintActionDto => ({ id: a.id, kind: a.kind, state: a.state, payload: a.payload, error: a.error, createdAt: new Date(a.created_at).toISOString(), finishedAt: iso(a.finished_at) }),
      ),
    };
  }

  /** The payer's phone, decrypted now with the merchant's private key; audited (who read whose number). */
  async payerPhone(id: string): Promise<PayerPhoneDto> {
    const m = this.context.manager;
    const c = await this.actionable(m, id);
    if (!c.payer_phone_ciphertext) throw complaintErrors.COMPLAINT_NO_PHONE();
    const handle = await this.merchants.forAccount(m, c.merchant_account_id);
    const payerPhone = handle.decryptPayerPhone(c.payer_phone_ciphertext);
    await this.audit.record({ action: 'complaint.payer_phone.read', resourceType: 'complaint', resourceId: id, subjectTenantId: c.tenant_id, after: { complaintId: c.complaint_id } });
    return { payerPhone };
  }

  /**
   * Uploads an image (raw bytes, at most 2 MiB) to WeChat on the complaint's merchant account, for a reply's `images`
   * or a refund rejection's evidence. The bytes must be the JPEG, PNG or BMP the Content-Type says (magic number).
   * The merchant of record only; audited.
   */
  async uploadImage(id: string, declaredType: string | undefined, body: unknown): Promise<ComplaintImageDto> {
    const m = this.context.manager;
    const c = await this.actionable(m, id);
    if (!isComplaintImageType(declaredType)) throw imageTypeError(`Content-Type ${declaredType ?? '(none)'} is not image/jpeg, image/png or image/bmp.`, 'content-type');
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    if (bytes.length > COMPLAINT_IMAGE_LIMIT_BYTES) throw imageTooLargeError();
    const detected = detectImageType(bytes);
    if (detected !== declaredType) throw imageTypeError(detected ? `The bytes are ${detected}, not the declared ${declaredType}.` : `The bytes are not a JPEG, PNG or BMP image.`, 'body');
    const handle = await this.merchants.forAccount(m, c.merchant_account_id);
    let mediaId: string;
    try {
      ({ media_id: mediaId } = await handle.client.uploadComplaintImage({ filename: `complaint-${c.complaint_id}.${COMPLAINT_IMAGE_TYPES[detected]}`, bytes }));
    } catch (error) {
      throw complaintErrors.COMPLAINT_IMAGE_UPLOAD_FAILED(`WeChat Pay answered ${isPayScoreError(error) ? `${error.code}${error.wechatCode ? ` (${error.wechatCode})` : ''}` : String(error)}.`);
    }
    await this.audit.record({ action: 'complaint.image.upload', resourceType: 'complaint', resourceId: id, subjectTenantId: c.tenant_id, after: { mediaId, bytes: bytes.length, type: detected } });
    return { mediaId };
  }

  /**
   * One of the complaint's images from WeChat: only a URL its stored detail or history lists (never an arbitrary URL),
   * fetched by a GET signed over the URL exactly as given; the answer is unsigned binary, bounded in size.
   */
  async media(id: string, url: string): Promise<ComplaintMediaFile> {
    const m = this.context.manager;
    const c = await this.visible(m, id);
    if (!mediaUrlsOf(c).has(url)) throw complaintErrors.COMPLAINT_MEDIA_NOT_FOUND();
    // a franchisee reads the complaints on its sessions, which its brand's account received
    const handle = await this.merchants.forAccountInPlace(m, c.merchant_account_id);
    try {
      const file = await handle.client.downloadComplaintMedia(url, { maxBytes: COMPLAINT_MEDIA_MAX_BYTES });
      return { bytes: file.bytes, contentType: file.contentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_COMPLAINT_NOT_FOUND')) throw complaintErrors.COMPLAINT_MEDIA_NOT_FOUND('WeChat Pay has no such image (any more).');
      throw complaintErrors.COMPLAINT_MEDIA_UNAVAILABLE(`WeChat Pay answered ${isPayScoreError(error) ? error.code : String(error)}.`);
    }
  }

  reply(id: string, input: ComplaintReplyDto): Promise<ComplaintDetailDto> {
    return this.queue(id, 'REPLY', { content: input.content, ...(input.images?.length ? { images: input.images } : {}) });
  }

  complete(id: string): Promise<ComplaintDetailDto> {
    return this.queue(id, 'COMPLETE', {});
  }

  refundProgress(id: string, input: ComplaintRefundProgressDto): Promise<ComplaintDetailDto> {
    const errors: { field: string; messages: string[] }[] = [];
    if (input.action === 'REJECT' && !input.rejectReason?.trim()) errors.push({ field: 'rejectReason', messages: ['required to REJECT'] });
    if (input.action === 'APPROVE' && input.rejectReason !== undefined) errors.push({ field: 'rejectReason', messages: ['only with REJECT'] });
    // WeChat refuses launch_refund_day with REJECT: refused here rather than dropped without a word
    if (input.action === 'REJECT' && input.launchRefundDay !== undefined) errors.push({ field: 'launchRefundDay', messages: ['only with APPROVE'] });
    if (errors.length) throw platformErrors.VALIDATION_FAILED(`Invalid fields: ${errors.map((e) => e.field).join(', ')}`, { errors });
    return this.queue(id, 'REFUND_PROGRESS', { ...input });
  }

  /** A refund of the complained session through the sessions' normal refund path (its job, its ledger posting). */
  async refund(id: string, input: ComplaintRefundDto): Promise<ComplaintDetailDto> {
    const m = this.context.manager;
    const c = await this.actionable(m, id);
    if (!c.session_id) throw complaintErrors.COMPLAINT_NO_SESSION();
    const session = await this.sessions.refund(c.session_id, { amountFen: input.amountFen, reason: input.reason });
    const refundAction = session.actions.filter((a) => a.kind === 'REFUND').at(-1);
    await m.query(`INSERT INTO complaint_actions (tenant_id, complaint_ref, kind, state, payload, requested_by, finished_at) VALUES ($1, $2, 'REFUND', 'SUCCEEDED', $3, $4, now())`, [
      c.tenant_id,
      c.id,
      JSON.stringify({ amountFen: input.amountFen, reason: input.reason, sessionActionId: refundAction?.id ?? null }),
      this.context.principal.userId,
    ]);
    await this.audit.record({ action: 'complaint.refund', resourceType: 'complaint', resourceId: id, subjectTenantId: c.tenant_id, after: { sessionId: c.session_id, ...input } });
    return this.get(id);
  }

  /** Registers (or updates) the account's complaint notification URL at WeChat: `${publicBaseUrl}/v1/payscore/notify/{accountId}/complaints`. */
  async registerNotificationUrl(accountId: string, publicBaseUrl: string): Promise<ComplaintNotificationUrlDto> {
    const m = this.context.manager;
    const [account] = (await m.query(`SELECT id, tenant_id FROM merchant_accounts WHERE id = $1`, [accountId])) as { id: string; tenant_id: string }[];
    if (!account) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    const handle = await this.merchants.forAccount(m, accountId);
    const url = complaintNotifyUrl(publicBaseUrl, accountId);
    let answer: { mchid: string; url: string; replaced?: string };
    try {
      answer = await ensureComplaintNotificationUrl(handle.client, url, { accountId, replaceForeign: true });
    } catch (error) {
      throw complaintErrors.COMPLAINT_NOTIFICATION_URL_FAILED(`WeChat Pay answered ${isPayScoreError(error) ? error.code : String(error)}.`);
    }
    // from now on the periodic catch-up also lists this account's complaints at WeChat; the account shows it registered
    await recordComplaintRegistration(m, accountId, answer.url);
    // the URL it replaced (another system's, or this platform's under an older PUBLIC_BASE_URL) is kept in the audit row
    await this.audit.record({
      action: 'complaint.notification_url.set',
      resourceType: 'merchant_account',
      resourceId: accountId,
      subjectTenantId: account.tenant_id,
      ...(answer.replaced ? { before: { url: answer.replaced } } : {}),
      after: { mchid: answer.mchid, url: answer.url },
    });
    return { mchid: answer.mchid, url: answer.url };
  }

  private async queue(id: string, kind: 'REPLY' | 'COMPLETE' | 'REFUND_PROGRESS', payload: Record<string, unknown>): Promise<ComplaintDetailDto> {
    const m = this.context.manager;
    const c = await this.actionable(m, id, true);
    if (c.state === 'PROCESSED') throw complaintErrors.COMPLAINT_PROCESSED();
    const [action] = (await m.query(
      `INSERT INTO complaint_actions (tenant_id, complaint_ref, kind, state, payload, requested_by) VALUES ($1, $2, $3, 'PENDING', $4, $5) RETURNING id`,
      [c.tenant_id, c.id, kind, JSON.stringify(payload), this.context.principal.userId],
    )) as { id: string }[];
    await this.jobs.enqueue(complaintActionJob, { actionId: action!.id }, { key: action!.id });
    await this.audit.record({ action: `complaint.${kind.toLowerCase()}`, resourceType: 'complaint', resourceId: id, subjectTenantId: c.tenant_id, after: { actionId: action!.id, ...payload } });
    return this.get(id);
  }

  private async visible(m: EntityManager, id: string, lock = false): Promise<ComplaintRow> {
    const [c] = (await m.query(`SELECT * FROM complaints WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as ComplaintRow[];
    if (!c) throw complaintErrors.COMPLAINT_NOT_FOUND();
    return c;
  }

  /** Only the merchant of record (or the platform admin) acts on a complaint or reads the payer's phone. */
  private async actionable(m: EntityManager, id: string, lock = false): Promise<ComplaintRow> {
    const c = await this.visible(m, id, lock);
    if (!this.mayAct(c)) throw complaintErrors.COMPLAINT_NOT_YOURS_TO_ACT();
    return c;
  }

  private mayAct(c: ComplaintRow): boolean {
    return this.context.isPlatformAdmin || this.context.tenantId === c.tenant_id;
  }
}
