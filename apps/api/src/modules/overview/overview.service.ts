import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { deviceStatusSql } from '../fleet/device-status.js';
import { COMPLAINT_RATE_FORMULA, COMPLAINT_RATE_WINDOW_DAYS, complaintRate } from '../complaints/complaint-rate.js';
import { complaintRateRows, IN_SCOPE } from './complaint-rate-rows.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { type ComplaintRateRowDto, type ComplaintRatesDto, type DeviceHealthDto, type OverviewDto, type RevenueDto, SESSION_STATES, type SessionsByStateDto } from './dto/overview.dto.js';

export const OVERVIEW_TIMEZONE = 'Asia/Shanghai';

/**
 * The overview's figures, each one aggregate query under the caller's row-level security (nothing is
 * loaded row by row). `$1` is the organisation filter (IN_SCOPE).
 *
 * Device health with the device list's own status (deviceStatusSql), so each figure and the list it links to agree. */
const DEVICES_SQL = `
  SELECT count(*) FILTER (WHERE h.revoked_at IS NULL)::int AS total,
         count(*) FILTER (WHERE h.revoked_at IS NULL AND h.status = 'ONLINE')::int AS online,
         count(*) FILTER (WHERE h.revoked_at IS NULL AND h.status = 'OFFLINE')::int AS offline,
         count(*) FILTER (WHERE h.revoked_at IS NULL AND h.status = 'FAULTED')::int AS faulted,
         count(*) FILTER (WHERE h.revoked_at IS NOT NULL)::int AS revoked
    FROM (SELECT d.revoked_at, ${deviceStatusSql('d')} AS status FROM devices d WHERE ${IN_SCOPE('d.tenant_id')}) h`;

/** Open sessions at any age, finished ones created in the last 30 days; anomalies and receivables in the same pass over the open ones. */
const SESSIONS_SQL = `
  SELECT s.state, count(*)::int AS n
    FROM service_sessions s
   WHERE s.state IN ('AWAITING_CONFIRMATION', 'STARTING', 'IN_USE', 'AWAITING_PAYMENT') AND ${IN_SCOPE('s.tenant_id')}
   GROUP BY s.state
  UNION ALL
  SELECT s.state, count(*)::int AS n
    FROM service_sessions s
   WHERE s.state IN ('PAID', 'CANCELLED') AND s.created_at >= now() - interval '30 days' AND ${IN_SCOPE('s.tenant_id')}
   GROUP BY s.state`;

const OWED_SQL = `
  SELECT (SELECT count(*)::int FROM service_sessions s WHERE s.anomaly IS NOT NULL AND ${IN_SCOPE('s.tenant_id')}) AS anomalies,
         count(*)::int AS owed_count, coalesce(sum(s.total_fen), 0)::bigint AS owed_fen
    FROM service_sessions s
   WHERE s.state = 'AWAITING_PAYMENT' AND s.order_completed_at IS NOT NULL AND ${IN_SCOPE('s.tenant_id')}`;

/** 30 Asia/Shanghai calendar days ending today: what was paid and what was refunded each day (a refund counts on the day it succeeded). */
const REVENUE_SQL = `
  WITH bounds AS (
    SELECT (now() AT TIME ZONE '${OVERVIEW_TIMEZONE}')::date AS today,
           (((now() AT TIME ZONE '${OVERVIEW_TIMEZONE}')::date - 29)::timestamp AT TIME ZONE '${OVERVIEW_TIMEZONE}') AS since
  ),
  days AS (
    SELECT d::date AS day FROM bounds, generate_series(bounds.today - 29, bounds.today, interval '1 day') AS d
  ),
  paid AS (
    SELECT (s.paid_at AT TIME ZONE '${OVERVIEW_TIMEZONE}')::date AS day, sum(s.paid_fen)::bigint AS fen
      FROM service_sessions s, bounds
     WHERE s.paid_at >= bounds.since AND s.paid_fen IS NOT NULL AND ${IN_SCOPE('s.tenant_id')}
     GROUP BY 1
  ),
  refunded AS (
    SELECT (a.finished_at AT TIME ZONE '${OVERVIEW_TIMEZONE}')::date AS day, sum(a.amount_fen)::bigint AS fen
      FROM session_actions a, bounds
     WHERE a.kind = 'REFUND' AND a.state = 'SUCCEEDED' AND a.finished_at >= bounds.since AND ${IN_SCOPE('a.tenant_id')}
     GROUP BY 1
  )
  SELECT to_char(days.day, 'YYYY-MM-DD') AS day, coalesce(paid.fen, 0)::bigint AS paid_fen, coalesce(refunded.fen, 0)::bigint AS refunded_fen
    FROM days LEFT JOIN paid USING (day) LEFT JOIN refunded USING (day)
   ORDER BY days.day`;

