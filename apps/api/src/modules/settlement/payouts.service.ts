import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeKeyring } from '../../platform/crypto/envelope.js';
import { Clock } from '../../platform/clock/clock.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { MERCHANT_KEYRING } from '../merchants/merchant-credentials.js';
import { systemRead } from '../merchants/merchant-store.js';
import { newOutBillNo, payeeRealNameAad, payeeRealNameContext, payoutPosting, payoutTransferJob, REAL_NAME_THRESHOLD_FEN } from './payouts-transfer.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { CreatePayoutDto, PayoutDto, PayoutListDto, PayoutPayeeDto, PayoutsQueryDto, SetPayoutPayeeDto } from './dto/payout.dto.js';
import { LedgerService } from './ledger.service.js';
import { isCalendarDate, shanghaiDate } from './settlement-math.js';
import { payoutErrors, settlementErrors } from './settlement.errors.js';
import { STATEMENT_COLUMNS, type StatementRow } from './statements.service.js';

export interface PayoutRow {
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
  out_no: string | null;
  wechat_state: string | null;
  package_info: string | null;
  retry_of: string | null;
  merchant_account_id: string | null;
  openid: string | null;
}

export const PAYOUT_COLUMNS = `id, tenant_id, payer_tenant_id, statement_id, method, amount_fen, state, reference, failure, to_char(paid_on, 'YYYY-MM-DD') AS paid_on,
  created_at, succeeded_at, failed_at, out_no, wechat_state, package_info, retry_of, merchant_account_id, openid`;

export const toPayoutDto = (p: PayoutRow): PayoutDto => ({
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
  wechatState: p.wechat_state,
  packageInfo: p.wechat_state === 'WAIT_USER_CONFIRM' ? p.package_info : null,
  outBillNo: p.out_no,
  retryOf: p.retry_of,
});

/**
 * Payouts of closed franchise statements when the brand collects: an offline bank payout the brand records with its
 * reference (final at once), or a WeChat merchant transfer (商家转账) to the franchisee's payee openid, sent and
 * tracked to a final state by the durable `settlement.payout-transfer` job (see PayoutTransfers).
 *
 * Ledger: nothing is posted while a transfer is under way; SUCCESS posts the PAYOUT once (source PAYOUT, the payout's
 * id) and the statement becomes SETTLED; FAIL / CANCELLED posts nothing (the statement stays CLOSED, owed as before).
 */
