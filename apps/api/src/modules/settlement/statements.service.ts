import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { returnedRows } from '../device-api/system-db.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AGREEMENT_COLUMNS, type AgreementRow } from './agreements.service.js';
import { type SettleStatementDto, STATEMENT_STATUSES, type StatementDetailDto, type StatementSettlementDto, type StatementDto, type StatementLineDto, type StatementListDto, type StatementsQueryDto, type StatementStatus } from './dto/statement.dto.js';
import { commissionTrueUp, type LedgerLine, type SettlementAmounts, settlementPosting } from './ledger-postings.js';
import { LedgerService } from './ledger.service.js';
import { manualAdjustmentsOf, withManualAdjustments } from './manual-adjustments.js';
import { MARK_FAILED_RETURNS_SQL, MARK_RECLAIMED_RETURNS_SQL, carriedReturnsFen } from './profit-sharing-statement.js';
import { ACTIVE_DEVICES_SQL, CHANNEL_FEES_SQL, COMMISSION_DRIFT_SQL, FRANCHISE_FIGURES_SQL, HELD_DEVICES_SQL, MARK_CHANNEL_FEES_SQL, MARK_REFUNDS_SQL } from './statement-figures.js';
import { franchiseStatement, type Line, resellerStatement, type Totals } from './statement-lines.js';
import { addDays, periodOf, shanghaiDate, shanghaiStartOf } from './settlement-math.js';
import { settlementErrors } from './settlement.errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';

export interface StatementRow {
  id: string;
  tenant_id: string;
  parent_tenant_id: string;
  kind: StatementDto['kind'];
  period: StatementDto['period'];
  period_start: string;
  period_end: string;
  status: StatementDto['status'];
  sessions: number;
  paid_fen: string | number;
  refunded_fen: string | number;
  net_fen: string | number;
  commission_fen: string | number;
  fixed_fee_fen: string | number;
  minimum_top_up_fen: string | number;
  reseller_fee_fen: string | number;
  adjustment_fen: string | number;
  payable_fen: string | number;
  closed_at: Date | null;
  settled_at: Date | null;
  settlement_reference: string | null;
  organization_name: string | null;
  settlement: SettlementJson | null;
  channel_fee_fen: string | number;
  own_channel_fee_fen: string | number;
}

/** The statement_settlements row as the statement's columns carry it (json: timestamps as text). */
interface SettlementJson {
  id: string;
  method: StatementSettlementDto['method'];
  amount_fen: string | number;
  reference: string | null;
  note: string | null;
  settled_at: string;
  recorded_at: string;
  settled_by: string | null;
  settled_by_name: string | null;
}

export const STATEMENT_COLUMNS = `id, tenant_id, parent_tenant_id, kind, period, to_char(period_start, 'YYYY-MM-DD') AS period_start,
  to_char(period_end, 'YYYY-MM-DD') AS period_end, status, sessions, paid_fen, refunded_fen, net_fen, commission_fen, fixed_fee_fen,
  minimum_top_up_fen, reseller_fee_fen, adjustment_fen, payable_fen, closed_at, settled_at, settlement_reference,
  (SELECT o.name FROM organizations o WHERE o.id = statements.tenant_id) AS organization_name,
  (SELECT json_build_object('id', ss.id, 'method', ss.method, 'amount_fen', ss.amount_fen, 'reference', ss.reference, 'note', ss.note, 'settled_at', ss.settled_at,
          'recorded_at', ss.recorded_at, 'settled_by', ss.settled_by, 'settled_by_name', ss.settled_by_name)
     FROM statement_settlements ss WHERE ss.statement_id = statements.id) AS settlement,
  (SELECT coalesce(sum(c.amount_fen) FILTER (WHERE NOT c.own), 0) FROM statement_channel_fees c WHERE c.statement_id = statements.id) AS channel_fee_fen,
  (SELECT coalesce(sum(c.amount_fen) FILTER (WHERE c.own), 0) FROM statement_channel_fees c WHERE c.statement_id = statements.id) AS own_channel_fee_fen`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toStatementDto = (s: StatementRow): StatementDto => ({
  id: s.id,
  organizationId: s.tenant_id,
  organizationName: s.organization_name ?? null,
  parentOrganizationId: s.parent_tenant_id,
  kind: s.kind,
  period: s.period,
  periodStart: s.period_start,
  periodEnd: s.period_end,
  status: s.status,
  sessions: s.sessions,
  paidFen: Number(s.paid_fen),
  refundedFen: Number(s.refunded_fen),
  netFen: Number(s.net_fen),
  commissionFen: Number(s.commission_fen),
  fixedFeeFen: Number(s.fixed_fee_fen),
  minimumTopUpFen: Number(s.minimum_top_up_fen),
  resellerFeeFen: Number(s.reseller_fee_fen),
  adjustmentFen: Number(s.adjustment_fen),
  channelFeeFen: Number(s.channel_fee_fen ?? 0),
  ownChannelFeeFen: Number(s.own_channel_fee_fen ?? 0),
  payableFen: Number(s.payable_fen),
  closedAt: iso(s.closed_at),
  settledAt: iso(s.settled_at),
  settlementReference: s.settlement_reference,
  settlement: s.settlement ? toSettlementDto(typeof s.settlement === 'string' ? (JSON.parse(s.settlement) as SettlementJson) : s.settlement) : null,
});

