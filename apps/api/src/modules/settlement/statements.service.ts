import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { StatementDetailDto, StatementDto, StatementLineDto, StatementListDto, StatementsQueryDto } from './dto/statement.dto.js';
import { settlementErrors } from './settlement.errors.js';

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
}

export const STATEMENT_COLUMNS = `id, tenant_id, parent_tenant_id, kind, period, to_char(period_start, 'YYYY-MM-DD') AS period_start,
  to_char(period_end, 'YYYY-MM-DD') AS period_end, status, sessions, paid_fen, refunded_fen, net_fen, commission_fen, fixed_fee_fen,
  minimum_top_up_fen, reseller_fee_fen, adjustment_fen, payable_fen, closed_at, settled_at, settlement_reference`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toStatementDto = (s: StatementRow): StatementDto => ({
  id: s.id,
  organizationId: s.tenant_id,
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
  payableFen: Number(s.payable_fen),
  closedAt: iso(s.closed_at),
  settledAt: iso(s.settled_at),
  settlementReference: s.settlement_reference,
});

@Injectable()
export class StatementsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
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
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM statements WHERE ${where}`, params)) as { n: number }[];
    return { items: rows.map(toStatementDto), total: count?.n ?? 0 };
  }

  async get(id: string): Promise<StatementDetailDto> {
    const row = await this.find(id);
    return { ...toStatementDto(row), lines: await this.lines(row.id) };
  }

  async close(id: string): Promise<StatementDetailDto> {
    await this.find(id);
    throw settlementErrors.STATEMENT_NOT_CLOSABLE('Closing statements is not built yet.');
  }

  async exportCsv(id: string): Promise<{ name: string; body: string }> {
    const row = await this.find(id);
    return { name: `statement-${row.period_start}.csv`, body: '' };
  }

  async exportXlsx(id: string): Promise<{ name: string; body: Buffer }> {
    const row = await this.find(id);
    return { name: `statement-${row.period_start}.xlsx`, body: Buffer.alloc(0) };
  }

  private async find(id: string): Promise<StatementRow> {
    const [row] = (await this.context.manager.query(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE id = $1`, [id])) as StatementRow[];
    if (!row) throw settlementErrors.STATEMENT_NOT_FOUND();
    return row;
  }

  private async lines(statementId: string): Promise<StatementLineDto[]> {
    const rows = (await this.context.manager.query(
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