@Injectable()
export class PayoutsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @Inject(MERCHANT_KEYRING) private readonly keyring: EnvelopeKeyring,
    private readonly clock: Clock,
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
    if (input.method === 'WECHAT_TRANSFER') return this.createTransfer(statement, amountFen, null);
    if (!input.reference) {
      throw platformErrors.VALIDATION_FAILED('Invalid fields: reference', { errors: [{ field: 'reference', messages: ['reference (the bank transfer’s) is required for OFFLINE_BANK'] }] });
    }
    const paidOn = input.paidOn ?? shanghaiDate(this.clock.now());
    if (!isCalendarDate(paidOn)) throw platformErrors.VALIDATION_FAILED('Invalid fields: paidOn', { errors: [{ field: 'paidOn', messages: ['paidOn must be a calendar date'] }] });
    await this.assertNoLivePayout(statement.id);
    const [row] = (await m.query(
      `INSERT INTO payouts (tenant_id, payer_tenant_id, statement_id, method, amount_fen, state, reference, paid_on, requested_by, succeeded_at)
       VALUES ($1, $2, $3, 'OFFLINE_BANK', $4, 'SUCCEEDED', $5, $6::date, $7, now())
       RETURNING ${PAYOUT_COLUMNS}`,
      [statement.tenant_id, statement.parent_tenant_id, statement.id, amountFen, input.reference, paidOn, this.context.principal.userId],
    )) as PayoutRow[];
    const payout = row!;
    await this.ledger.post(m, 'PAYOUT', payout.id, paidOn, payoutPosting(statement.tenant_id, statement.parent_tenant_id, amountFen, 'BANK'));
    await m.query(`UPDATE statements SET status = 'SETTLED', settled_at = $3, settlement_reference = $2 WHERE id = $1`, [statement.id, `payout:${payout.id}`, this.clock.now()]);
    const dto = toPayoutDto(payout);
    await this.audit.record({ action: 'payout.record', resourceType: 'payout', resourceId: payout.id, subjectTenantId: statement.tenant_id, after: dto });
    return dto;
  }

  /** A FAILED WeChat transfer payout is tried again: a new payout (new out_bill_no) for the same statement. */
  async retry(id: string): Promise<PayoutDto> {
    const m = this.context.manager;
    const [failed] = (await m.query(`SELECT ${PAYOUT_COLUMNS} FROM payouts WHERE id = $1`, [id])) as PayoutRow[];
    if (!failed || (!this.context.isPlatformAdmin && failed.payer_tenant_id !== this.context.tenantId)) throw payoutErrors.PAYOUT_NOT_FOUND();
    if (failed.method !== 'WECHAT_TRANSFER' || failed.state !== 'FAILED') {
      throw payoutErrors.PAYOUT_NOT_RETRYABLE(`Payout ${id} is a ${failed.method} payout in state ${failed.state}.`);
    }
    const [statement] = (await m.query(`SELECT ${STATEMENT_COLUMNS} FROM statements WHERE id = $1 FOR UPDATE`, [failed.statement_id])) as StatementRow[];
    if (!statement) throw settlementErrors.STATEMENT_NOT_FOUND();
    if (statement.status !== 'CLOSED') throw payoutErrors.PAYOUT_STATEMENT_NOT_CLOSED(`The statement is ${statement.status}.`);
    return this.createTransfer(statement, Number(statement.payable_fen), failed.id);
  }

  private async assertNoLivePayout(statementId: string): Promise<void> {
    const [live] = (await this.context.manager.query(`SELECT id FROM payouts WHERE statement_id = $1 AND state <> 'FAILED'`, [statementId])) as { id: string }[];
    if (live) throw payoutErrors.PAYOUT_EXISTS(`Payout ${live.id} already pays this statement.`);
  }

  /** Records a REQUESTED transfer payout and queues the job that sends it (after this transaction commits). */
  private async createTransfer(statement: StatementRow, amountFen: number, retryOf: string | null): Promise<PayoutDto> {
    const m = this.context.manager;
    await this.assertNoLivePayout(statement.id);
    const [payee] = (await m.query(`SELECT appid, openid, real_name_ciphertext IS NOT NULL AS has_name FROM payout_payees WHERE tenant_id = $1`, [
      statement.tenant_id,
    ])) as { appid: string; openid: string; has_name: boolean }[];
    if (!payee) throw payoutErrors.PAYOUT_PAYEE_MISSING(`Set the franchisee’s payee first: PUT /v1/organizations/${statement.tenant_id}/payout-payee.`);
    if (amountFen >= REAL_NAME_THRESHOLD_FEN && !payee.has_name) {
      throw payoutErrors.PAYOUT_REAL_NAME_REQUIRED(
        `The transfer is ${amountFen} fen; from ${REAL_NAME_THRESHOLD_FEN} fen (2,000 CNY) WeChat requires the payee’s real name: set realName on the franchisee’s payee.`,
      );
    }
    const [account] = (await m.query(
      `SELECT id FROM merchant_accounts WHERE tenant_id = $1 AND $2 = ANY (appids) AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1`,
      [statement.parent_tenant_id, payee.appid],
    )) as { id: string }[];
    if (!account) throw payoutErrors.PAYOUT_NO_MERCHANT_ACCOUNT(`No enabled merchant account of the brand lists appid ${payee.appid}.`);
    let row: PayoutRow | undefined;
    try {
      [row] = (await m.query(
        `INSERT INTO payouts (tenant_id, payer_tenant_id, statement_id, method, amount_fen, state, out_no, merchant_account_id, openid, retry_of, requested_by)
         VALUES ($1, $2, $3, 'WECHAT_TRANSFER', $4, 'REQUESTED', $5, $6, $7, $8, $9)
         RETURNING ${PAYOUT_COLUMNS}`,
        [statement.tenant_id, statement.parent_tenant_id, statement.id, amountFen, newOutBillNo(), account.id, payee.openid, retryOf, this.context.principal.userId],
      )) as PayoutRow[];
    } catch (error) {
      // the one-live-payout index: another request paid this statement meanwhile
      if ((error as { code?: string }).code === '23505') throw payoutErrors.PAYOUT_EXISTS('Another payout of this statement was made at the same time.');
      throw error;
    }
    const payout = row!;
    await this.jobs.enqueue(payoutTransferJob, { payoutId: payout.id }, { key: payout.id });
    const dto = toPayoutDto(payout);
    await this.audit.record({ action: retryOf ? 'payout.retry' : 'payout.request', resourceType: 'payout', resourceId: payout.id, subjectTenantId: statement.tenant_id, after: dto });
    return dto;
  }

  async list(query: PayoutsQueryDto): Promise<PayoutListDto> {
    if (query.organizationId) await this.organizations.get(query.organizationId);
    const where = `($1::uuid IS NULL OR tenant_id IN (SELECT o.id FROM organizations o WHERE $1::uuid = ANY (o.path)) OR payer_tenant_id = $1::uuid)
      AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR method = $3) AND ($4::uuid IS NULL OR statement_id = $4)`;
    const params = [query.organizationId ?? null, query.state ?? null, query.method ?? null, query.statementId ?? null];
    const m = this.context.manager;
    const rows = (await m.query(`SELECT ${PAYOUT_COLUMNS} FROM payouts WHERE ${where} ORDER BY created_at DESC, id LIMIT $5 OFFSET $6`, [
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

  /** The brand (or the franchisee's own admin) sets who a franchisee is paid to by WeChat transfer. */
  async setPayee(organizationId: string, input: SetPayoutPayeeDto): Promise<PayoutPayeeDto> {
    const org = await this.organizations.get(organizationId);
    if (org.kind !== 'FRANCHISEE' || !org.parentId) throw payoutErrors.PAYOUT_PAYEE_NOT_APPLICABLE();
    const m = this.context.manager;
    let appid = input.appid;
    if (!appid) {
      // a franchisee's admin cannot read its brand's merchant accounts: only their first appid leaves this read
      const parentId = org.parentId;
      const [account] = await systemRead(
        m,
        async () =>
          (await m.query(`SELECT appids FROM merchant_accounts WHERE tenant_id = $1 AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1`, [parentId])) as { appids: string[] }[],
      );
      appid = account?.appids[0];
      if (!appid) throw platformErrors.VALIDATION_FAILED('Invalid fields: appid', { errors: [{ field: 'appid', messages: ['the brand has no merchant account appid: name the appid'] }] });
    }
    const sealed = input.realName ? this.keyring.sealNew(input.realName, payeeRealNameAad(organizationId), payeeRealNameContext(organizationId)) : null;
    const keepName = input.realName === undefined;
    const [row] = (await m.query(
      `INSERT INTO payout_payees AS p (tenant_id, appid, openid, real_name_ciphertext, dek_ciphertext, master_key_id, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id) DO UPDATE SET appid = EXCLUDED.appid, openid = EXCLUDED.openid,
         real_name_ciphertext = CASE WHEN $8 THEN p.real_name_ciphertext ELSE EXCLUDED.real_name_ciphertext END,
         dek_ciphertext = CASE WHEN $8 THEN p.dek_ciphertext ELSE EXCLUDED.dek_ciphertext END,
         master_key_id = CASE WHEN $8 THEN p.master_key_id ELSE EXCLUDED.master_key_id END,
         updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING tenant_id, appid, openid, real_name_ciphertext IS NOT NULL AS has_name, updated_at`,
      [organizationId, appid, input.openid, sealed?.ciphertext ?? null, sealed?.dekCiphertext ?? null, sealed?.masterKeyId ?? null, this.context.principal.userId, keepName],
    )) as PayeeRow[];
    const dto = toPayeeDto(row!);
    await this.audit.record({ action: 'payout-payee.set', resourceType: 'organization', resourceId: organizationId, subjectTenantId: organizationId, after: dto });
    return dto;
  }

  async getPayee(organizationId: string): Promise<PayoutPayeeDto> {
    await this.organizations.get(organizationId);
    const [row] = (await this.context.manager.query(
      `SELECT tenant_id, appid, openid, real_name_ciphertext IS NOT NULL AS has_name, updated_at FROM payout_payees WHERE tenant_id = $1`,
      [organizationId],
    )) as PayeeRow[];
    if (!row) throw payoutErrors.PAYOUT_PAYEE_MISSING();
    return toPayeeDto(row);
  }
}

interface PayeeRow {
  tenant_id: string;
  appid: string;
  openid: string;
  has_name: boolean;
  updated_at: Date;
}

const toPayeeDto = (r: PayeeRow): PayoutPayeeDto => ({
  organizationId: r.tenant_id,
  appid: r.appid,
  openid: r.openid,
  realNameSet: r.has_name,
  updatedAt: new Date(r.updated_at).toISOString(),
});

