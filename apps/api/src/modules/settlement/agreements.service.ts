import { Injectable } from '@nestjs/common';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { AgreementDto, PutAgreementDto } from './dto/agreement.dto.js';
import { addDays, type AgreementKind, type AgreementPeriod, type Collection, DEFAULT_MAX_PROFIT_SHARING_RATIO_BASIS_POINTS, isCalendarDate, periodOf, shanghaiDate, shanghaiStartOf } from './settlement-math.js';
import { franchiseSpansSql } from './settlement-sql.js';
import { settlementErrors } from './settlement.errors.js';

export interface AgreementRow {
  id: string;
  tenant_id: string;
  parent_tenant_id: string;
  kind: AgreementKind;
  version: number;
  effective_from: string;
  period: AgreementPeriod;
  commission_basis_points: number | null;
  fixed_fee_per_device_month_fen: number | null;
  minimum_month_fen: number | null;
  collection: Collection | null;
  max_profit_sharing_ratio_basis_points: number | null;
  channel_fee_passed_on: boolean | null;
  platform_fee_per_active_device_month_fen: number | null;
  fixed_month_fen: number | null;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

/** Selects an agreement row with its date as text (a `date` column would come back as a local-midnight Date). */
export const AGREEMENT_COLUMNS = `id, tenant_id, parent_tenant_id, kind, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, period,
  commission_basis_points, fixed_fee_per_device_month_fen, minimum_month_fen, collection, max_profit_sharing_ratio_basis_points,
  CASE WHEN kind = 'FRANCHISE' THEN coalesce(channel_fee_passed_on, false) END AS channel_fee_passed_on,
  platform_fee_per_active_device_month_fen, fixed_month_fen, note, created_by, created_at`;

export const toAgreementDto = (a: AgreementRow): AgreementDto => ({
  id: a.id,
  organizationId: a.tenant_id,
  parentOrganizationId: a.parent_tenant_id,
  kind: a.kind,
  version: a.version,
  effectiveFrom: a.effective_from,
  period: a.period,
  commissionBasisPoints: a.commission_basis_points,
  fixedFeePerDeviceMonthFen: a.fixed_fee_per_device_month_fen,
  minimumMonthFen: a.minimum_month_fen,
  collection: a.collection,
  maxProfitSharingRatioBasisPoints: a.max_profit_sharing_ratio_basis_points,
  channelFeePassedOn: a.channel_fee_passed_on,
  platformFeePerActiveDeviceMonthFen: a.platform_fee_per_active_device_month_fen,
  fixedMonthFen: a.fixed_month_fen,
  note: a.note,
  createdBy: a.created_by,
  createdAt: new Date(a.created_at).toISOString(),
});

const FRANCHISE_ONLY = ['commissionBasisPoints', 'fixedFeePerDeviceMonthFen', 'minimumMonthFen', 'collection', 'maxProfitSharingRatioBasisPoints', 'channelFeePassedOn'] as const;
const RESELLER_ONLY = ['platformFeePerActiveDeviceMonthFen', 'fixedMonthFen'] as const;

/** The agreement kind an organisation has with its parent: a franchisee with its brand, a customer with its reseller. */
export function agreementKindOf(org: Pick<OrganizationEntity, 'kind'>): AgreementKind | null {
  if (org.kind === 'FRANCHISEE') return 'FRANCHISE';
  if (org.kind === 'CUSTOMER') return 'RESELLER';
  return null;
}

function fieldError(field: string, message: string) {
  return platformErrors.VALIDATION_FAILED(`Invalid fields: ${field}`, { errors: [{ field, messages: [message] }] });
}

@Injectable()
export class AgreementsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Every version for an organisation the caller may see (its own, its franchisees', its customers'), newest first. */
  async history(organizationId: string): Promise<AgreementRow[]> {
    const org = await this.visibleParty(organizationId);
    return (await this.context.manager.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE tenant_id = $1 ORDER BY version DESC`, [org.id])) as AgreementRow[];
  }

  /** The version in force on a day (default: today in Asia/Shanghai). */
  async inForce(organizationId: string, on?: string): Promise<AgreementRow> {
    const day = on ?? shanghaiDate(this.clock.now());
    if (!isCalendarDate(day)) throw fieldError('on', 'on must be a calendar date YYYY-MM-DD');
    const org = await this.visibleParty(organizationId);
    const [row] = (await this.context.manager.query(
      `SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE tenant_id = $1 AND effective_from <= $2::date ORDER BY version DESC LIMIT 1`,
      [org.id, day],
    )) as AgreementRow[];
    if (!row) throw settlementErrors.AGREEMENT_NOT_FOUND();
    return row;
  }

  /** The version in force on a day for every direct child of a brand or reseller the caller may see, in one query. */
  async inForceOfChildren(parentId: string, on?: string): Promise<AgreementRow[]> {
    const day = on ?? shanghaiDate(this.clock.now());
    if (!isCalendarDate(day)) throw fieldError('on', 'on must be a calendar date YYYY-MM-DD');
    await this.organizations.get(parentId);
    return (await this.context.manager.query(
      `SELECT DISTINCT ON (tenant_id) ${AGREEMENT_COLUMNS} FROM agreements
        WHERE parent_tenant_id = $1 AND effective_from <= $2::date ORDER BY tenant_id, version DESC`,
      [parentId, day],
    )) as AgreementRow[];
  }

  /**
   * Sets the agreement in force from `effectiveFrom` (a new version; audited). The same terms from the same day
   * as the newest version answer that version again (a retried PUT adds nothing).
   */
  async put(organizationId: string, input: PutAgreementDto): Promise<AgreementRow> {
    const org = await this.organizations.get(organizationId);
    const principal = this.context.principal;
    // only the parent brand or reseller (or the platform) sets it; the organisation itself may read it, not set it
    if (!this.context.isPlatformAdmin && org.parentId !== principal.tenantId) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    const kind = agreementKindOf(org);
    if (!kind || !org.parentId) throw settlementErrors.AGREEMENT_NOT_APPLICABLE();
    if (!isCalendarDate(input.effectiveFrom)) throw fieldError('effectiveFrom', 'effectiveFrom must be a calendar date YYYY-MM-DD');
    const foreign = (kind === 'FRANCHISE' ? RESELLER_ONLY : FRANCHISE_ONLY).filter((f) => input[f] !== undefined);
    if (foreign.length > 0) {
      const errors = foreign.map((field) => ({ field, messages: [`${field} is not a term of a ${kind === 'FRANCHISE' ? 'franchise' : 'reseller'} agreement`] }));
      throw platformErrors.VALIDATION_FAILED(`Invalid fields: ${foreign.join(', ')}`, { errors });
    }
    if (kind === 'FRANCHISE' && input.commissionBasisPoints === undefined) throw fieldError('commissionBasisPoints', 'commissionBasisPoints is required for a franchise agreement');
    if (kind === 'RESELLER' && input.platformFeePerActiveDeviceMonthFen === undefined) {
      throw fieldError('platformFeePerActiveDeviceMonthFen', 'platformFeePerActiveDeviceMonthFen is required for a reseller agreement');
    }
    const m = this.context.manager;
    const terms = {
      kind,
      period: input.period ?? 'MONTHLY',
      commission_basis_points: kind === 'FRANCHISE' ? input.commissionBasisPoints! : null,
      fixed_fee_per_device_month_fen: input.fixedFeePerDeviceMonthFen ?? null,
      minimum_month_fen: input.minimumMonthFen ?? null,
      collection: kind === 'FRANCHISE' ? (input.collection ?? 'BRAND_COLLECTS') : null,
      max_profit_sharing_ratio_basis_points: kind === 'FRANCHISE' ? (input.maxProfitSharingRatioBasisPoints ?? DEFAULT_MAX_PROFIT_SHARING_RATIO_BASIS_POINTS) : null,
      channel_fee_passed_on: kind === 'FRANCHISE' ? (input.channelFeePassedOn ?? false) : null,
      platform_fee_per_active_device_month_fen: kind === 'RESELLER' ? input.platformFeePerActiveDeviceMonthFen! : null,
      fixed_month_fen: kind === 'RESELLER' ? (input.fixedMonthFen ?? null) : null,
    } as const;
    if (terms.collection === 'FRANCHISEE_COLLECTS' && terms.channel_fee_passed_on) {
      throw fieldError('channelFeePassedOn', 'channelFeePassedOn applies only to BRAND_COLLECTS: a franchisee that collects itself is the merchant of record and bears its own channel fee');
    }
    if (terms.collection === 'FRANCHISEE_COLLECTS') {
      if (terms.commission_basis_points! > terms.max_profit_sharing_ratio_basis_points!) {
        throw settlementErrors.AGREEMENT_RATIO_ABOVE_MAXIMUM(
          `commissionBasisPoints ${terms.commission_basis_points} is above the merchant’s maximum profit-sharing ratio maxProfitSharingRatioBasisPoints ${terms.max_profit_sharing_ratio_basis_points}: WeChat refuses a split above it.`,
          { errors: [{ field: 'commissionBasisPoints', messages: [`must not exceed maxProfitSharingRatioBasisPoints (${terms.max_profit_sharing_ratio_basis_points})`] }] },
        );
      }
    }
    // one writer per organisation at a time (versions are numbered without gaps)
    await m.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [org.id]);
    const [closed] = (await m.query(
      `SELECT to_char(max(period_end), 'YYYY-MM-DD') AS until FROM statements WHERE tenant_id = $1 AND status <> 'OPEN'`,
      [org.id],
    )) as { until: string | null }[];
    if (closed?.until && input.effectiveFrom <= closed.until) {
      throw settlementErrors.AGREEMENT_PERIOD_CLOSED(`effectiveFrom ${input.effectiveFrom} falls in or before a closed statement period (closed up to ${closed.until}).`, {
        errors: [{ field: 'effectiveFrom', messages: [`must be after ${closed.until}, the end of the last closed statement period`] }],
      });
    }
    if (kind === 'FRANCHISE') await this.refuseCollectionSwitchMidPeriod(org.id, input.effectiveFrom, terms.collection!, terms.period);
    if (terms.collection === 'FRANCHISEE_COLLECTS') {
      const [own] = (await m.query(`SELECT 1 FROM merchant_accounts WHERE tenant_id = $1 LIMIT 1`, [org.id])) as unknown[];
      if (!own) {
        throw settlementErrors.AGREEMENT_NEEDS_OWN_MERCHANT_ACCOUNT(undefined, {
          errors: [{ field: 'collection', messages: ['FRANCHISEE_COLLECTS needs a Pay Score merchant account of the franchisee’s own'] }],
        });
      }
    }
    const [latest] = (await m.query(`SELECT ${AGREEMENT_COLUMNS} FROM agreements WHERE tenant_id = $1 ORDER BY version DESC LIMIT 1`, [org.id])) as AgreementRow[];
    const note = input.note ?? null;
    if (latest && latest.effective_from === input.effectiveFrom && latest.note === note && Object.entries(terms).every(([k, v]) => latest[k as keyof AgreementRow] === v)) {
      return latest;
    }
    const [row] = (await m.query(
      `INSERT INTO agreements (tenant_id, parent_tenant_id, kind, version, effective_from, period, commission_basis_points, fixed_fee_per_device_month_fen,
         minimum_month_fen, collection, max_profit_sharing_ratio_basis_points, platform_fee_per_active_device_month_fen, fixed_month_fen, note, created_by, created_at,
         channel_fee_passed_on)
       VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING ${AGREEMENT_COLUMNS}`,
      [
        org.id,
        org.parentId,
        terms.kind,
        (latest?.version ?? 0) + 1,
        input.effectiveFrom,
        terms.period,
        terms.commission_basis_points,
        terms.fixed_fee_per_device_month_fen,
        terms.minimum_month_fen,
        terms.collection,
        terms.max_profit_sharing_ratio_basis_points,
        terms.platform_fee_per_active_device_month_fen,
        terms.fixed_month_fen,
        note,
        principal.userId,
        // when it was set, on the business clock (a statement's commission true-up compares payments with it)
        this.clock.now(),
        terms.channel_fee_passed_on,
      ],
    )) as AgreementRow[];
    const dto = toAgreementDto(row!);
    await this.audit.record({
      action: 'agreement.set',
      resourceType: 'agreement',
      resourceId: row!.id,
      subjectTenantId: org.id,
      before: latest ? toAgreementDto(latest) : null,
      after: dto,
    });
    return row!;
  }

  /**
   * A version that changes `collection` (brand collects ↔ franchisee collects) is refused (422
   * AGREEMENT_COLLECTION_MID_PERIOD, naming collection and effectiveFrom) while the statement period holding the real
   * switch date has anything booked for the franchisee. The new version is in force from `effectiveFrom` on (the newest
   * version wins, franchiseSpansSql), so the real switch date is the first day from `effectiveFrom` on whose collection
   * in force now (the spans; no agreement counts as BRAND_COLLECTS, as everywhere) differs from the new one — a later
   * version the new one supersedes counts only if it is actually in force. Booked in that period (or later): a session
   * started from its first day that was not cancelled, a manual adjustment dated from it, a channel fee of a bill day from
   * it; not payouts, transfers, settlements or fees of earlier statements, nor the splits, returns, refunds or late
   * channel fees of earlier periods' orders (dated in it but belonging to the period before). A statement takes one
   * collection mode (the one in force on its last day), and what was booked before the switch was booked under the other
   * one, so a period must be under one mode from its first booking to its close. Switching from the first day of a
   * period with nothing booked yet (the next period) is always allowed.
   */
  private async refuseCollectionSwitchMidPeriod(organizationId: string, effectiveFrom: string, collection: Collection, period: AgreementPeriod): Promise<void> {
    const m = this.context.manager;
    const spans = (await m.query(
      `SELECT coalesce(collection, 'BRAND_COLLECTS') AS collection, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(superseded_from, 'YYYY-MM-DD') AS superseded_from
         FROM (${franchiseSpansSql('a.tenant_id = $1')}) f ORDER BY valid_from`,
      [organizationId],
    )) as { collection: Collection; valid_from: string; superseded_from: string | null }[];
    const inForce = (day: string): Collection => spans.find((v) => v.valid_from <= day && (v.superseded_from === null || day < v.superseded_from))?.collection ?? 'BRAND_COLLECTS';
    const switchOn = [effectiveFrom, ...spans.map((v) => v.valid_from).filter((d) => d > effectiveFrom)].find((day) => inForce(day) !== collection);
    if (switchOn === undefined) return;
    const was = inForce(switchOn);
    // the period holding the switch: an existing statement's, else the calendar period after the last statement
    const [span] = (await m.query(
      `SELECT (SELECT to_char(period_start, 'YYYY-MM-DD') FROM statements WHERE tenant_id = $1 AND period_start <= $2::date AND period_end >= $2::date LIMIT 1) AS holding,
              (SELECT to_char(period_end, 'YYYY-MM-DD') FROM statements WHERE tenant_id = $1 AND period_start <= $2::date AND period_end >= $2::date LIMIT 1) AS holding_end,
              (SELECT to_char(max(period_end), 'YYYY-MM-DD') FROM statements WHERE tenant_id = $1 AND period_end < $2::date) AS last_end`,
      [organizationId, switchOn],
    )) as { holding: string | null; holding_end: string | null; last_end: string | null }[];
    const calendar = periodOf(switchOn, period);
    const afterLast = span?.last_end ? addDays(span.last_end, 1) : null;
    const start = span?.holding ?? (afterLast && afterLast > calendar.start ? afterLast : calendar.start);
    const nextStart = addDays(span?.holding_end ?? calendar.end, 1);
    const [booked] = (await m.query(
      `SELECT (SELECT count(*)::int FROM service_sessions WHERE tenant_id = $1 AND created_at >= $3 AND state <> 'CANCELLED')
            + (SELECT count(*)::int FROM ledger_entries WHERE tenant_id = $1 AND source_kind = 'ADJUSTMENT' AND effective_date >= $2::date)
            + (SELECT count(*)::int FROM ledger_entries WHERE tenant_id = $1 AND source_kind = 'CHANNEL_FEE' AND effective_date > $2::date
                 AND split_part(source_id, ':', 2) >= to_char($2::date, 'YYYY-MM-DD')) AS n`,
      [organizationId, start, shanghaiStartOf(start)],
    )) as { n: number }[];
    if ((booked?.n ?? 0) === 0) return;
    const message = `the period from ${start} (holding ${switchOn}, where ${was} would become ${collection}) already has money booked under ${was}; change collection from ${nextStart} (the next period's first day) or later`;
    throw settlementErrors.AGREEMENT_COLLECTION_MID_PERIOD(`collection ${collection} from ${effectiveFrom}: ${message}.`, {
      errors: [
        { field: 'collection', messages: [`cannot change inside a period with bookings: ${message}`] },
        { field: 'effectiveFrom', messages: [`must be the first day of a period with nothing booked yet (${nextStart} or later)`] },
      ],
    });
  }

  /**
   * A party to agreements the caller may read: the organisation itself, its brand or reseller, the platform.
   * A sibling or another tenant does not see the organisation (404); RLS on agreements does the rest.
   */
  private async visibleParty(organizationId: string): Promise<OrganizationEntity> {
    const org = await this.organizations.get(organizationId);
    if (!agreementKindOf(org)) throw settlementErrors.AGREEMENT_NOT_APPLICABLE();
    return org;
  }
}