const toSettlementDto = (j: SettlementJson): StatementSettlementDto => ({
  id: j.id,
  method: j.method,
  amountFen: Number(j.amount_fen),
  reference: j.reference,
  note: j.note,
  settledAt: new Date(j.settled_at).toISOString(),
  recordedAt: new Date(j.recorded_at).toISOString(),
  settledBy: j.settled_by,
  settledByName: j.settled_by_name,
});

@Injectable()
export class StatementsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: StatementsQueryDto): Promise<StatementListDto> {
    if (query.organizationId) await this.organizations.get(query.organizationId);
    const where = [
      `($1::uuid IS NULL OR tenant_id IN (SELECT o.id FROM organizations o WHERE $1::uuid = ANY (o.path)))`,
      `($2::date IS NULL OR period_end >= $2::date)`,
      `($3::date IS NULL OR period_start <= $3::date)`,
      `($4::text IS NULL OR status = $4)`,
    ].join(' AND ');
    const params = [query.organizationId ?? null, query.from ?? null, query.to ?? null, query.status ?? null];
    const m = this.context.manager;
    const rows = (await m.query(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE ${where} ORDER BY period_start DESC, tenant_id LIMIT $5 OFFSET $6`, [
      ...params,
      query.limit ?? 50,
      query.offset ?? 0,
    ])) as StatementRow[];
    // one pass for the count and the totals per status (what is open, owed and settled, exactly)
    const byStatus = (await m.query(
      `SELECT status, count(*)::int AS n, coalesce(sum(payable_fen), 0)::bigint AS payable_fen FROM statements WHERE ${where} GROUP BY status`,
      params,
    )) as { status: StatementStatus; n: number; payable_fen: string }[];
    const totals = STATEMENT_STATUSES.map((status) => {
      const r = byStatus.find((b) => b.status === status);
      return { status, count: r?.n ?? 0, payableFen: Number(r?.payable_fen ?? 0) };
    });
    return { items: rows.map(toStatementDto), total: totals.reduce((n, t) => n + t.count, 0), totals };
  }

  /** A statement with its lines: fixed ones once closed, the figures so far (not stored) while open. */
  async get(id: string): Promise<StatementDetailDto> {
    const m = this.context.manager;
    const row = await this.find(m, id);
    if (row.status !== 'OPEN') return { ...toStatementDto(row), lines: await this.storedLines(m, row.id) };
    const { lines, totals } = await this.computeWithAdjustments(m, row);
    const fee = row.kind === 'FRANCHISE' ? await this.channelFees(m, row, false) : { passedOnFen: 0, ownFen: 0 };
    return {
      ...toStatementDto({ ...row, ...totalsRow(totals), channel_fee_fen: fee.passedOnFen, own_channel_fee_fen: fee.ownFen }),
      lines: lines.map((l, i) => ({ position: i + 1, ...l })),
    };
  }

  /** `POST /v1/statements/{id}/close`: the brand or reseller (or the platform) closes an ended period. Audited. */
  async close(id: string, now = this.clock.now()): Promise<StatementDetailDto> {
    const m = this.context.manager;
    const row = await this.find(m, id);
    if (!this.context.isPlatformAdmin && row.parent_tenant_id !== this.context.tenantId) throw settlementErrors.STATEMENT_NOT_FOUND();
    const closed = await this.closeIn(m, id, now, this.context.principal.userId);
    if (closed.changed) {
      await this.audit.record({ action: 'statement.close', resourceType: 'statement', resourceId: id, subjectTenantId: row.tenant_id, after: toStatementDto(closed.row) });
    }
    return this.get(id);
  }

  /**
   * `POST /v1/statements/{id}/settle`: the party owed (the brand for its franchisees' statements, the reseller for its
   * customers', or the platform) records how a CLOSED statement that no payout settles was settled — a franchisee that
   * collects itself (its brand's commission by profit sharing, its fees and expired splits owed), a brand-collects
   * statement with payableFen ≤ 0 (the franchisee owes), a reseller's fee statement. Sets it SETTLED, once
   * (the row lock and the one-per-statement key). Audited. Posts the settlement to the ledger once (settlementAmounts;
   * PROFIT-SHARING.md, "Settled without a payout").
   */
  async settle(id: string, input: SettleStatementDto): Promise<StatementDetailDto> {
    const m = this.context.manager;
    const [row] = (await m.query(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE id = $1 FOR UPDATE`, [id])) as StatementRow[];
    if (!row || (!this.context.isPlatformAdmin && row.parent_tenant_id !== this.context.tenantId)) throw settlementErrors.STATEMENT_NOT_FOUND();
    if (row.status === 'OPEN') throw settlementErrors.STATEMENT_SETTLE_NOT_CLOSED();
    if (row.status === 'SETTLED') throw settlementErrors.STATEMENT_ALREADY_SETTLED(`Settled by ${row.settlement_reference ?? 'an earlier record'}.`);
    const payableFen = Number(row.payable_fen);
    let brandCollects = false;
    if (row.kind === 'FRANCHISE') {
      const [agreement] = (await m.query(`SELECT collection FROM agreements WHERE tenant_id = $1 AND effective_from <= $2::date ORDER BY version DESC LIMIT 1`, [
        row.tenant_id,
        row.period_end,
      ])) as { collection: string | null }[];
      brandCollects = (agreement?.collection ?? 'BRAND_COLLECTS') === 'BRAND_COLLECTS';
      if (brandCollects && payableFen > 0) throw settlementErrors.STATEMENT_SETTLE_BY_PAYOUT(`The statement’s payableFen is ${payableFen}.`);
    }
    const invalid = (field: string, message: string) => platformErrors.VALIDATION_FAILED(`Invalid fields: ${field}`, { errors: [{ field, messages: [message] }] });
    if (input.method === 'OFFLINE_BANK' && !input.reference) throw invalid('reference', 'reference (the bank transfer’s) is required for OFFLINE_BANK');
    const now = this.clock.now();
    const settledAt = input.settledAt ? new Date(input.settledAt) : now;
    if (Number.isNaN(settledAt.getTime())) throw invalid('settledAt', 'settledAt must be an ISO 8601 date-time');
    if (settledAt.getTime() > now.getTime()) throw invalid('settledAt', `settledAt may not be in the future (now is ${now.toISOString()})`);
    if (row.closed_at && settledAt.getTime() < new Date(row.closed_at).getTime()) {
      throw invalid('settledAt', `settledAt may not be before the statement was closed (${new Date(row.closed_at).toISOString()})`);
    }
    const userId = this.context.principal.userId;
    const [settlement] = (await m.query(
      `INSERT INTO statement_settlements (tenant_id, parent_tenant_id, statement_id, method, amount_fen, reference, note, settled_at, recorded_at, settled_by, settled_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT u.display_name FROM users u WHERE u.id = $10))
       RETURNING id`,
      [row.tenant_id, row.parent_tenant_id, row.id, input.method, payableFen, input.reference ?? null, input.note ?? null, settledAt, now, userId],
    )) as { id: string }[];
    await m.query(`UPDATE statements SET status = 'SETTLED', settled_at = $2, settlement_reference = $3 WHERE id = $1`, [row.id, settledAt, `settlement:${settlement!.id}`]);
    // what the statement left open between the two parties is cleared in the ledger, once (source = the settlement)
    const amounts = await this.settlementAmounts(m, row, brandCollects, payableFen);
    await this.ledger.post(m, 'SETTLEMENT', settlement!.id, shanghaiDate(settledAt), settlementPosting(row.tenant_id, row.parent_tenant_id, amounts));
    const detail = await this.get(id);
    await this.audit.record({
      action: 'statement.settle',
      resourceType: 'statement',
      resourceId: id,
      subjectTenantId: row.tenant_id,
      before: { status: row.status, payableFen: payableFen },
      after: { status: detail.status, payableFen: detail.payableFen, settledAt: detail.settledAt, settlementReference: detail.settlementReference, settlement: detail.settlement, ledger: amounts },
    });
    return detail;
  }

  /**
   * What the settled statement leaves open in the ledger between the organisation and its parent (SettlementAmounts),
   * read from the entries themselves, on the parent's side (its FEES_RECEIVABLE / COMMISSION_RECEIVABLE mirror the
   * organisation's payables line for line, and a reseller may not read its customer's entries): brand collects, the payable ≤ 0 (as a payout posts the payable > 0); otherwise the
   * FEES_PAYABLE its own postings made (the fees at its close, the manual adjustments booked on it) and, franchisee
   * collects, the COMMISSION_PAYABLE of its period's orders whose split FAILED (marked settled with it, so a retry is
   * refused and nothing is split and settled twice) less the failed returns carried into it, plus the succeeded returns
   * of failed refunds carried into it (MARK_RECLAIMED_RETURNS_SQL: the franchisee owes that commission again). Refused while a split of
   * the period is still under way (its money may yet arrive through WeChat).
   */
  private async settlementAmounts(m: EntityManager, row: StatementRow, brandCollects: boolean, payableFen: number): Promise<SettlementAmounts> {
    if (brandCollects) return { feesFen: 0, commissionFen: 0, dueFen: -payableFen };
    const [fees] = (await m.query(
      `SELECT coalesce(sum(debit_fen - credit_fen), 0)::bigint AS fen FROM ledger_entries
        WHERE tenant_id = $2 AND account = 'FEES_RECEIVABLE' AND counterparty_tenant_id = $1
          AND ((source_kind = 'STATEMENT' AND source_id = $3::text)
            OR (source_kind = 'ADJUSTMENT' AND source_id IN (SELECT a.id::text FROM settlement_adjustments a WHERE a.statement_id = $3::uuid)))`,
      [row.tenant_id, row.parent_tenant_id, row.id],
    )) as { fen: string | number }[];
    if (row.kind !== 'FRANCHISE') return { feesFen: Number(fees?.fen ?? 0), commissionFen: 0, dueFen: 0 };
    const range = [row.tenant_id, shanghaiStartOf(row.period_start), shanghaiStartOf(addDays(row.period_end, 1))];
    const [live] = (await m.query(
      `SELECT count(*)::int AS n FROM profit_sharing_orders p JOIN service_sessions s ON s.id = p.session_id
        WHERE s.tenant_id = $1 AND s.paid_at >= $2 AND s.paid_at < $3 AND p.state IN ('PENDING', 'PROCESSING')`,
      range,
    )) as { n: number }[];
    if ((live?.n ?? 0) > 0) throw settlementErrors.STATEMENT_SETTLE_SPLITS_PENDING(`${live!.n} profit-sharing order(s) of the period are still PENDING or PROCESSING.`);
    const failed: unknown = await m.query(
      `UPDATE profit_sharing_orders p SET settled_statement_id = $4, updated_at = now() FROM service_sessions s
        WHERE s.id = p.session_id AND s.tenant_id = $1 AND s.paid_at >= $2 AND s.paid_at < $3 AND p.state = 'FAILED' AND p.settled_statement_id IS NULL
        RETURNING p.session_id`,
      [...range, row.id],
    );
    const sessions = returnedRows<{ session_id: string }>(failed).map((f) => f.session_id);
    const [commission] = (await m.query(
      `SELECT coalesce(sum(debit_fen - credit_fen), 0)::bigint AS fen FROM ledger_entries
        WHERE tenant_id = $2 AND account = 'COMMISSION_RECEIVABLE' AND counterparty_tenant_id = $1 AND session_id = ANY ($3::uuid[])`,
      [row.tenant_id, row.parent_tenant_id, sessions],
    )) as { fen: string | number }[];
    const returns = await carriedReturnsFen(m, row.id);
    return { feesFen: Number(fees?.fen ?? 0), commissionFen: Number(commission?.fen ?? 0) - returns.owedBackFen + returns.reclaimedFen, dueFen: 0 };
  }

  /**
   * Closes a statement inside the given transaction: its refunds marked, figures taken in SQL, lines stored, totals
   * fixed, fees posted to the ledger. A closed one is answered as it is. Refused while its period has not ended
   * (Asia/Shanghai) or an earlier statement of the organisation is still open (adjustments go forward in order).
   */
  async closeIn(m: EntityManager, id: string, now: Date, closedBy: string | null): Promise<{ row: StatementRow; changed: boolean }> {
    const [row] = (await m.query(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE id = $1 FOR UPDATE`, [id])) as StatementRow[];
    if (!row) throw settlementErrors.STATEMENT_NOT_FOUND();
    if (row.status !== 'OPEN') return { row, changed: false };
    const today = shanghaiDate(now);
    if (row.period_end >= today) throw settlementErrors.STATEMENT_NOT_CLOSABLE(`The period ends on ${row.period_end} (Asia/Shanghai); it can be closed from the next day.`);
    const [earlier] = (await m.query(`SELECT to_char(period_start, 'YYYY-MM-DD') AS start FROM statements WHERE tenant_id = $1 AND status = 'OPEN' AND period_start < $2::date LIMIT 1`, [
      row.tenant_id,
      row.period_start,
    ])) as { start: string }[];
    if (earlier) throw settlementErrors.STATEMENT_NOT_CLOSABLE(`The statement from ${earlier.start} of this organisation is still open: close it first.`);
    if (row.kind === 'FRANCHISE') await m.query(MARK_REFUNDS_SQL, [row.tenant_id, shanghaiStartOf(addDays(row.period_end, 1)), row.id]);
    // issue 12, franchisee collects: failed split returns not carried yet go on this statement (profit-sharing-statement.ts)
    if (row.kind === 'FRANCHISE') await m.query(MARK_FAILED_RETURNS_SQL, [row.tenant_id, row.id]);
    // …and succeeded returns whose refund WeChat then refused (FAILED): the franchisee owes that commission again
    if (row.kind === 'FRANCHISE') await m.query(MARK_RECLAIMED_RETURNS_SQL, [row.tenant_id, row.id]);
    // issue 12: WeChat's channel fees known by the period's end and not carried yet go on this statement, once
    if (row.kind === 'FRANCHISE') await m.query(MARK_CHANNEL_FEES_SQL, [row.tenant_id, row.period_end, row.id]);
    const { lines, totals, agreement } = await this.computeWithAdjustments(m, row, true);
    if (lines.length > 0) {
      const values = lines.map((_, i) => `($1, $2, ${[3, 4, 5, 6, 7, 8, 9].map((k) => `$${i * 7 + k}`).join(', ')})`);
      await m.query(
        `INSERT INTO statement_lines (tenant_id, statement_id, position, kind, description, quantity, unit_fen, amount_fen, rounding) VALUES ${values.join(', ')}`,
        [row.tenant_id, row.id, ...lines.flatMap((l, i) => [i + 1, l.kind, l.description, l.quantity, l.unitFen, l.amountFen, l.rounding])],
      );
    }
    const t = totalsRow(totals);
    const [updated] = returnedRows<StatementRow>(await m.query(
      `UPDATE statements SET status = 'CLOSED', closed_at = $2, closed_by = $3, sessions = $4, paid_fen = $5, refunded_fen = $6, net_fen = $7, commission_fen = $8,
              fixed_fee_fen = $9, minimum_top_up_fen = $10, reseller_fee_fen = $11, adjustment_fen = $12, payable_fen = $13
        WHERE id = $1 RETURNING ${STATEMENT_COLUMNS}`,
      [id, now, closedBy, t.sessions, t.paid_fen, t.refunded_fen, t.net_fen, t.commission_fen, t.fixed_fee_fen, t.minimum_top_up_fen, t.reseller_fee_fen, t.adjustment_fen, t.payable_fen],
    ));
    const trueUps = row.kind === 'FRANCHISE' ? await this.commissionTrueUps(m, row) : [];
    await this.ledger.post(m, 'STATEMENT', row.id, row.period_end, [...feePosting(row, totals, agreement), ...trueUps]);
    return { row: updated!, changed: true };
  }

  /**
   * Opens the statements every agreement calls for, up to the period holding today (Asia/Shanghai): from the first
   * agreement's day, period after period, each the length the agreement in force on its first day says.
   * Answers how many were opened. Runs as the system (the job).
   */
  async openDue(m: EntityManager, now: Date, onlyTenantId?: string): Promise<number> {
    const today = shanghaiDate(now);
    const versions = (await m.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE ($1::uuid IS NULL OR tenant_id = $1) ORDER BY tenant_id, version`, [
      onlyTenantId ?? null,
    ])) as AgreementRow[];
    const byTenant = new Map<string, AgreementRow[]>();
    for (const v of versions) byTenant.set(v.tenant_id, [...(byTenant.get(v.tenant_id) ?? []), v]);
    const spans = new Map(
      (
        (await m.query(
          `SELECT tenant_id, to_char(min(period_start), 'YYYY-MM-DD') AS since, to_char(max(period_end), 'YYYY-MM-DD') AS until
             FROM statements WHERE ($1::uuid IS NULL OR tenant_id = $1) GROUP BY tenant_id`,
          [onlyTenantId ?? null],
        )) as { tenant_id: string; since: string; until: string }[]
      ).map((r) => [r.tenant_id, r]),
    );
    let opened = 0;
    for (const [tenant, list] of byTenant) {
      const first = list.reduce((min, v) => (v.effective_from < min ? v.effective_from : min), list[0]!.effective_from);
      const span = spans.get(tenant);
      // periods before the first statement (an agreement dated earlier than the statements opened so far), then after the last
      const ranges: [string, string | null][] = span ? [[first, span.since], [addDays(span.until, 1), null]] : [[first, null]];
      for (const [from, before] of ranges) {
        let next = from;
        for (let guard = 0; next <= today && (before === null || next < before) && guard < 400; guard += 1) {
          const inForce = [...list].reverse().find((v) => v.effective_from <= next) ?? list[0]!;
          const period = periodOf(next, inForce.period);
          if (before !== null && period.end >= before) break; // would overlap the statements already there
          const result = (await m.query(
            `INSERT INTO statements (tenant_id, parent_tenant_id, kind, period, period_start, period_end, status)
             VALUES ($1, $2, $3, $4, $5::date, $6::date, 'OPEN') ON CONFLICT (tenant_id, period_start) DO NOTHING RETURNING id`,
            [tenant, inForce.parent_tenant_id, inForce.kind, inForce.period, next, period.end],
          )) as unknown[];
          opened += result.length;
          next = addDays(period.end, 1);
        }
      }
    }
    return opened;
  }

  /** The open statements whose period has ended, oldest first (the job closes each in a transaction of its own). */
  async due(m: EntityManager, now: Date): Promise<string[]> {
    const rows = (await m.query(`SELECT id FROM statements WHERE status = 'OPEN' AND period_end < $1::date ORDER BY period_start, tenant_id`, [shanghaiDate(now)])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async exportCsv(id: string): Promise<{ name: string; body: string }> {
    const detail = await this.get(id);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const q = (v: string | number | null) => {
      if (v === null) return '';
      // text a spreadsheet would run as a formula (a manual adjustment's reason is typed by the brand): kept as text
      const text = typeof v === 'string' && (/^[=+@\t\r]/.test(v) || /^-(?!\d+(\.\d+)?$)/.test(v)) ? `'${v}` : String(v);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const rows: (string | number | null)[][] = [
      ['statement', detail.id],
      ['organization_id', detail.organizationId],
      ['period', `${detail.periodStart}..${detail.periodEnd}`],
      ['status', detail.status],
      [],
      ['position', 'kind', 'description', 'quantity', 'unit_fen', 'amount_fen', 'amount_yuan', 'rounding'],
      ...detail.lines.map((l) => [l.position, l.kind, l.description, l.quantity, l.unitFen, l.amountFen, yuan(l.amountFen), l.rounding]),
      [],
      ...totalEntries(detail).map(([name, fen]) => [name, fen, yuan(fen)]),
    ];
    return { name: statementFileName(detail, 'csv'), body: `\uFEFF${rows.map((r) => r.map(q).join(',')).join('\r\n')}\r\n` };
  }

  async exportXlsx(id: string): Promise<{ name: string; body: Buffer }> {
    const detail = await this.get(id);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('结算单');
    sheet.addRow(['结算单', detail.id]);
    sheet.addRow(['组织', detail.organizationId]);
    sheet.addRow(['账期', `${detail.periodStart} 至 ${detail.periodEnd}`]);
    sheet.addRow(['状态', detail.status]);
    sheet.addRow([]);
    sheet.addRow(['序号', '类型', '说明', '数量', '单价（分）', '金额（分）', '金额（元）', '取整规则']);
    for (const l of detail.lines) sheet.addRow([l.position, l.kind, l.description, l.quantity, l.unitFen, l.amountFen, l.amountFen / 100, l.rounding]);
    sheet.addRow([]);
    for (const [name, fen] of totalEntries(detail)) sheet.addRow([name, fen, fen / 100]);
    return { name: statementFileName(detail, 'xlsx'), body: Buffer.from(await book.xlsx.writeBuffer()) };
  }

  /** Commission corrections for the statement's orders whose commission changed after they were posted (see COMMISSION_DRIFT_SQL). */
  private async commissionTrueUps(m: EntityManager, row: StatementRow): Promise<LedgerLine[]> {
    const drift = (await m.query(COMMISSION_DRIFT_SQL, [row.tenant_id, shanghaiStartOf(row.period_start), shanghaiStartOf(addDays(row.period_end, 1))])) as {
      id: string;
      merchant_tenant_id: string;
      brand_tenant_id: string | null;
      posted_brand_tenant_id: string | null;
      due_fen: string;
      posted_fen: string;
    }[];
    return drift.flatMap((d) => {
      const brand = d.brand_tenant_id ?? d.posted_brand_tenant_id ?? row.parent_tenant_id;
      const parties = { sessionId: d.id, ownerTenantId: row.tenant_id, merchantTenantId: d.merchant_tenant_id, agreement: { brandTenantId: brand, commissionBasisPoints: 0 } };
      return commissionTrueUp(parties, Number(d.due_fen) - Number(d.posted_fen)).map((l) => ({ ...l, kind: 'COMMISSION' as const, description: 'commission true-up at close' }));
    });
  }

  /** The statement's figures with the manual adjustments booked on it (manual-adjustments.ts), each an ADJUSTMENT line of its own. */
  private async computeWithAdjustments(m: EntityManager, row: StatementRow, closing = false): Promise<{ lines: Line[]; totals: Totals; agreement: AgreementRow | null }> {
    const computed = await this.compute(m, row, closing);
    return { ...computed, ...withManualAdjustments(row.kind, computed, await manualAdjustmentsOf(m, row.id)) };
  }

  private figureParams(row: StatementRow): unknown[] {
    return [row.tenant_id, shanghaiStartOf(row.period_start), shanghaiStartOf(addDays(row.period_end, 1)), row.id];
  }

  /** The figures of a statement now (the close stores them); every aggregate in SQL. */
  private async compute(m: EntityManager, row: StatementRow, closing = false): Promise<{ lines: Line[]; totals: Totals; agreement: AgreementRow | null }> {
    // monthly terms (fixed fees, minimum, reseller fees) go on the statement holding the month's last day: the
    // monthly one, the last daily one, the weekly one across the month's end (rounding MINIMUM_ON_MONTH_END)
    const month = periodOf(row.period_start, 'MONTHLY');
    const isMonthEnd = month.end <= row.period_end;
    const [agreement] = (await m.query(
      `SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE tenant_id = $1 AND effective_from <= $2::date ORDER BY version DESC LIMIT 1`,
      [row.tenant_id, isMonthEnd ? month.end : row.period_end],
    )) as AgreementRow[];
    const monthRange = [row.tenant_id, shanghaiStartOf(month.start), shanghaiStartOf(addDays(month.end, 1))];
    if (row.kind === 'RESELLER') {
      const fee = agreement?.platform_fee_per_active_device_month_fen ?? null;
      if (!isMonthEnd || fee === null) return { ...resellerStatement({ monthEnd: null }), agreement: agreement ?? null };
      const [active] = (await m.query(ACTIVE_DEVICES_SQL, monthRange)) as { n: number }[];
      return {
        ...resellerStatement({ monthEnd: { activeDevices: active?.n ?? 0, platformFeePerActiveDeviceMonthFen: fee, fixedMonthFen: agreement?.fixed_month_fen ?? null } }),
        agreement: agreement ?? null,
      };
    }
    const [f] = (await m.query(FRANCHISE_FIGURES_SQL, this.figureParams(row))) as {
      sessions: number;
      paid_fen: string;
      refunded_fen: string;
      commission_fen: string;
      adjusted_sessions: number;
      adjusted_refunded_fen: string;
      commission_back_fen: string;
    }[];
    let monthEnd = null;
    if (isMonthEnd && agreement && (agreement.fixed_fee_per_device_month_fen || agreement.minimum_month_fen)) {
      const [held] = (await m.query(HELD_DEVICES_SQL, monthRange)) as { n: number }[];
      const [before] = (await m.query(
        `SELECT coalesce(sum(commission_fen), 0)::bigint AS fen FROM statements WHERE tenant_id = $1 AND status <> 'OPEN' AND period_start >= $2::date AND id <> $3`,
        [row.tenant_id, month.start, row.id],
      )) as { fen: string }[];
      monthEnd = {
        devices: held?.n ?? 0,
        fixedFeePerDeviceMonthFen: agreement.fixed_fee_per_device_month_fen,
        minimumMonthFen: agreement.minimum_month_fen,
        commissionOfMonthBeforeFen: Number(before?.fen ?? 0),
      };
    }
    const returns = await carriedReturnsFen(m, row.id);
    return {
      ...franchiseStatement(
        {
          sessions: f!.sessions,
          paidFen: Number(f!.paid_fen),
          refundedFen: Number(f!.refunded_fen),
          commissionFen: Number(f!.commission_fen),
          adjustedSessions: f!.adjusted_sessions,
          adjustedRefundedFen: Number(f!.adjusted_refunded_fen),
          commissionBackFen: Number(f!.commission_back_fen),
          splitReturnOwedFen: returns.owedBackFen,
          splitReturnReclaimedFen: returns.reclaimedFen,
          channelFee: await this.channelFees(m, row, closing),
        },
        { monthEnd, collection: agreement?.collection ?? 'BRAND_COLLECTS' },
      ),
      agreement: agreement ?? null,
    };
  }

  /** WeChat's channel fees the statement carries (CHANNEL_FEES_SQL): at the close those marked to it, before it those not carried yet. */
  private async channelFees(m: EntityManager, row: StatementRow, closing: boolean): Promise<{ passedOnFen: number; passedOnDays: number; ownFen: number; ownDays: number }> {
    const rows = (await m.query(CHANNEL_FEES_SQL, [row.tenant_id, row.period_end, row.id, closing])) as { source_id: string; own: boolean; fen: string | number }[];
    const of = (own: boolean) => rows.filter((r) => r.own === own && Number(r.fen) !== 0);
    const sum = (list: typeof rows) => list.reduce((total, r) => total + Number(r.fen), 0);
    return { passedOnFen: sum(of(false)), passedOnDays: of(false).length, ownFen: sum(of(true)), ownDays: of(true).length };
  }

  private async find(m: EntityManager, id: string): Promise<StatementRow> {
    const [row] = (await m.query(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE id = $1`, [id])) as StatementRow[];
    if (!row) throw settlementErrors.STATEMENT_NOT_FOUND();
    return row;
  }

  private async storedLines(m: EntityManager, statementId: string): Promise<StatementLineDto[]> {
    const rows = (await m.query(
      `SELECT position, kind, description, quantity, unit_fen, amount_fen, rounding FROM statement_lines WHERE statement_id = $1 ORDER BY position`,
      [statementId],
    )) as { position: number; kind: StatementLineDto['kind']; description: string; quantity: number | null; unit_fen: string | null; amount_fen: string; rounding: string | null }[];
    return rows.map((r) => ({
      position: r.position,
      kind: r.kind,
      description: r.description,
      quantity: r.quantity,
      unitFen: r.unit_fen === null ? null : Number(r.unit_fen),
      amountFen: Number(r.amount_fen),
      rounding: r.rounding,
    }));
  }
}

function totalsRow(t: Totals) {
  return {
    sessions: t.sessions,
    paid_fen: t.paidFen,
    refunded_fen: t.refundedFen,
    net_fen: t.netFen,
    commission_fen: t.commissionFen,
    fixed_fee_fen: t.fixedFeeFen,
    minimum_top_up_fen: t.minimumTopUpFen,
    reseller_fee_fen: t.resellerFeeFen,
    adjustment_fen: t.adjustmentFen,
    payable_fen: t.payableFen,
  };
}

function totalEntries(d: StatementDto): [string, number][] {
  return [
    ['paid_fen', d.paidFen],
    ['refunded_fen', d.refundedFen],
    ['net_fen', d.netFen],
    ['commission_fen', d.commissionFen],
    ['fixed_fee_fen', d.fixedFeeFen],
    ['minimum_top_up_fen', d.minimumTopUpFen],
    ['reseller_fee_fen', d.resellerFeeFen],
    ['adjustment_fen', d.adjustmentFen],
    ['payable_fen', d.payableFen],
  ];
}

const statementFileName = (d: StatementDto, ext: string) => `statement-${d.organizationId.slice(0, 8)}-${d.periodStart}.${ext}`;

/**
 * The fees a closed statement adds to the ledger (commission is posted per order as sessions are paid and refunded).
 * Brand collects: netted from what the brand holds for the franchisee; otherwise (franchisee collects, a reseller's
 * customer) a receivable of the brand or reseller.
 */
function feePosting(row: StatementRow, totals: Totals, agreement: AgreementRow | null): LedgerLine[] {
  const o = row.tenant_id;
  const p = row.parent_tenant_id;
  const netted = row.kind === 'FRANCHISE' && (agreement?.collection ?? 'BRAND_COLLECTS') === 'BRAND_COLLECTS';
  const fees: [LedgerLine['kind'], number][] = [
    ['FIXED_FEE', totals.fixedFeeFen],
    ['MINIMUM_TOP_UP', totals.minimumTopUpFen],
    ['RESELLER_FEE', totals.resellerFeeFen],
  ];
  return fees
    .filter(([, fen]) => fen > 0)
    .flatMap(([kind, fen]): LedgerLine[] => [
      { tenant_id: o, account: 'FEE_EXPENSE', counterparty_tenant_id: p, kind, debit_fen: fen, credit_fen: 0 },
      netted
        ? { tenant_id: o, account: 'DUE_FROM_MERCHANT', counterparty_tenant_id: p, kind, debit_fen: 0, credit_fen: fen }
        : { tenant_id: o, account: 'FEES_PAYABLE', counterparty_tenant_id: p, kind, debit_fen: 0, credit_fen: fen },
      netted
        ? { tenant_id: p, account: 'DUE_TO_OWNERS', counterparty_tenant_id: o, kind, debit_fen: fen, credit_fen: 0 }
        : { tenant_id: p, account: 'FEES_RECEIVABLE', counterparty_tenant_id: o, kind, debit_fen: fen, credit_fen: 0 },
      { tenant_id: p, account: 'FEE_INCOME', counterparty_tenant_id: o, kind, debit_fen: 0, credit_fen: fen },
    ]);
}
