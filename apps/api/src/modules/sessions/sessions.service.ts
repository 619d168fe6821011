import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PricingError } from '@zizhu/pricing';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { TenantReads } from '../../platform/tenancy/tenant-reads.js';
import { AuditService } from '../audit/audit.service.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import type { EndSessionDto, ListSessionsQuery, ModifySessionDto, ReceivablesDto, ReceivablesQuery, RefundSessionDto, SessionDetailDto, SessionFilterQuery, SessionListDto } from './dto/sessions.dto.js';
import { SessionEngine } from './session-engine.service.js';
import { SessionStore } from './session-store.js';
import { SessionWatch } from './session-watch.js';
import { AGING, ANOMALY_KINDS, type SessionRow } from './session.model.js';
import { toSessionDetailDto, toSessionDto } from './sessions.mappers.js';
import { sessionErrors } from './sessions.errors.js';
import { sessionActionJob } from './sessions.jobs.js';

/** Rows per query while the CSV export streams. */
const EXPORT_BATCH = 1000;

/** The session list's order: newest first; the id breaks ties (keyset pagination). */
const ORDER = 'ORDER BY created_at DESC, id DESC';

/** `<epoch microseconds>.<id>`: the last row of a page (microseconds, which a JS Date would lose). */
function encodeCursor(row: { cursor_us: string; id: string }): string {
  return Buffer.from(`${row.cursor_us}.${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { us: string; id: string } {
  const [us, id] = Buffer.from(cursor, 'base64url').toString().split('.');
  if (!us || !/^\d{1,20}$/.test(us) || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    throw platformErrors.VALIDATION_FAILED('cursor is not a nextCursor of this list.', { errors: [{ field: 'cursor', messages: ['must be a nextCursor from a previous page'] }] });
  }
  return { us, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_ANOMALIES = ANOMALY_KINDS.filter((k) => k !== 'OTHER');

/** The WHERE clause of the list and export filters (parameters numbered from $1). */
export function sessionFilter(query: SessionFilterQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.state?.length) where.push(`state = ANY (${p(query.state)}::text[])`);
  if (query.vertical) where.push(`device_type = ${p(query.vertical)}`);
  if (query.deviceId) where.push(`device_id = ${p(query.deviceId)}`);
  if (query.siteId) where.push(`device_id IN (SELECT d.id FROM devices d WHERE d.site_id = ${p(query.siteId)})`);
  if (query.organizationId) where.push(`tenant_id = ${p(query.organizationId)}`);
  if (query.anomaly === 'true') where.push('anomaly IS NOT NULL');
  if (query.anomaly === 'false') where.push('anomaly IS NULL');
  if (query.anomalyKind === 'OTHER') where.push(`anomaly IS NOT NULL AND coalesce(substring(anomaly FROM '^[A-Z_]+'), '') <> ALL (${p(KNOWN_ANOMALIES)}::text[])`);
  else if (query.anomalyKind) where.push(`anomaly IS NOT NULL AND substring(anomaly FROM '^[A-Z_]+') = ${p(query.anomalyKind)}`);
  if (query.from && query.to && query.from > query.to) {
    throw platformErrors.VALIDATION_FAILED('to must not be before from.', { errors: [{ field: 'to', messages: ['must not be before from'] }] });
  }
  // Asia/Shanghai days (no daylight saving): from its midnight, to the next day's
  if (query.from) where.push(`created_at >= (${p(query.from)}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (query.to) where.push(`created_at < ((${p(query.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (query.q) {
    const q = query.q.trim();
    if (UUID.test(q)) where.push(`id = ${p(q.toLowerCase())}`);
    else {
      const n = p(q);
      // the current order's number, or one a rescan replaced (two index lookups; an OR of the two would scan)
      where.push(`id IN (SELECT s.id FROM service_sessions s WHERE s.out_order_no = ${n} UNION SELECT o.session_id FROM session_order_attempts o WHERE o.out_order_no = ${n})`);
    }
  }
  return { where, params };
}

const yuan = (fen: number | null): string => (fen === null ? '' : `${fen < 0 ? '-' : ''}${Math.trunc(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`);
/** Asia/Shanghai wall time (UTC+8 all year), `YYYY-MM-DD HH:mm:ss`. */
const shanghai = (at: Date | null): string => (at ? new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') : '');
const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  // quoted when needed; a leading = + - @ would be a formula in Excel
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const CSV_COLUMNS: readonly [string, (r: SessionRow) => string | number | null][] = [
  ['session_id', (r) => r.id],
  ['out_order_no', (r) => r.out_order_no],
  ['state', (r) => r.state],
  ['vertical', (r) => r.device_type],
  ['device_code', (r) => r.device_code],
  ['organization_id', (r) => r.tenant_id],
  ['created_at', (r) => shanghai(r.created_at)],
  ['service_started_at', (r) => shanghai(r.service_started_at)],
  ['service_ended_at', (r) => shanghai(r.service_ended_at)],
  ['paid_at', (r) => shanghai(r.paid_at)],
  ['cancelled_at', (r) => shanghai(r.cancelled_at)],
  ['total_yuan', (r) => yuan(r.total_fen)],
  ['total_fen', (r) => r.total_fen],
  ['paid_yuan', (r) => yuan(r.paid_fen)],
  ['paid_fen', (r) => r.paid_fen],
  ['refunded_yuan', (r) => yuan(r.refunded_fen)],
  ['refunded_fen', (r) => r.refunded_fen],
  ['end_source', (r) => r.end_source],
  ['cancel_reason', (r) => r.cancel_reason],
  ['anomaly', (r) => r.anomaly],
];

/** Where the CSV goes: a writable that says when it wants more (the HTTP response). */
export interface CsvSink {
  write(chunk: string): Promise<void>;
}

/** The operator's side of sessions: what ran, what it cost, and the actions that move money. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly context: RequestContext,
    private readonly store: SessionStore,
    private readonly engine: SessionEngine,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly watch: SessionWatch,
    private readonly clock: Clock,
    private readonly reads: TenantReads,
  ) {}

  /**
   * One page of the sessions the caller may see, newest first, with the count of all that match. With a
   * `cursor` the page starts after the previous one's last row (keyset: as fast on page 2,000 as on page 1).
   */
  async list(query: ListSessionsQuery): Promise<SessionListDto> {
    const { where, params } = sessionFilter(query);
    const countSql = `SELECT count(*)::int AS total FROM service_sessions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const limit = query.limit ?? 50;
    const page = [...where];
    const pageParams = [...params];
    if (query.cursor) {
      const { us, id } = decodeCursor(query.cursor);
      pageParams.push(us, id);
      page.push(`(created_at, id) < ('epoch'::timestamptz + $${pageParams.length - 1}::bigint * interval '1 microsecond', $${pageParams.length}::uuid)`);
    }
    // the page size and offset are parameters: one statement text per filter combination, not per page
    pageParams.push(limit + 1, query.cursor ? 0 : (query.offset ?? 0));
    // the page and the count of all that match: one round trip with the tenant entry (TenantReads; a GET opens no transaction)
    const [pageRows, countRows] = await this.reads.run([
      {
        text: `SELECT *, (extract(epoch FROM created_at) * 1000000)::bigint::text AS cursor_us FROM service_sessions ${page.length ? `WHERE ${page.join(' AND ')}` : ''}
       ${ORDER} LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
        values: pageParams,
      },
      { text: countSql, values: params },
    ]);
    const rows = pageRows as (SessionRow & { cursor_us: string })[];
    const [{ total }] = countRows as [{ total: number }];
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const readings = await this.store.meterReadings(this.reads, items); // a second round trip only for metered sessions in use
    return { items: items.map((r) => toSessionDto(r, readings.get(r.id) ?? null, this.clock.now().getTime())), total, nextCursor: more && items.length ? encodeCursor(items[items.length - 1]!) : null };
  }

  /**
   * The filtered sessions as CSV (UTF-8 with a BOM, so Excel reads the Chinese; money in yuan and in fen;
   * times Asia/Shanghai), written to `sink` in batches of EXPORT_BATCH rows (keyset), newest first.
   */
  async exportCsv(query: SessionFilterQuery, sink: CsvSink): Promise<number> {
    const { where, params } = sessionFilter(query);
    const m = this.context.manager;
    await sink.write(`\uFEFF${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`);
    let after: { us: string; id: string } | null = null;
    let written = 0;
    for (;;) {
      const page = [...where];
      const pageParams = [...params];
      if (after) {
        pageParams.push(after.us, after.id);
        page.push(`(created_at, id) < ('epoch'::timestamptz + $${pageParams.length - 1}::bigint * interval '1 microsecond', $${pageParams.length}::uuid)`);
      }
      const rows = (await m.query(
        `SELECT *, (extract(epoch FROM created_at) * 1000000)::bigint::text AS cursor_us FROM service_sessions ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ${ORDER} LIMIT ${EXPORT_BATCH}`,
        pageParams,
      )) as (SessionRow & { cursor_us: string })[];
      if (rows.length === 0) break;
      await sink.write(rows.map((r) => `${CSV_COLUMNS.map(([, cell]) => csvCell(cell(r))).join(',')}\r\n`).join(''));
      written += rows.length;
      const last = rows[rows.length - 1]!;
      after = { us: last.cursor_us, id: last.id };
      if (rows.length < EXPORT_BATCH) break;
    }
    return written;
  }

  private async visible(id: string, lock = false): Promise<SessionRow> {
    const row = lock ? await this.store.lock(this.context.manager, id) : await this.store.get(this.context.manager, id);
    if (!row) throw sessionErrors.SESSION_NOT_FOUND();
    return row;
  }

  async detail(id: string): Promise<SessionDetailDto> {
    const m = this.context.manager;
    const row = await this.visible(id);
    const readings = await this.store.meterReadings(m, [row]);
    return toSessionDetailDto(row, await this.store.actions(m, id), await this.store.attempts(m, id), readings.get(id) ?? null, this.clock.now().getTime());
  }

  /** "I returned it, the cabinet missed it": the operator ends the session at the time it really ended. */
  async end(id: string, input: EndSessionDto): Promise<SessionDetailDto> {
    const m = this.context.manager;
    const row = await this.visible(id, true);
    if (row.state !== 'IN_USE' && row.state !== 'STARTING') throw sessionErrors.SESSION_INVALID_STATE(`The session is ${row.state}; only a session in use can be ended.`);
    if (row.service_ended_at) throw sessionErrors.SESSION_INVALID_STATE('The device already reported the end of this session.');
    const endedAt = new Date(input.endedAt);
    const started = row.service_started_at ?? row.starting_at ?? row.created_at;
    if (endedAt.getTime() < started.getTime() || endedAt.getTime() > this.clock.now().getTime() + 60_000) {
      throw sessionErrors.SESSION_END_TIME_INVALID(`endedAt must lie between the start of the service (${started.toISOString()}) and now.`, {
        errors: [{ field: 'endedAt', messages: ['must lie between the start of the service and now'] }],
      });
    }
    const current = row.state === 'STARTING' ? await this.store.update(m, id, { state: 'IN_USE', in_use_at: this.clock.now(), service_started_at: started }) : row;
    try {
      await this.engine.endService(m, current, endedAt, input.usage ?? {}, 'OPERATOR', { throwOnInvalid: true });
    } catch (error) {
      if (error instanceof PricingError) throw sessionErrors.SESSION_USAGE_INVALID(error.message, { errors: error.problems.map((p) => ({ field: `usage.${p.path}`, messages: [p.message] })) });
      throw error;
    }
    await this.store.insertAction(m, { tenant_id: row.tenant_id, session_id: id, kind: 'END', state: 'SUCCEEDED', reason: input.reason, ended_at: endedAt, requested_by: this.context.principal.userId });
    await this.audit.record({ action: 'session.end', resourceType: 'session', resourceId: id, subjectTenantId: row.tenant_id, before: { state: row.state }, after: { endedAt: input.endedAt, reason: input.reason } });
    this.watch.changedOnCommit(m, id);
    return this.detail(id);
  }

  /** Lowers the amount of a completed, unpaid order (WeChat's modify: strictly lower, before payment). */
  async modify(id: string, input: ModifySessionDto): Promise<SessionDetailDto> {
    const row = await this.visible(id, true);
    if (row.state !== 'AWAITING_PAYMENT' || !row.order_completed_at) throw sessionErrors.SESSION_INVALID_STATE(`The session is ${row.state}; only a completed, unpaid order can be lowered.`);
    if (row.total_fen === null || input.totalFen >= row.total_fen) {
      throw sessionErrors.SESSION_AMOUNT_INVALID(`totalFen must be below the current total of ${row.total_fen} fen (a Pay Score order can only be lowered).`, {
        errors: [{ field: 'totalFen', messages: [`must be below ${row.total_fen}`] }],
      });
    }
    return this.queueAction(row, 'MODIFY', { amount_fen: input.totalFen, reason: input.reason });
  }

  /** 催收: asks WeChat to try the debit now. */
  async collect(id: string): Promise<SessionDetailDto> {
    const row = await this.visible(id, true);
    if (row.state !== 'AWAITING_PAYMENT' || !row.order_completed_at) throw sessionErrors.SESSION_INVALID_STATE(`The session is ${row.state}; only a completed, unpaid order can be collected.`);
    return this.queueAction(row, 'COLLECT', {});
  }

  async refund(id: string, input: RefundSessionDto): Promise<SessionDetailDto> {
    const m = this.context.manager;
    const row = await this.visible(id, true);
    if (row.state !== 'PAID' || !row.transaction_id || row.paid_fen === null) throw sessionErrors.SESSION_INVALID_STATE(`The session is ${row.state}; only a paid session can be refunded.`);
    const [{ fen }] = (await m.query(`SELECT coalesce(sum(amount_fen), 0)::int AS fen FROM session_actions WHERE session_id = $1 AND kind = 'REFUND' AND state <> 'FAILED'`, [id])) as [{ fen: number }];
    if (fen + input.amountFen > row.paid_fen) {
      throw sessionErrors.SESSION_REFUND_EXCEEDS_PAID(`The user paid ${row.paid_fen} fen and ${fen} fen is already refunded or being refunded; at most ${row.paid_fen - fen} fen can still be refunded.`, {
        errors: [{ field: 'amountFen', messages: [`at most ${row.paid_fen - fen}`] }],
      });
    }
    return this.queueAction(row, 'REFUND', { amount_fen: input.amountFen, reason: input.reason });
  }

  /**
   * A HELD refund (issue 12: WeChat refused it for lack of money after the brand's commission was split off) tried again
   * once the merchant's balance covers it: back to PENDING and its job queued; the same out_refund_no (WeChat takes a
   * refused refund again under it). Audited.
   */
  async retryHeldRefund(id: string, actionId: string): Promise<SessionDetailDto> {
    const row = await this.visible(id, true);
    const action = await this.heldRefund(id, actionId);
    // resends/resent_at: a new REFUND_STUCK episode if it is held (or stuck) again, stuck measured from this send
    await this.context.manager.query(`UPDATE session_actions SET state = 'PENDING', resends = resends + 1, resent_at = now() WHERE id = $1`, [action.id]);
    const key = `${action.id}:retry:${this.clock.now().getTime()}`;
    await this.jobs.enqueue(sessionActionJob, { tenantId: row.merchant_tenant_id, sessionId: row.id, actionId: action.id }, { key });
    await this.audit.record({ action: 'session.refund.retry', resourceType: 'session', resourceId: row.id, subjectTenantId: row.tenant_id, before: { actionId, state: 'HELD', error: action.error }, after: { actionId, state: 'PENDING' } });
    return this.detail(row.id);
  }

  /**
   * A HELD refund given up: FAILED (its amount free to refund again), the hold's reason kept. Audited. Refused (409
   * SESSION_REFUND_RETURN_SUCCEEDED) when the split return of this refund SUCCEEDED: the brand's commission share already
   * went back to the franchisee at WeChat (SPLIT_RETURN posted), so giving the refund up would leave that commission with
   * the franchisee and nothing would ever carry it back; such a refund can only be retried. With the return FAILED or none,
   * nothing moved: the order keeps its commission and no statement carries the failed return (its refund never SUCCEEDED).
   */
  async giveUpHeldRefund(id: string, actionId: string): Promise<SessionDetailDto> {
    const row = await this.visible(id, true);
    const action = await this.heldRefund(id, actionId);
    const [ret] = (await this.context.manager.query(`SELECT state, amount_fen FROM profit_sharing_returns WHERE action_id = $1`, [action.id])) as { state: string; amount_fen: string | number }[];
    if (ret?.state === 'SUCCEEDED') {
      throw sessionErrors.SESSION_REFUND_RETURN_SUCCEEDED(
        `The split return of ${Number(ret.amount_fen)} fen for this refund SUCCEEDED: the brand's commission share is already back with the merchant, so the refund cannot be given up. Top up the merchant account's available balance and retry it.`,
      );
    }
    await this.store.finishAction(this.context.manager, action.id, 'FAILED', { error: `REFUND_GIVEN_UP by an operator; it was ${action.error ?? 'HELD'}`.slice(0, 500) });
    await this.audit.record({
      action: 'session.refund.give-up',
      resourceType: 'session',
      resourceId: row.id,
      subjectTenantId: row.tenant_id,
      before: { actionId, state: 'HELD', error: action.error },
      // the commission is untouched: no split return succeeded for it (none, or FAILED and never carried to a statement)
      after: { actionId, state: 'FAILED', splitReturn: ret ? { state: ret.state, amountFen: Number(ret.amount_fen), carried: false } : null },
    });
    return this.detail(row.id);
  }

  private async heldRefund(sessionId: string, actionId: string): Promise<{ id: string; error: string | null }> {
    const [action] = (await this.context.manager.query(`SELECT id, kind, state, error FROM session_actions WHERE id = $1 AND session_id = $2 FOR UPDATE`, [actionId, sessionId])) as {
      id: string;
      kind: string;
      state: string;
      error: string | null;
    }[];
    if (!action || action.kind !== 'REFUND') throw sessionErrors.SESSION_NOT_FOUND('No such refund of this session.');
    if (action.state !== 'HELD') throw sessionErrors.SESSION_REFUND_NOT_HELD(`The refund is ${action.state}.`);
    return action;
  }

  private async queueAction(row: SessionRow, kind: 'MODIFY' | 'COLLECT' | 'REFUND', fields: { amount_fen?: number; reason?: string }): Promise<SessionDetailDto> {
    const m = this.context.manager;
    const id = randomUUID();
    const action = await this.store.insertAction(m, {
      id,
      tenant_id: row.tenant_id,
      session_id: row.id,
      kind,
      state: 'PENDING',
      ...fields,
      ...(kind === 'REFUND' ? { out_refund_no: `R${id.replace(/-/g, '')}` } : {}),
      requested_by: this.context.principal.userId,
    });
    await this.jobs.enqueue(sessionActionJob, { tenantId: row.merchant_tenant_id, sessionId: row.id, actionId: action.id }, { key: action.id });
    await this.audit.record({ action: `session.${kind.toLowerCase()}`, resourceType: 'session', resourceId: row.id, subjectTenantId: row.tenant_id, after: { actionId: action.id, ...fields } });
    return this.detail(row.id);
  }

  /**
   * What users still owe: completed orders not yet paid, counted and summed by age in SQL (one statement,
   * the age measured against one `now`), and one page of them, oldest first (optionally one bucket's).
   */
  async receivables(query: ReceivablesQuery = {}): Promise<ReceivablesDto> {
    const m = this.context.manager;
    // every row is aged against the same instant, the business clock's now ($1)
    const now = this.clock.now();
    const owed = `state = 'AWAITING_PAYMENT' AND order_completed_at IS NOT NULL`;
    // the bucket's index in AGING, from the age in days
    const bucketOf = `CASE ${AGING.filter((b) => b.maxDays !== null)
      .map((b, i) => `WHEN order_completed_at > $1::timestamptz - interval '${b.maxDays} days' THEN ${i}`)
      .join(' ')} ELSE ${AGING.length - 1} END`;
    const sums = (await m.query(
      `SELECT ${bucketOf} AS i, count(*)::int AS count, coalesce(sum(total_fen), 0)::bigint AS owed FROM service_sessions WHERE ${owed} GROUP BY 1`,
      [now],
    )) as { i: number; count: number; owed: string }[];
    const aging = AGING.map((b, i) => {
      const found = sums.find((s) => Number(s.i) === i);
      return { bucket: b.bucket, minDays: b.minDays, maxDays: b.maxDays, count: found?.count ?? 0, owedFen: Number(found?.owed ?? 0) };
    });
    const params: unknown[] = [now];
    let filter = owed;
    if (query.bucket) {
      // the same boundaries as bucketOf
      const b = AGING.find((x) => x.bucket === query.bucket)!;
      if (b.minDays > 0) {
        params.push(b.minDays);
        filter += ` AND order_completed_at <= $1::timestamptz - $${params.length}::int * interval '1 day'`;
      }
      if (b.maxDays !== null) {
        params.push(b.maxDays);
        filter += ` AND order_completed_at > $1::timestamptz - $${params.length}::int * interval '1 day'`;
      }
    }
    const rows = (await m.query(
      `SELECT *, ${bucketOf} AS bucket_index FROM service_sessions WHERE ${filter} ORDER BY order_completed_at, id LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}`,
      params,
    )) as (SessionRow & { bucket_index: number })[];
    const total = query.bucket ? (aging.find((a) => a.bucket === query.bucket)?.count ?? 0) : aging.reduce((n, a) => n + a.count, 0);
    return {
      count: aging.reduce((n, a) => n + a.count, 0),
      owedFen: aging.reduce((n, a) => n + a.owedFen, 0),
      aging,
      total,
      items: rows.map((r) => ({ ...toSessionDto(r, null, now.getTime()), bucket: AGING[Number(r.bucket_index)]!.bucket })),
    };
  }
}
