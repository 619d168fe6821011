import { Injectable } from '@nestjs/common';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  LookupKind,
  SupportChargeDto,
  SupportComplaintDto,
  SupportDeviceReportDto,
  SupportLookupDto,
  SupportLookupQuery,
  SupportRefundDto,
  SupportSessionDto,
} from './dto/support.dto.js';

/** At most this many sessions per answer; one more is read to tell that there were more. */
const MAX_SESSIONS = 20;
/** Device reports per session. */
const MAX_REPORTS = 200;
/** The device timeline runs from this long before the session to this long after its end. */
const REPORT_MARGIN = "interval '10 minutes'";

/**
 * The identifiers an end user quotes about themselves: searching by them is a look at a person's orders, so it is
 * audited (`support.lookup`). `outOrderNo` and device + time are the operator's own references (printed on the
 * operator's side, found on the device): a search by them is audited only when its answer names a user (an openid or
 * a WeChat transaction_id), so walking a device's days cannot collect users' identifiers unrecorded.
 */
export const USER_IDENTIFIER_KINDS: ReadonlySet<LookupKind> = new Set(['openid', 'transactionId', 'refundNo']);

/** The format of each identifier, checked before any query (400 naming `q`). */
const FORMATS: Record<LookupKind, { pattern: RegExp; message: string }> = {
  transactionId: { pattern: /^[0-9A-Za-z]{1,32}$/, message: 'q must be a WeChat transaction_id: 1–32 letters or digits' },
  outOrderNo: { pattern: /^[A-Za-z0-9_|*@-]{1,32}$/, message: 'q must be an out_order_no: 1–32 of A-Z a-z 0-9 _ - | * @' },
  refundNo: { pattern: /^[A-Za-z0-9_|*@-]{1,64}$/, message: 'q must be a refund number (out_refund_no or refund_id): 1–64 of A-Z a-z 0-9 _ - | * @' },
  openid: { pattern: /^[A-Za-z0-9_-]{1,128}$/, message: 'q must be an openid: 1–128 of A-Z a-z 0-9 _ -' },
  deviceTime: { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, message: 'q must be a device code (3–64 of A-Z a-z 0-9 _ -, starting with a letter or digit)' },
};

const invalid = (field: string, message: string) => platformErrors.VALIDATION_FAILED(`Invalid fields: ${field}`, { errors: [{ field, messages: [message] }] });

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string | Date).toISOString());
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

interface SessionRow {
  id: string;
  state: string;
  tenant_id: string;
  organization_name: string | null;
  out_order_no: string;
  out_order_nos: string[] | null;
  transaction_id: string | null;
  openid: string | null;
  device_id: string;
  device_code: string;
  device_type: string;
  slot: number | null;
  connector: number | null;
  created_at: Date | string;
  in_use_at: Date | string | null;
  ended_at: Date | string | null;
  paid_at: Date | string | null;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
  anomaly: string | null;
  total_fen: number | null;
  paid_fen: number | null;
  refunded_fen: number;
  quote: { lines?: { kind?: string; label?: string; amountFen?: number; detail?: string }[] } | null;
}

