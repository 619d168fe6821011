import { Inject, Injectable, Logger } from '@nestjs/common';
import { isPayScoreError, outcomeOf, type Complaint, type ComplaintEvent, type ComplaintNegotiation } from '@zizhu/payscore';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { defineJob, type PeriodicTick } from '../../platform/jobs/job-definition.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { MerchantGateway, type MerchantHandle } from '../merchants/merchant-gateway.service.js';
import { ComplaintRegistration } from './complaint-registration.service.js';
import { complaintErrors } from './complaints.errors.js';

/** Fetch a complaint's detail and negotiation history from WeChat and store it (linked to its session). */
export const complaintSyncJob = defineJob<{ accountId: string; complaintId: string }>('complaints.sync', { retry: { limit: 8, delaySeconds: 2 } });
/** A reply, completion or refund-progress update sent to WeChat (its row in complaint_actions). */
export const complaintActionJob = defineJob<{ actionId: string }>('complaints.action', { retry: { limit: 8, delaySeconds: 1, backoff: true, maxDelaySeconds: 300 } });

/**
 * The catch-up of lost callbacks: every interval, once for the whole deployment (slot-keyed, exclusive), lists WeChat's
 * complaints of the last 30 days of each account with complaints switched on and syncs the unknown or changed ones.
 */
export const complaintCatchUpJob = defineJob<PeriodicTick>('complaints.catch-up', { exclusive: true, retry: { limit: 0 }, expireInSeconds: 900, keepFinishedSeconds: 86_400 });

/** Defaults of config.complaints (COMPLAINT_REPLY_HOURS, COMPLAINT_COMPLETE_HOURS, COMPLAINTS_CATCH_UP_SECONDS). */
export const COMPLAINT_DEFAULTS = { replyHours: 24, completeHours: 72, catchUpIntervalSeconds: 900 } as const;
/** WeChat's list answers at most 30 days between begin_date and end_date, 50 a page. */
const CATCH_UP_SPAN_DAYS = 30;
const CATCH_UP_PAGE = 50;

/** yyyy-MM-dd in Beijing time (WeChat's list dates) of `ms`. */
const beijingDate = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export interface CatchUpResult {
  /** Accounts listed. */
  readonly accounts: number;
  /** Complaints WeChat listed. */
  readonly listed: number;
  /** Of those, the unknown or changed ones queued for a sync. */
  readonly queued: number;
  /** Accounts whose listing failed (tried again next interval). */
  readonly failed: number;
}

interface ActionRow {
  id: string;
  tenant_id: string;
  complaint_ref: string;
  kind: 'REPLY' | 'COMPLETE' | 'REFUND_PROGRESS' | 'REFUND';
  state: string;
  payload: Record<string, unknown>;
  created_at: Date;
  complaint_id: string;
  merchant_account_id: string;
}

/**
 * The WeChat side of complaints: callbacks verified and stored once, detail + history fetched and linked to the session
 * by its order numbers, and the merchant's actions sent by jobs. A reply whose answer was lost is not sent twice: before
 * every attempt the negotiation history is read, and a MERCHANT_RESPONSE with the same text since the action was asked
 * for means WeChat has it (WeChat's reply API takes no idempotency key).
 */
