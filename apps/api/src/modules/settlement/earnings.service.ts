import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { EarningsByOrganizationDto, EarningsDto } from './dto/earnings.dto.js';
import { addDays, isCalendarDate, shanghaiStartOf } from './settlement-math.js';
import { commissionSql, franchiseSpansSql, inForceWhenStarted, subtreeSql } from './settlement-sql.js';
import { settlementErrors } from './settlement.errors.js';

/**
 * contracts.md §8, in one aggregate query: the sessions charged more than 0 fen of the organisation and those
 * under it (by the organisation that owned the device when the session started), paid in [$2, $3).
 */
const EARNINGS_SQL = `
  WITH spans AS (${franchiseSpansSql(`a.tenant_id IN ${subtreeSql('$1')}`)})
  SELECT count(*)::int AS sessions,
         coalesce(sum(s.paid_fen), 0)::bigint AS paid_fen,
         coalesce(sum(s.refunded_fen), 0)::bigint AS refunded_fen,
         coalesce(sum(${commissionSql('s.paid_fen - s.refunded_fen', 'f.commission_basis_points')}), 0)::bigint AS commission_fen
    FROM service_sessions s
    LEFT JOIN spans f ON ${inForceWhenStarted('f', 's')}
   WHERE s.paid_at >= $2 AND s.paid_at < $3 AND s.paid_fen > 0 AND s.tenant_id IN ${subtreeSql('$1')}`;

/** The §8 figures of EARNINGS_SQL grouped by the direct child of $1 each session's organisation lies under (or $1 itself). */
const EARNINGS_BY_CHILD_SQL = `
  WITH spans AS (${franchiseSpansSql(`a.tenant_id IN ${subtreeSql('$1')}`)}),
       kids AS (SELECT o.id, o.name FROM organizations o WHERE o.id = $1 OR o.parent_id = $1),
       figures AS (
         SELECT CASE WHEN o.id = $1 THEN o.id ELSE o.path[array_position(o.path, $1::uuid) + 1] END AS child,
                count(*)::int AS sessions,
                sum(s.paid_fen)::bigint AS paid_fen,
                sum(s.refunded_fen)::bigint AS refunded_fen,
                sum(${commissionSql('s.paid_fen - s.refunded_fen', 'f.commission_basis_points')})::bigint AS commission_fen
           FROM service_sessions s
           JOIN organizations o ON o.id = s.tenant_id
           LEFT JOIN spans f ON ${inForceWhenStarted('f', 's')}
          WHERE s.paid_at >= $2 AND s.paid_at < $3 AND s.paid_fen > 0 AND s.tenant_id IN ${subtreeSql('$1')}
          GROUP BY 1)
  SELECT k.id, k.name, coalesce(g.sessions, 0) AS sessions, coalesce(g.paid_fen, 0) AS paid_fen, coalesce(g.refunded_fen, 0) AS refunded_fen,
         coalesce(g.commission_fen, 0) AS commission_fen
    FROM kids k LEFT JOIN figures g ON g.child = k.id
   ORDER BY (k.id = $1) DESC, k.name, k.id`;

export const MAX_RANGE_DAYS = 366;

@Injectable()
export class EarningsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
  ) {}

  async get(organizationId: string, from: string, to: string): Promise<EarningsDto> {
    await this.assertReadable(organizationId, from, to);
    const [row] = (await this.context.manager.query(EARNINGS_SQL, [organizationId, shanghaiStartOf(from), shanghaiStartOf(addDays(to, 1))])) as {
      sessions: number;
      paid_fen: string | number;
      refunded_fen: string | number;
      commission_fen: string | number;
    }[];
    const paidFen = Number(row!.paid_fen);
    const refundedFen = Number(row!.refunded_fen);
    const commissionFen = Number(row!.commission_fen);
    const netFen = paidFen - refundedFen;
    return { organizationId, from, to, sessions: row!.sessions, paidFen, refundedFen, netFen, commissionFen, shareFen: netFen - commissionFen };
  }

  /** The same figures per direct child organisation (and the organisation itself), in one query. */
  async byOrganization(organizationId: string, from: string, to: string): Promise<EarningsByOrganizationDto> {
    await this.assertReadable(organizationId, from, to);
    const rows = (await this.context.manager.query(EARNINGS_BY_CHILD_SQL, [organizationId, shanghaiStartOf(from), shanghaiStartOf(addDays(to, 1))])) as {
      id: string;
      name: string;
      sessions: number;
      paid_fen: string | number;
      refunded_fen: string | number;
      commission_fen: string | number;
    }[];
    const items = rows.map((r) => {
      const paidFen = Number(r.paid_fen);
      const refundedFen = Number(r.refunded_fen);
      const commissionFen = Number(r.commission_fen);
      const netFen = paidFen - refundedFen;
      return { organizationId: r.id, organizationName: r.name, sessions: Number(r.sessions), paidFen, refundedFen, netFen, commissionFen, shareFen: netFen - commissionFen };
    });
    return { organizationId, from, to, items };
  }

  private async assertReadable(organizationId: string, from: string, to: string): Promise<void> {
    if (!isCalendarDate(from) || !isCalendarDate(to) || from > to || addDays(from, MAX_RANGE_DAYS - 1) < to) throw settlementErrors.EARNINGS_RANGE_INVALID();
    await this.organizations.get(organizationId);
    // the organisation itself, its franchise brand, the platform: whoever may see its data. A hardware reseller
    // sees its customers as organisations (fleet) but never their orders or money: 404 like any other stranger.
    const [visible] = (await this.context.manager.query(`SELECT zizhu_data_visible($1) AS ok`, [organizationId])) as { ok: boolean }[];
    if (!visible?.ok) throw organizationErrors.ORGANIZATION_NOT_FOUND();
  }
}