/**
 * Customer-service lookup (issue 16): finds sessions by what a caller quotes and answers each with its charges,
 * refunds, complaints and what its device reported. Every read runs in the request's tenant transaction, so
 * row-level security decides what is found: a franchisee finds only its own sessions, a hardware reseller none of
 * its customers'.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  async lookup(query: SupportLookupQuery): Promise<SupportLookupDto> {
    const q = query.q.trim();
    const format = FORMATS[query.kind];
    if (!format.pattern.test(q)) throw invalid('q', format.message);
    let at: Date | null = null;
    if (query.kind === 'deviceTime') {
      if (!query.at) throw invalid('at', 'at is required for kind deviceTime');
      at = new Date(query.at);
      if (Number.isNaN(at.getTime())) throw invalid('at', 'at must be an ISO 8601 date-time');
    }
    const ids = await this.findIds(query.kind, q, at, query.windowMinutes ?? 30);
    const truncated = ids.length > MAX_SESSIONS;
    const sessions = await this.load(ids.slice(0, MAX_SESSIONS));
    const audited = USER_IDENTIFIER_KINDS.has(query.kind) || sessions.some((s) => s.openid !== null || s.transactionId !== null);
    if (audited) {
      await this.audit.record({
        action: 'support.lookup',
        resourceType: 'end-user',
        resourceId: null,
        subjectTenantId: null,
        after: { kind: query.kind, q, sessionIds: sessions.map((s) => s.id) },
      });
    }
    return { kind: query.kind, q, audited, sessions, truncated };
  }

  /** The ids of the visible sessions matching, newest first, at most one more than the page. */
  private async findIds(kind: LookupKind, q: string, at: Date | null, windowMinutes: number): Promise<string[]> {
    const limit = MAX_SESSIONS + 1;
    const m = this.context.manager;
    let rows: { id: string }[];
    switch (kind) {
      case 'transactionId':
        rows = await m.query(`SELECT id FROM service_sessions WHERE transaction_id = $1 ORDER BY created_at DESC LIMIT ${limit}`, [q]);
        break;
      case 'outOrderNo':
        rows = await m.query(
          // two indexed lookups (an OR over a subquery is a scan of every session)
          `SELECT s.id FROM service_sessions s
            WHERE s.id IN (SELECT id FROM service_sessions WHERE out_order_no = $1
                           UNION SELECT a.session_id FROM session_order_attempts a WHERE a.out_order_no = $1)
           ORDER BY s.created_at DESC LIMIT ${limit}`,
          [q],
        );
        break;
      case 'refundNo':
        rows = await m.query(
          `SELECT s.id FROM service_sessions s
           WHERE s.id IN (SELECT r.session_id FROM session_actions r WHERE r.kind = 'REFUND' AND (r.out_refund_no = $1 OR r.refund_id = $1))
           ORDER BY s.created_at DESC LIMIT ${limit}`,
          [q],
        );
        break;
      case 'openid':
        rows = await m.query(`SELECT s.id FROM service_sessions s WHERE s.end_user_id = ANY (zizhu_support_end_users($1)) ORDER BY s.created_at DESC LIMIT ${limit}`, [q]);
        break;
      case 'deviceTime':
        // sessions on that device whose span (created → ended, cancelled or still open) comes within the window of `at`
        rows = await m.query(
          `SELECT s.id FROM service_sessions s
           WHERE s.device_code = $1
             AND s.created_at <= $2::timestamptz + make_interval(mins => $3)
             AND coalesce(s.ended_at, s.cancelled_at, CASE WHEN s.state IN ('PAID', 'CANCELLED') THEN s.updated_at END, now()) >= $2::timestamptz - make_interval(mins => $3)
           ORDER BY abs(extract(epoch FROM s.created_at - $2::timestamptz)), s.created_at DESC LIMIT ${limit}`,
          [q, at!.toISOString(), windowMinutes],
        );
        break;
    }
    return rows.map((r) => r.id);
  }

  private async load(ids: string[]): Promise<SupportSessionDto[]> {
    if (ids.length === 0) return [];
    const m = this.context.manager;
    const rows = (await m.query(
      `SELECT s.id, s.state, s.tenant_id, o.name AS organization_name, s.out_order_no, s.transaction_id, u.openid,
              s.device_id, s.device_code, s.device_type, s.slot, s.connector, s.created_at, s.in_use_at, s.ended_at, s.paid_at,
              s.cancelled_at, s.cancel_reason, s.anomaly, s.total_fen, s.paid_fen, s.refunded_fen, s.quote,
              (SELECT array_agg(a.out_order_no ORDER BY a.attempt) FROM session_order_attempts a WHERE a.session_id = s.id) AS out_order_nos
       FROM service_sessions s
       LEFT JOIN organizations o ON o.id = s.tenant_id
       LEFT JOIN end_users u ON u.tenant_id = s.merchant_tenant_id AND u.id = s.end_user_id
       WHERE s.id = ANY ($1::uuid[])`,
      [ids],
    )) as SessionRow[];
    const refunds = (await m.query(
      `SELECT id, session_id, out_refund_no, refund_id, amount_fen, state, reason, created_at, finished_at
       FROM session_actions WHERE kind = 'REFUND' AND session_id = ANY ($1::uuid[]) ORDER BY created_at`,
      [ids],
    )) as Record<string, unknown>[];
    const complaints = (await m.query(
      `SELECT id, session_id, complaint_id, state, detail, complaint_time, reply_due_at
       FROM complaints WHERE session_id = ANY ($1::uuid[]) ORDER BY complaint_time`,
      [ids],
    )) as Record<string, unknown>[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: SupportSessionDto[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      out.push({
        id: row.id,
        state: row.state,
        organizationId: row.tenant_id,
        organizationName: row.organization_name ?? '',
        outOrderNo: row.out_order_no,
        outOrderNos: row.out_order_nos ?? [row.out_order_no],
        transactionId: row.transaction_id,
        openid: row.openid,
        deviceId: row.device_id,
        deviceCode: row.device_code,
        deviceType: row.device_type,
        slot: num(row.slot),
        connector: num(row.connector),
        createdAt: iso(row.created_at)!,
        inUseAt: iso(row.in_use_at),
        endedAt: iso(row.ended_at),
        paidAt: iso(row.paid_at),
        cancelledAt: iso(row.cancelled_at),
        cancelReason: row.cancel_reason,
        anomaly: row.anomaly,
        totalFen: num(row.total_fen),
        paidFen: num(row.paid_fen),
        refundedFen: Number(row.refunded_fen),
        charges: (row.quote?.lines ?? []).map(
          (l): SupportChargeDto => ({ kind: String(l.kind ?? ''), label: String(l.label ?? ''), amountFen: Number(l.amountFen ?? 0), detail: l.detail ?? null }),
        ),
        refunds: refunds
          .filter((r) => r.session_id === id)
          .map(
            (r): SupportRefundDto => ({
              id: r.id as string,
              outRefundNo: (r.out_refund_no as string | null) ?? null,
              refundId: (r.refund_id as string | null) ?? null,
              amountFen: num(r.amount_fen),
              state: r.state as string,
              reason: (r.reason as string | null) ?? null,
              createdAt: iso(r.created_at)!,
              finishedAt: iso(r.finished_at),
            }),
          ),
        complaints: complaints
          .filter((c) => c.session_id === id)
          .map(
            (c): SupportComplaintDto => ({
              id: c.id as string,
              complaintId: c.complaint_id as string,
              state: c.state as string,
              detail: c.detail as string,
              complaintTime: iso(c.complaint_time)!,
              replyDueAt: iso(c.reply_due_at)!,
            }),
          ),
        deviceReports: await this.deviceReports(row),
      });
    }
    return out;
  }

  /** Events, commands (with their acks) and heartbeats of the session's device around the session, in time order. */
  private async deviceReports(row: SessionRow): Promise<SupportDeviceReportDto[]> {
    const end = row.ended_at ?? row.cancelled_at ?? row.paid_at;
    const params = [row.device_id, iso(row.created_at), end ? iso(end) : null, row.id];
    const rows = (await this.context.manager.query(
      `WITH span AS (SELECT $2::timestamptz - ${REPORT_MARGIN} AS from_at, coalesce($3::timestamptz, now()) + ${REPORT_MARGIN} AS to_at)
       SELECT * FROM (
         SELECT e.occurred_at AS at, 'EVENT' AS source, e.type, coalesce(e.session_id = $4, false) AS of_session,
                jsonb_build_object('eventId', e.event_id, 'origin', e.source, 'receivedAt', e.received_at, 'clockFlag', e.clock_flag, 'outOfOrder', e.out_of_order, 'payload', e.payload) AS detail
         FROM device_events e, span WHERE e.device_id = $1 AND e.occurred_at BETWEEN span.from_at AND span.to_at
         UNION ALL
         SELECT c.created_at, 'COMMAND', c.type, coalesce(c.session_id = $4, false),
                jsonb_build_object('commandId', c.id, 'state', c.state, 'deliveredAt', c.delivered_at, 'ackResult', c.ack_result, 'ackDetail', c.ack_detail,
                                   'ackOccurredAt', c.ack_occurred_at, 'params', c.params)
         FROM device_commands c, span WHERE c.device_id = $1 AND (c.session_id = $4 OR c.created_at BETWEEN span.from_at AND span.to_at)
         UNION ALL
         SELECT t.recorded_at, 'TELEMETRY', 'heartbeat', false, jsonb_build_object('firmware', t.firmware, 'telemetry', t.telemetry)
         FROM device_telemetry t, span WHERE t.device_id = $1 AND t.recorded_at BETWEEN span.from_at AND span.to_at
       ) r ORDER BY at, source LIMIT ${MAX_REPORTS}`,
      params,
    )) as { at: Date | string; source: SupportDeviceReportDto['source']; type: string; of_session: boolean; detail: Record<string, unknown> }[];
    return rows.map((r) => ({ at: iso(r.at)!, source: r.source, type: r.type, ofSession: Boolean(r.of_session), detail: r.detail }));
  }
}