@Injectable()
export class OverviewService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
  ) {}

  async get(organizationId?: string): Promise<OverviewDto> {
    // the filter must be an organisation the caller may see; any other answers 404
    if (organizationId) await this.organizations.get(organizationId);
    const scope = (await this.fleetOnly()) ? 'FLEET_ONLY' : 'FULL';
    const params = [organizationId ?? null];
    const devices = await this.devices(params);
    const base = { organizationId: organizationId ?? null, generatedAt: new Date().toISOString(), timezone: OVERVIEW_TIMEZONE, devices };
    if (scope === 'FLEET_ONLY') return { scope, ...base, revenue: null, sessionsByState: null, openAnomalies: null, receivables: null, complaintRates: null };
    const m = this.context.manager;
    const states = (await m.query(SESSIONS_SQL, params)) as { state: (typeof SESSION_STATES)[number]; n: number }[];
    const sessionsByState = Object.fromEntries(SESSION_STATES.map((s) => [s, 0])) as unknown as SessionsByStateDto;
    for (const row of states) sessionsByState[row.state] = row.n;
    const [owed] = (await m.query(OWED_SQL, params)) as [{ anomalies: number; owed_count: number; owed_fen: string | number }];
    return {
      scope,
      ...base,
      revenue: await this.revenue(params),
      sessionsByState,
      openAnomalies: owed.anomalies,
      receivables: { count: owed.owed_count, owedFen: Number(owed.owed_fen) },
      complaintRates: await this.complaintRates(params),
    };
  }

  /** A hardware reseller sees its customers' fleet health, never their orders or money (they are their own merchants). */
  private async fleetOnly(): Promise<boolean> {
    if (this.context.isPlatformAdmin) return false;
    const own = await this.organizations.get(this.context.tenantId);
    return own.kind === 'OPERATOR' && own.operatingModel === 'HARDWARE_SALE';
  }

  private async devices(params: unknown[]): Promise<DeviceHealthDto> {
    const [row] = (await this.context.manager.query(DEVICES_SQL, params)) as [DeviceHealthDto];
    return { total: row.total, online: row.online, offline: row.offline, faulted: row.faulted, revoked: row.revoked };
  }

  private async complaintRates(params: unknown[]): Promise<ComplaintRatesDto> {
    const rows = await complaintRateRows(this.context.manager, (params[0] as string | null) ?? null);
    const entities = new Map<string, ComplaintRateRowDto>();
    const byMerchantAccount = rows.map((r): ComplaintRateRowDto => {
      const rule = { thresholdPercent: Number(r.threshold), alertEnabled: r.alert_enabled };
      if (!entities.has(r.tenant_id)) {
        const [complaints, paidOrders] = [r.entity_complaints, r.entity_paid_orders];
        entities.set(r.tenant_id, {
          id: r.tenant_id,
          organizationId: r.tenant_id,
          name: r.organization_name,
          mchid: null,
          complaints,
          paidOrders,
          rate: complaintRate(complaints, paidOrders),
          ...rule,
          aboveThreshold: r.entity_above,
        });
      }
      return {
        id: r.id,
        organizationId: r.tenant_id,
        name: r.name,
        mchid: r.mchid,
        complaints: r.complaints,
        paidOrders: r.paid_orders,
        rate: complaintRate(r.complaints, r.paid_orders),
        ...rule,
        aboveThreshold: r.above,
      };
    });
    return { windowDays: COMPLAINT_RATE_WINDOW_DAYS, formula: COMPLAINT_RATE_FORMULA, byMerchantAccount, byLegalEntity: [...entities.values()] };
  }

  private async revenue(params: unknown[]): Promise<RevenueDto> {
    const rows = (await this.context.manager.query(REVENUE_SQL, params)) as { day: string; paid_fen: string | number; refunded_fen: string | number }[];
    const byDay = rows.map((r) => {
      const paidFen = Number(r.paid_fen);
      const refundedFen = Number(r.refunded_fen);
      return { day: r.day, paidFen, refundedFen, netFen: paidFen - refundedFen };
    });
    const sumLast = (n: number) => byDay.slice(-n).reduce((total, d) => total + d.netFen, 0);
    return { todayFen: sumLast(1), last7DaysFen: sumLast(7), last30DaysFen: sumLast(30), byDay };
  }
}
