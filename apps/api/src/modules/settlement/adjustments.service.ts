import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { agreementKindOf } from './agreements.service.js';
import { adjustmentErrors } from './adjustments.errors.js';
import type { AdjustmentDto, AdjustmentListDto, AdjustmentsQueryDto, CreateAdjustmentDto } from './dto/adjustment.dto.js';
import { LedgerService } from './ledger.service.js';
import { adjustmentPosting } from './manual-adjustments.js';
import { isCalendarDate, shanghaiDate } from './settlement-math.js';
import { StatementsService } from './statements.service.js';

interface AdjustmentRow {
  id: string;
  tenant_id: string;
  parent_tenant_id: string;
  kind: AdjustmentDto['kind'];
  amount_fen: string | number;
  reason: string;
  effective_date: string;
  statement_id: string;
  period_start: string;
  period_end: string;
  statement_status: AdjustmentDto['statementStatus'];
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

const ADJUSTMENT_SELECT = `
  SELECT a.id, a.tenant_id, a.parent_tenant_id, s.kind, a.amount_fen, a.reason, to_char(a.effective_date, 'YYYY-MM-DD') AS effective_date, a.statement_id,
         to_char(s.period_start, 'YYYY-MM-DD') AS period_start, to_char(s.period_end, 'YYYY-MM-DD') AS period_end, s.status AS statement_status,
         a.created_at, a.created_by, a.created_by_name
    FROM settlement_adjustments a JOIN statements s ON s.id = a.statement_id`;

const toAdjustmentDto = (r: AdjustmentRow): AdjustmentDto => ({
  id: r.id,
  organizationId: r.tenant_id,
  parentOrganizationId: r.parent_tenant_id,
  kind: r.kind,
  amountFen: Number(r.amount_fen),
  reason: r.reason,
  effectiveDate: r.effective_date,
  statementId: r.statement_id,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  statementStatus: r.statement_status,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
  createdByName: r.created_by_name,
});

function fieldError(field: string, message: string) {
  return platformErrors.VALIDATION_FAILED(`Invalid fields: ${field}`, { errors: [{ field, messages: [message] }] });
}

/**
 * Manual adjustments (issue 12): the franchise brand (a hardware reseller) books an amount with a reason on a
 * franchisee's (customer's) open statement. It lands on exactly one statement — the one whose period holds its date,
 * locked and checked OPEN in the same transaction (a close waits for it, or it sees the close and is refused) — and is
 * posted to the ledger once, at once (source ADJUSTMENT, its id).
 */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
    private readonly statements: StatementsService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(organizationId: string, input: CreateAdjustmentDto): Promise<AdjustmentDto> {
    const org = await this.organizations.get(organizationId);
    // only the parent brand or reseller (or the platform) books one; the organisation itself reads them
    if (!this.context.isPlatformAdmin && org.parentId !== this.context.principal.tenantId) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    if (!agreementKindOf(org) || !org.parentId) throw adjustmentErrors.ADJUSTMENT_NOT_APPLICABLE();
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const day = input.effectiveDate ?? today;
    if (!isCalendarDate(day)) throw fieldError('effectiveDate', 'effectiveDate must be a calendar date YYYY-MM-DD');
    if (day > today) throw fieldError('effectiveDate', `effectiveDate may not be in the future (today is ${today}, Asia/Shanghai)`);
    const reason = input.reason.trim();
    const m = this.context.manager;
    // the statements the agreement calls for up to today exist (as when an agreement is set), so today's is there
    await this.statements.openDue(m, now, org.id);
    // the statement row lock orders this against its close (which takes the same lock first)
    const [statement] = (await m.query(
      `SELECT id, kind, status, parent_tenant_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end
         FROM statements WHERE tenant_id = $1 AND period_start <= $2::date AND period_end >= $2::date FOR UPDATE`,
      [org.id, day],
    )) as { id: string; kind: 'FRANCHISE' | 'RESELLER'; status: string; parent_tenant_id: string; period_start: string; period_end: string }[];
    if (!statement) {
      throw adjustmentErrors.ADJUSTMENT_NO_STATEMENT(`No statement period of this organisation holds ${day}.`, {
        errors: [{ field: 'effectiveDate', messages: [`no statement period holds ${day}: set the organisation’s agreement first, or choose a later date`] }],
      });
    }
    if (statement.status !== 'OPEN') {
      throw adjustmentErrors.ADJUSTMENT_PERIOD_CLOSED(`${day} falls in the statement period ${statement.period_start} .. ${statement.period_end}, which is ${statement.status}.`, {
        errors: [{ field: 'effectiveDate', messages: [`must be after ${statement.period_end}: the statement of ${statement.period_start} .. ${statement.period_end} is ${statement.status}`] }],
      });
    }
    const userId = this.context.principal.userId;
    const [created] = (await m.query(
      `INSERT INTO settlement_adjustments (tenant_id, parent_tenant_id, statement_id, amount_fen, reason, effective_date, created_at, created_by, created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, (SELECT u.display_name FROM users u WHERE u.id = $8))
       RETURNING id`,
      [org.id, statement.parent_tenant_id, statement.id, input.amountFen, reason, day, now, userId],
    )) as { id: string }[];
    const id = created!.id;
    // brand collects: netted from what the brand holds for the franchisee (as the statement's fees are)
    const [agreement] = (await m.query(`SELECT collection FROM agreements WHERE tenant_id = $1 AND effective_from <= $2::date ORDER BY version DESC LIMIT 1`, [
      org.id,
      statement.period_end,
    ])) as { collection: string | null }[];
    const netted = statement.kind === 'FRANCHISE' && (agreement?.collection ?? 'BRAND_COLLECTS') === 'BRAND_COLLECTS';
    await this.ledger.post(m, 'ADJUSTMENT', id, day, adjustmentPosting(org.id, statement.parent_tenant_id, input.amountFen, netted, `manual adjustment: ${reason}`));
    const dto = await this.get(m, id);
    await this.audit.record({ action: 'adjustment.create', resourceType: 'adjustment', resourceId: id, subjectTenantId: org.id, after: dto });
    return dto;
  }

  /** An organisation's adjustments the caller may read (it, its brand or reseller, the platform), newest date first. */
  async list(organizationId: string, query: AdjustmentsQueryDto): Promise<AdjustmentListDto> {
    const org = await this.organizations.get(organizationId);
    if (!agreementKindOf(org)) throw adjustmentErrors.ADJUSTMENT_NOT_APPLICABLE();
    const m = this.context.manager;
    const rows = (await m.query(`${ADJUSTMENT_SELECT} WHERE a.tenant_id = $1 ORDER BY a.effective_date DESC, a.created_at DESC, a.id LIMIT $2 OFFSET $3`, [
      org.id,
      query.limit ?? 50,
      query.offset ?? 0,
    ])) as AdjustmentRow[];
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM settlement_adjustments WHERE tenant_id = $1`, [org.id])) as { n: number }[];
    return { items: rows.map(toAdjustmentDto), total: count?.n ?? 0 };
  }

  private async get(m: EntityManager, id: string): Promise<AdjustmentDto> {
    const [row] = (await m.query(`${ADJUSTMENT_SELECT} WHERE a.id = $1`, [id])) as AdjustmentRow[];
    return toAdjustmentDto(row!);
  }
}
