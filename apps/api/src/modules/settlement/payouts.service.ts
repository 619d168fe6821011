import { Injectable } from '@nestjs/common';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { CreatePayoutDto, PayoutDto, PayoutListDto, PayoutsQueryDto } from './dto/payout.dto.js';
import type { LedgerLine } from './ledger-postings.js';
import { LedgerService } from './ledger.service.js';
import { isCalendarDate, shanghaiDate } from './settlement-math.js';
import { payoutErrors, settlementErrors } from './settlement.errors.js';
import { STATEMENT_COLUMNS, type StatementRow } from './statements.service.js';

interface PayoutRow {
  id: string;
  tenant_id: string;
  payer_tenant_id: string;
  statement_id: string;
  method: PayoutDto['method'];
  amount_fen: string | number;
  state: PayoutDto['state'];
  reference: string | null;
  failure: string | null;
  paid_on: string | null;
  created_at: Date;
  succeeded_at: Date | null;
  failed_at: Date | null;
}

const PAYOUT_COLUMNS = `id, tenant_id, payer_tenant_id, statement_id, method, amount_fen, state, reference, failure, to_char(paid_on, 'YYYY-MM-DD') AS paid_on,
  created_at, succeeded_at, failed_at`;

const toPayoutDto = (p: PayoutRow): PayoutDto => ({
  id: p.id,
  organizationId: p.tenant_id,
  payerOrganizationId: p.payer_tenant_id,
  statementId: p.statement_id,
  method: p.method,
  amountFen: Number(p.amount_fen),
  state: p.state,
  reference: p.reference,
  failure: p.failure,
  paidOn: p.paid_on,
  createdAt: new Date(p.created_at).toISOString(),
  succeededAt: p.succeeded_at ? new Date(p.succeeded_at).toISOString() : null,
  failedAt: p.failed_at ? new Date(p.failed_at).toISOString() : null,
});

/**
 * Payouts of closed franchise statements when the brand collects. Today: the offline bank payout the brand
 * records with its reference (final at once, the statement SETTLED, posted to the ledger). WeChat merchant
 * transfers are refused until the transfer client exists (the table and states are ready for them).
 */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreatePayoutDto): Promise<PayoutDto> {
    const m = this.context.manager;
    const [statement] = (await m.query(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE id = $1 FOR UPDATE`, [input.statementId])) as StatementRow[];
    if (!statement || (!this.context.isPlatformAdmin && statement.parent_tenant_id !== this.context.tenantId)) throw settlementErrors.STATEMENT_NOT_FOUND();
    if (statement.status !== 'CLOSED') throw payoutErrors.PAYOUT_STATEMENT_NOT_CLOSED(`The statement is ${statement.status}.`);
    const [agreement] = (await m.query(
      `SELECT collection FROM agreements WHERE tenant_id = $1 AND effective_from <= $2::date ORDER BY version DESC LIMIT 1`,
      [statement.tenant_id, statement.period_end],
    )) as { collection: string | null }[];
    if (statement.kind !== 'FRANCHISE' || (agreement?.collection ?? 'BRAND_COLLECTS') !== 'BRAND_COLLECTS') throw payoutErrors.PAYOUT_NOT_BRAND_COLLECTS();
    const amountFen = Number(statement.payable_fen);
    if (amountFen <= 0) throw payoutErrors.PAYOUT_NOTHING_OWED(`The statement’s payableFen is ${amountFen}.`);
    if (input.method === 'WECHAT_TRANSFER') throw payoutErrors.PAYOUT_METHOD_NOT_AVAILABLE();
    if (!input.reference) {
      throw platformErrors.VALIDATION_FAILED('Invalid fields: reference', { errors: [{ field: 'reference', messages: ['reference (the bank transfer’s) is required for OFFLINE_BANK'] }] });
    }
    const paidOn = input.paidOn ?? shanghaiDate(new Date());
    if (!isCalendarDate(paidOn)) throw platformErrors.VALIDATION_FAILED('Invalid fields: paidOn', { errors: [{ field: 'paidOn', messages: ['paidOn must be a calendar date'] }] });
    const [live] = (await m.query(`SELECT id FROM payouts WHERE statement_id = $1 AND state <> 'FAILED'`, [statement.id])) as { id: string }[];
    if (live) throw payoutErrors.PAYOUT_EXISTS(`Payout ${live.id} already pays this statement.`);
    const [row] = (await m.query(
      `INSERT INTO payouts (tenant_id, payer_tenant_id, statement_id, method, amount_fen, state, reference, paid_on, requested_by, succeeded_at)
       VALUES ($1, $2, $3, 'OFFLINE_BANK', $4, 'SUCCEEDED', $5, $6::date, $7, now())
       RETURNING ${PAYOUT_COLUMNS}`,
      [statement.tenant_id, statement.parent_tenant_id, statement.id, amountFen, input.reference, paidOn, this.context.principal.userId],
    )) as PayoutRow[];
    const payout = row!;
    await this.ledger.post(m, 'PAYOUT', payout.id, paidOn, payoutPosting(statement.tenant_id, statement.parent_tenant_id, amountFen));
    await m.query(`UPDATE statements SET status = 'SETTLED', settled_at = now(), settlement_reference = $2 WHERE id = $1`, [statement.id, `payout:${payout.id}`]);
    const dto = toPayoutDto(payout);
    await this.audit.record({ action: 'payout.record', resourceType: 'payout', resourceId: payout.id, subjectTenantId: statement.tenant_id, after: dto });
    return dto;
  }

  async list(query: PayoutsQueryDto): Promise<PayoutListDto> {
    if (query.organizationId) await this.organizations.get(query.organizationId);
    const where = `($1::uuid IS NULL OR tenant_id IN (SELECT o.id FROM organizations o WHERE $1::uuid = ANY (o.path)) OR payer_tenant_id = $1::uuid) AND ($2::text IS NULL OR state = $2)`;
    const params = [query.organizationId ?? null, query.state ?? null];
    const m = this.context.manager;
    const rows = (await m.query(`SELECT ${PAYOUT_COLUMNS} FROM payouts WHERE ${where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`, [
      ...params,
      query.limit ?? 50,
      query.offset ?? 0,
    ])) as PayoutRow[];
    const [count] = (await m.query(`SELECT count(*)::int AS n FROM payouts WHERE ${where}`, params)) as { n: number }[];
    return { items: rows.map(toPayoutDto), total: count?.n ?? 0 };
  }

  async get(id: string): Promise<PayoutDto> {
    const [row] = (await this.context.manager.query(`SELECT ${PAYOUT_COLUMNS} FROM payouts WHERE id = $1`, [id])) as PayoutRow[];
    if (!row) throw payoutErrors.PAYOUT_NOT_FOUND();
    return toPayoutDto(row);
  }
}

/** The franchisee received the money (outside WeChat) from what the brand held for it. */
function payoutPosting(payee: string, payer: string, fen: number): LedgerLine[] {
  return [
    { tenant_id: payee, account: 'BANK', counterparty_tenant_id: payer, kind: 'PAYOUT', debit_fen: fen, credit_fen: 0 },
    { tenant_id: payee, account: 'DUE_FROM_MERCHANT', counterparty_tenant_id: payer, kind: 'PAYOUT', debit_fen: 0, credit_fen: fen },
    { tenant_id: payer, account: 'DUE_TO_OWNERS', counterparty_tenant_id: payee, kind: 'PAYOUT', debit_fen: fen, credit_fen: 0 },
    { tenant_id: payer, account: 'BANK', counterparty_tenant_id: payee, kind: 'PAYOUT', debit_fen: 0, credit_fen: fen },
  ];
}
