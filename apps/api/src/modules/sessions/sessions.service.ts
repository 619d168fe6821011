import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PricingError } from '@zizhu/pricing';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { EndSessionDto, ListSessionsQuery, ModifySessionDto, ReceivablesDto, RefundSessionDto, SessionDetailDto, SessionListDto } from './dto/sessions.dto.js';
import { SessionEngine } from './session-engine.service.js';
import { SessionStore } from './session-store.js';
import { SessionWatch } from './session-watch.js';
import type { SessionRow } from './session.model.js';
import { toSessionDetailDto, toSessionDto } from './sessions.mappers.js';
import { sessionErrors } from './sessions.errors.js';
import { sessionActionJob } from './sessions.jobs.js';

const AGING = [
  { bucket: '<1d', maxDays: 1 },
  { bucket: '1-7d', maxDays: 7 },
  { bucket: '7-30d', maxDays: 30 },
  { bucket: '>30d', maxDays: Infinity },
] as const;

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
  ) {}

  async list(query: ListSessionsQuery): Promise<SessionListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.state) add('state = ?', query.state);
    if (query.deviceId) add('device_id = ?', query.deviceId);
    if (query.organizationId) add('tenant_id = ?', query.organizationId);
    if (query.anomaly === 'true') where.push('anomaly IS NOT NULL');
    if (query.anomaly === 'false') where.push('anomaly IS NULL');
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const m = this.context.manager;
    const [{ total }] = (await m.query(`SELECT count(*)::int AS total FROM service_sessions ${filter}`, params)) as [{ total: number }];
    const rows = (await m.query(`SELECT * FROM service_sessions ${filter} ORDER BY created_at DESC, id LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}`, params)) as SessionRow[];
    const readings = await this.store.meterReadings(m, rows);
    return { items: rows.map((r) => toSessionDto(r, readings.get(r.id) ?? null)), total };
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
    return toSessionDetailDto(row, await this.store.actions(m, id), await this.store.attempts(m, id), readings.get(id) ?? null);
  }

  /** "I returned it, the cabinet missed it": the operator ends the session at the time it really ended. */
  async end(id: string, input: EndSessionDto): Promise<SessionDetailDto> {
    const m = this.context.manager;
    const row = await this.visible(id, true);
    if (row.state !== 'IN_USE' && row.state !== 'STARTING') throw sessionErrors.SESSION_INVALID_STATE(`The session is ${row.state}; only a session in use can be ended.`);
    if (row.service_ended_at) throw sessionErrors.SESSION_INVALID_STATE('The device already reported the end of this session.');
    const endedAt = new Date(input.endedAt);
    const started = row.service_started_at ?? row.starting_at ?? row.created_at;
    if (endedAt.getTime() < started.getTime() || endedAt.getTime() > Date.now() + 60_000) {
      throw sessionErrors.SESSION_END_TIME_INVALID(`endedAt must lie between the start of the service (${started.toISOString()}) and now.`, {
        errors: [{ field: 'endedAt', messages: ['must lie between the start of the service and now'] }],
      });
    }
    const current = row.state === 'STARTING' ? await this.store.update(m, id, { state: 'IN_USE', in_use_at: new Date(), service_started_at: started }) : row;
    try {
      await this.engine.endService(m, current, endedAt, input.usage ?? {}, 'OPERATOR', { throwOnInvalid: true });
    } catch (error) {
      if (error instanceof PricingError) throw sessionErrors.SESSION_USAGE_INVALID(error.message, { errors: error.problems.map((p) => ({ field: `usage.${p.path}`, messages: [p.message] })) });
      throw error;
    }
    await this.store.insertAction(m, { tenant_id: row.tenant_id, session_id: id, kind: 'END', state: 'SUCCEEDED', reason: input.reason, ended_at: endedAt, requested_by: this.context.principal.userId });
    await this.audit.record({ action: 'session.end', resourceType: 'session', resourceId: id, subjectTenantId: row.tenant_id, before: { state: row.state }, after: { endedAt: input.endedAt, reason: input.reason } });
    this.watch.changed(id);
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

  /** What users still owe: completed orders not yet paid, by age. */
  async receivables(limit = 100): Promise<ReceivablesDto> {
    const rows = (await this.context.manager.query(
      `SELECT * FROM service_sessions WHERE state = 'AWAITING_PAYMENT' AND order_completed_at IS NOT NULL ORDER BY order_completed_at, id`,
    )) as SessionRow[];
    const now = Date.now();
    const aging = AGING.map((b) => ({ bucket: b.bucket, count: 0, owedFen: 0 }));
    let owed = 0;
    for (const r of rows) {
      const days = (now - r.order_completed_at!.getTime()) / 86_400_000;
      const i = AGING.findIndex((b) => days < b.maxDays);
      const bucket = aging[i === -1 ? aging.length - 1 : i]!;
      bucket.count += 1;
      bucket.owedFen += r.total_fen ?? 0;
      owed += r.total_fen ?? 0;
    }
    return { count: rows.length, owedFen: owed, aging, items: rows.slice(0, limit).map((r) => toSessionDto(r)) };
  }
}