@Injectable()
export class ComplaintSync {
  private readonly logger = new Logger('Complaints');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
    private readonly jobs: JobsService,
    private readonly registration: ComplaintRegistration,
  ) {}

  async register(): Promise<void> {
    // rare work: slower pollers than the sessions' (each registered job name polls the database on its own)
    await this.jobs.register(complaintSyncJob, async ({ accountId, complaintId }) => void (await this.sync(accountId, complaintId)), { pollingIntervalSeconds: Math.max(this.config.jobs.pollingIntervalSeconds, 1) });
    await this.jobs.register(complaintActionJob, ({ actionId }) => this.runAction(actionId), { pollingIntervalSeconds: Math.max(this.config.jobs.pollingIntervalSeconds, 1) });
    await this.jobs.register(complaintCatchUpJob, async ({ slot }) => {
      // first the accounts WeChat does not send complaints for yet (at boot, then every interval): they get the registration job
      await this.registration.sweep().catch((error: unknown) => this.logger.warn({ error: String(error) }, 'complaint registration sweep failed'));
      await this.catchUp(slot);
    });
    await this.jobs.every(complaintCatchUpJob, { intervalSeconds: this.config.complaints?.catchUpIntervalSeconds ?? COMPLAINT_DEFAULTS.catchUpIntervalSeconds });
  }

  /**
   * Lists the complaints of the last 30 days at WeChat for every enabled account (page by page) and queues the same
   * sync job a callback queues for each complaint that is not stored yet or whose state, pending user message or
   * refund flag differ from the stored row. Nothing changed: nothing is queued (the sync itself is an upsert).
   */
  async catchUp(slot = Math.floor(Date.now() / 1000)): Promise<CatchUpResult> {
    const accounts = await this.transactions.asSystem(
      async (m) => (await m.query(`SELECT id FROM merchant_accounts WHERE complaints_enabled_at IS NOT NULL AND disabled_at IS NULL ORDER BY created_at, id`)) as { id: string }[],
    );
    const now = Date.now();
    const range = { begin_date: beijingDate(now - CATCH_UP_SPAN_DAYS * 86_400_000), end_date: beijingDate(now) };
    let listed = 0;
    let queued = 0;
    let failed = 0;
    for (const { id: accountId } of accounts) {
      try {
        const handle = await this.transactions.asSystem((m) => this.merchants.forAccount(m, accountId));
        for (let offset = 0; ; offset += CATCH_UP_PAGE) {
          const page = await handle.client.listComplaints({ ...range, limit: CATCH_UP_PAGE, offset, complainted_mchid: handle.mchid });
          listed += page.data.length;
          for (const c of await this.unknownOrChanged(page.data)) {
            const sent = await this.jobs.enqueue(complaintSyncJob, { accountId, complaintId: c.complaint_id }, { key: `catch-up:${slot}:${c.complaint_id}` });
            if (sent.created) queued += 1;
          }
          if (page.data.length < CATCH_UP_PAGE || offset + page.data.length >= page.total_count) break;
        }
      } catch (error) {
        failed += 1;
        this.logger.warn({ accountId, error: isPayScoreError(error) ? error.code : String(error) }, 'complaint catch-up failed for an account');
      }
    }
    return { accounts: accounts.length, listed, queued, failed };
  }

  private async unknownOrChanged(listed: Complaint[]): Promise<Complaint[]> {
    if (listed.length === 0) return [];
    const stored = await this.transactions.asSystem(
      async (m) =>
        (await m.query(`SELECT complaint_id, state, incoming_user_response, full_refunded FROM complaints WHERE complaint_id = ANY($1::text[])`, [listed.map((c) => c.complaint_id)])) as {
          complaint_id: string;
          state: string;
          incoming_user_response: boolean;
          full_refunded: boolean;
        }[],
    );
    const byId = new Map(stored.map((r) => [r.complaint_id, r]));
    return listed.filter((c) => {
      const row = byId.get(c.complaint_id);
      return (
        !row ||
        row.state !== c.complaint_state ||
        (c.incoming_user_response !== undefined && row.incoming_user_response !== c.incoming_user_response) ||
        (c.complaint_full_refunded !== undefined && row.full_refunded !== c.complaint_full_refunded)
      );
    });
  }

  /** POST /v1/payscore/notify/{accountId}/complaints (under the raw-body capture of the Pay Score notify routes): verified on the raw body before anything is decrypted; stored once; synced by a job. */
  async receive(accountId: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer | undefined): Promise<void> {
    const handle = await this.transactions.asSystem((m) => this.merchants.forAccount(m, accountId)).catch(() => {
      throw complaintErrors.COMPLAINT_NOTIFY_UNKNOWN_ACCOUNT();
    });
    let event: ComplaintEvent;
    try {
      event = handle.verifyComplaintNotification(headers, rawBody ?? Buffer.alloc(0));
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT')) return;
      const code = isPayScoreError(error) ? error.code : 'PAYSCORE_NOTIFY_MALFORMED';
      this.logger.warn({ accountId, code }, 'complaint callback rejected');
      throw complaintErrors.COMPLAINT_NOTIFY_REJECTED(`The complaint callback was rejected: ${code}.`);
    }
    await this.transactions.asSystem(async (m) => {
      const rows = (await m.query(
        `INSERT INTO complaint_notifications (id, tenant_id, merchant_account_id, complaint_id, action_type) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [event.id, handle.tenantId, accountId, event.complaint.complaint_id, event.complaint.action_type],
      )) as { id: string }[];
      if (rows.length > 0) await this.jobs.enqueue(complaintSyncJob, { accountId, complaintId: event.complaint.complaint_id }, { key: `n:${event.id}` });
    });
  }

  /** Fetches the complaint and its history and stores them; answers the stored row's id. */
  async sync(accountId: string, complaintId: string): Promise<string> {
    const handle = await this.transactions.asSystem((m) => this.merchants.forAccount(m, accountId));
    const c = await handle.client.queryComplaint(complaintId);
    const history = await this.history(handle, complaintId);
    const outOrderNo = c.service_order_info?.find((s) => s.out_order_no)?.out_order_no ?? null;
    const order = c.complaint_order_info?.[0];
    const settings = { ...COMPLAINT_DEFAULTS, ...this.config.complaints };
    const complaintTime = new Date(c.complaint_time);
    const replied = history.find((h) => h.operate_type === 'MERCHANT_RESPONSE');
    return this.transactions.asSystem(async (m) => {
      const [session] = (await m.query(
        `SELECT id, tenant_id, out_order_no FROM service_sessions WHERE merchant_account_id = $1 AND (out_order_no = $2 OR ($3::text IS NOT NULL AND transaction_id = $3)) LIMIT 1`,
        [accountId, outOrderNo, order?.transaction_id ?? null],
      )) as { id: string; tenant_id: string; out_order_no: string }[];
      const [row] = (await m.query(
        `INSERT INTO complaints (tenant_id, merchant_account_id, complaint_id, session_id, session_tenant_id, out_order_no, transaction_id, state, complaint_time,
                                 reply_due_at, complete_due_at, detail, problem_type, apply_refund_fen, order_fen, full_refunded, incoming_user_response,
                                 payer_phone_ciphertext, history, replied_at, media, processed_at, synced_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, CASE WHEN $8 = 'PROCESSED' THEN now() END, now())
         ON CONFLICT (complaint_id) DO UPDATE SET
           state = excluded.state, session_id = coalesce(complaints.session_id, excluded.session_id), session_tenant_id = coalesce(complaints.session_tenant_id, excluded.session_tenant_id),
           out_order_no = coalesce(excluded.out_order_no, complaints.out_order_no), transaction_id = coalesce(excluded.transaction_id, complaints.transaction_id),
           detail = excluded.detail, problem_type = excluded.problem_type, apply_refund_fen = excluded.apply_refund_fen, order_fen = excluded.order_fen,
           full_refunded = excluded.full_refunded, incoming_user_response = excluded.incoming_user_response,
           payer_phone_ciphertext = coalesce(excluded.payer_phone_ciphertext, complaints.payer_phone_ciphertext), history = excluded.history,
           replied_at = coalesce(complaints.replied_at, excluded.replied_at), media = excluded.media,
           processed_at = CASE WHEN excluded.state = 'PROCESSED' THEN coalesce(complaints.processed_at, now()) END, synced_at = now()
         RETURNING id`,
        [
          handle.tenantId,
          accountId,
          c.complaint_id,
          session?.id ?? null,
          session?.tenant_id ?? null,
          outOrderNo ?? session?.out_order_no ?? null,
          order?.transaction_id ?? null,
          c.complaint_state,
          complaintTime,
          new Date(complaintTime.getTime() + settings.replyHours * 3_600_000),
          new Date(complaintTime.getTime() + settings.completeHours * 3_600_000),
          c.complaint_detail,
          c.problem_type ?? null,
          c.apply_refund_amount ?? null,
          order?.amount ?? null,
          c.complaint_full_refunded ?? false,
          c.incoming_user_response ?? false,
          c.payer_phone ?? null,
          JSON.stringify(history),
          replied ? new Date(replied.operate_time) : null,
          JSON.stringify((c.complaint_media_list ?? []).map((x) => ({ media_type: x.media_type, media_url: Array.isArray(x.media_url) ? x.media_url : [] }))),
        ],
      )) as { id: string }[];
      // a complaint near its reply or completion deadline is raised by the alerts evaluator (COMPLAINT_DEADLINE, from this table)
      return row!.id;
    });
  }

  /** A complaint action job: sends it once; a verified refusal fails it, anything else is retried (after reading the history). */
  async runAction(actionId: string): Promise<void> {
    const action = await this.transactions.asSystem(
      async (m) =>
        (
          (await m.query(
            `SELECT a.id, a.tenant_id, a.complaint_ref, a.kind, a.state, a.payload, a.created_at, c.complaint_id, c.merchant_account_id
               FROM complaint_actions a JOIN complaints c ON c.id = a.complaint_ref WHERE a.id = $1`,
            [actionId],
          )) as ActionRow[]
        )[0],
    );
    if (!action || action.state !== 'PENDING') return;
    const handle = await this.transactions.asSystem((m) => this.merchants.forAccount(m, action.merchant_account_id));
    await this.transactions.asSystem((m) => m.query(`UPDATE complaint_actions SET attempts = attempts + 1 WHERE id = $1`, [actionId]));
    try {
      await this.send(handle, action);
    } catch (error) {
      if (outcomeOf(error) === 'refused') {
        const code = isPayScoreError(error) ? `${error.code}${error.wechatCode ? ` (${error.wechatCode})` : ''}: ${error.message}` : String(error);
        await this.transactions.asSystem((m) => m.query(`UPDATE complaint_actions SET state = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [actionId, code]));
        return;
      }
      throw error; // an unknown outcome: the job tries again, reading the history first
    }
    await this.transactions.asSystem((m) => m.query(`UPDATE complaint_actions SET state = 'SUCCEEDED', finished_at = now() WHERE id = $1 AND state = 'PENDING'`, [actionId]));
    await this.sync(action.merchant_account_id, action.complaint_id);
  }

  private async send(handle: MerchantHandle, action: ActionRow): Promise<void> {
    const client = handle.client;
    const p = action.payload;
    switch (action.kind) {
      case 'REPLY': {
        const content = String(p['content']);
        const since = new Date(action.created_at).getTime() - 60_000;
        const history = await this.history(handle, action.complaint_id);
        // the answer to an earlier attempt was lost but WeChat has the reply: do not reply twice
        if (history.some((h) => h.operate_type === 'MERCHANT_RESPONSE' && h.operate_details === content && Date.parse(h.operate_time) >= since)) return;
        const images = Array.isArray(p['images']) ? (p['images'] as string[]) : [];
        // the client sends a reply once (no automatic retry): a lost answer comes back here, and the history is read first
        await client.respondToComplaint(action.complaint_id, { response_content: content, ...(images.length ? { response_images: images } : {}), complainted_mchid: handle.mchid });
        return;
      }
      case 'COMPLETE': {
        const current = await client.queryComplaint(action.complaint_id);
        if (current.complaint_state === 'PROCESSED') return; // an earlier attempt's answer was lost, or WeChat closed it
        await client.completeComplaint(action.complaint_id, { complainted_mchid: handle.mchid });
        return;
      }
      case 'REFUND_PROGRESS': {
        if (p['action'] === 'REJECT') {
          await client.updateComplaintRefundProgress(action.complaint_id, {
            action: 'REJECT',
            reject_reason: String(p['rejectReason']),
            ...(p['remark'] ? { remark: String(p['remark']) } : {}),
          });
        } else {
          await client.updateComplaintRefundProgress(action.complaint_id, {
            action: 'APPROVE',
            ...(typeof p['launchRefundDay'] === 'number' ? { launch_refund_day: p['launchRefundDay'] } : {}),
            ...(p['remark'] ? { remark: String(p['remark']) } : {}),
          });
        }
        return;
      }
      case 'REFUND':
        return; // the session's refund job does the work; this row only records it
    }
  }

  private async history(handle: MerchantHandle, complaintId: string): Promise<ComplaintNegotiation[]> {
    const page = await handle.client.listComplaintNegotiationHistory(complaintId, { limit: 300 });
    return [...page.data].sort((a, b) => Date.parse(a.operate_time) - Date.parse(b.operate_time));
  }
}
