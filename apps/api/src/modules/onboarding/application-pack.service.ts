import { Injectable } from '@nestjs/common';
import { describePlan, type PayscoreScenario, type PricingPlan } from '@zizhu/pricing';
import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { rowsOf } from '../merchants/merchant-store.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import {
  AMOUNT_RANGES,
  attachmentsChecklist,
  businessSummary,
  DEFAULT_EXPECTED_CHANNEL,
  DEFAULT_SYSTEM_SOFTWARE,
  districtOf,
  largestRemainderPercents,
  operatingModelOf,
  type OperatingModelCode,
  type OrganizationKind,
} from './application-pack-math.js';
import { ACCOUNT_DEVICES_SQL } from './account-devices.js';
import type { ApplicationPackDto, ApplicationPackSettingsDto, PackCityDto, PackSiteDto, PutApplicationPackSettingsDto } from './dto/application-pack.dto.js';
import { onboardingErrors } from './onboarding.errors.js';

const ZONE = 'Asia/Shanghai';
const ADMIN_ROLES = new Set(['OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN']);
/** Beside 主体名称 while the organisation has no legal name: the pack shows its display name, which WeChat may not accept. */
export const SUBJECT_NAME_FALLBACK_NOTE = '未填写主体名称（营业执照上的名称），暂用组织显示名称；请在「组织与用户」中编辑该组织、填写主体名称后再发送申请表。';

export interface PackAccountRow {
  id: string;
  tenant_id: string;
  mchid: string;
  org_name: string;
  org_legal_name: string | null;
  org_kind: OrganizationKind;
  org_model: OperatingModelCode | null;
  org_parent_id: string | null;
  pack_system_software: string | null;
  pack_expected_daily_orders: number | null;
  pack_expected_channel: string | null;
}

/** The account and its organisation, as the pack reads them (`$1` the account id; row-level security of the caller). */
export const PACK_ACCOUNT_SQL = `SELECT a.id, a.tenant_id, a.mchid, o.name AS org_name, o.legal_name AS org_legal_name, o.kind AS org_kind, o.operating_model AS org_model, o.parent_id AS org_parent_id,
        a.pack_system_software, a.pack_expected_daily_orders, a.pack_expected_channel
   FROM merchant_accounts a JOIN organizations o ON o.id = a.tenant_id
  WHERE a.id = $1`;

/**
 * The Pay Score application pack (table 1.1 of WeChat's guide, contracts.md §10) of one merchant account: its
 * figures from one aggregate query over the account's paid sessions, the billing rules by `describePlan`, the
 * sites of its devices, and what the operator entered. Readers: the admins of the account's organisation, of its
 * franchise brand, and the platform admin; anyone else gets 404.
 */
@Injectable()
export class ApplicationPackService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  /** The account, when the caller may read its pack (§10); otherwise 404, never 403. */
  async account(id: string): Promise<PackAccountRow> {
    const [row] = rowsOf<PackAccountRow>(
      await this.manager.query(
        PACK_ACCOUNT_SQL,
        [id],
      ),
    );
    if (!row || !this.mayRead(row)) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    return row;
  }

  /** Whether the caller may read the account's pack (§10) and what is built from it (the flow storyboard). */
  mayRead(a: PackAccountRow): boolean {
    const p = this.context.principal;
    if (p.role === 'PLATFORM_ADMIN') return true;
    if (!ADMIN_ROLES.has(p.role)) return false;
    if (a.tenant_id === p.tenantId) return true;
    // a franchise brand's admin reads its franchisee's own account (franchisee-collects)
    return p.role === 'OPERATOR_ADMIN' && a.org_kind === 'FRANCHISEE' && a.org_parent_id === p.tenantId;
  }

  private settingsOf(a: PackAccountRow): ApplicationPackSettingsDto {
    return {
      systemSoftware: a.pack_system_software ?? DEFAULT_SYSTEM_SOFTWARE,
      expectedDailyOrders: a.pack_expected_daily_orders === null ? null : Number(a.pack_expected_daily_orders),
      expectedChannel: a.pack_expected_channel ?? DEFAULT_EXPECTED_CHANNEL,
    };
  }

  async settings(id: string): Promise<ApplicationPackSettingsDto> {
    return this.settingsOf(await this.account(id));
  }

  async putSettings(id: string, input: PutApplicationPackSettingsDto): Promise<ApplicationPackSettingsDto> {
    const before = await this.account(id);
    const [updated] = rowsOf<PackAccountRow>(
      await this.manager.query(
        `UPDATE merchant_accounts SET pack_system_software = $2, pack_expected_daily_orders = $3, pack_expected_channel = $4, updated_at = now()
          WHERE id = $1 RETURNING pack_system_software, pack_expected_daily_orders, pack_expected_channel`,
        [id, input.systemSoftware ?? null, input.expectedDailyOrders ?? null, input.expectedChannel ?? null],
      ),
    );
    if (!updated) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    const after = this.settingsOf({ ...before, ...updated });
    await this.audit.record({
      action: 'merchant-account.application-pack.set',
      resourceType: 'merchant_account',
      resourceId: id,
      subjectTenantId: before.tenant_id,
      before: this.settingsOf(before),
      after,
    });
    return after;
  }

  async pack(id: string, days: number, minSessions: number): Promise<ApplicationPackDto> {
    const a = await this.account(id);
    // one aggregate over the account's sessions paid > 0 fen on the last `days` Shanghai calendar days, by the amount paid
    const [figures] = rowsOf<{ sessions: number; total_fen: string; daily: string; average: string | null; r0: number; r1: number; r2: number; r3: number; from_day: string; to_day: string }>(
      await this.manager.query(
        `WITH win AS (
           SELECT (now() AT TIME ZONE '${ZONE}')::date AS today
         ), paid AS (
           SELECT s.paid_fen FROM service_sessions s, win
            WHERE s.merchant_account_id = $1 AND s.paid_fen > 0 AND s.paid_at IS NOT NULL
              AND (s.paid_at AT TIME ZONE '${ZONE}')::date BETWEEN win.today - ($2::int - 1) AND win.today
         )
         SELECT count(*)::int AS sessions,
                coalesce(sum(paid_fen), 0)::bigint::text AS total_fen,
                round(count(*)::numeric / $2::int, 1)::text AS daily,
                round(sum(paid_fen)::numeric / nullif(count(*), 0))::text AS average,
                count(*) FILTER (WHERE paid_fen <= 1000)::int AS r0,
                count(*) FILTER (WHERE paid_fen > 1000 AND paid_fen <= 5000)::int AS r1,
                count(*) FILTER (WHERE paid_fen > 5000 AND paid_fen <= 9900)::int AS r2,
                count(*) FILTER (WHERE paid_fen > 9900)::int AS r3,
                to_char((SELECT today FROM win) - ($2::int - 1), 'YYYY-MM-DD') AS from_day,
                to_char((SELECT today FROM win), 'YYYY-MM-DD') AS to_day
           FROM paid`,
        [id, days],
      ),
    );
    const sessions = Number(figures?.sessions ?? 0);
    if (!figures || sessions < minSessions) {
      throw onboardingErrors.APPLICATION_PACK_TOO_FEW_SESSIONS(
        `${sessions} paid session(s) in the last ${days} day(s); the pack needs at least minSessions = ${minSessions}. Widen days or wait for more orders.`,
        { errors: [{ field: 'minSessions', messages: [`only ${sessions} paid session(s) in the window, fewer than ${minSessions}`] }] },
      );
    }
    const counts = [figures.r0, figures.r1, figures.r2, figures.r3].map(Number);
    const percents = largestRemainderPercents(counts);
    const amountDistribution = AMOUNT_RANGES.map((range, i) => ({ range, count: counts[i]!, percent: percents[i]! }));

    const services = rowsOf<{ scenario: PayscoreScenario }>(
      await this.manager.query(`SELECT DISTINCT scenario FROM payscore_services WHERE merchant_account_id = $1 AND disabled_at IS NULL ORDER BY scenario`, [id]),
    );
    const scenarios = services.map((s) => s.scenario);
    // the current version of each distinct plan on the (unrevoked) devices that charge through the account (account-devices.ts)
    const plans = rowsOf<{ plan: PricingPlan | string }>(
      await this.manager.query(
        `SELECT DISTINCT v.plan::text AS plan
           FROM (${ACCOUNT_DEVICES_SQL}) d
           JOIN pricing_plans p ON p.id = d.plan_id
           JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
          ORDER BY 1`,
        [id, this.clock.now()],
      ),
    );
    const billingRules = [...new Set(plans.map((r) => describePlan(typeof r.plan === 'string' ? (JSON.parse(r.plan) as PricingPlan) : r.plan)))];
    const siteRows = rowsOf<{ city: string; address: string; place: string; devices: number }>(
      await this.manager.query(
        `SELECT st.city, st.address, st.name AS place, count(DISTINCT d.id)::int AS devices
           FROM (${ACCOUNT_DEVICES_SQL}) d
           JOIN sites st ON st.id = d.site_id
          GROUP BY st.id, st.city, st.address, st.name
          ORDER BY st.city, st.name, st.id`,
        [id, this.clock.now()],
      ),
    );
    const sites: PackSiteDto[] = siteRows.map((s) => ({ city: s.city, district: districtOf(s.address), address: s.address, place: s.place, devices: Number(s.devices) }));
    const byCity = new Map<string, PackCityDto>();
    for (const s of sites) {
      const c = byCity.get(s.city) ?? { city: s.city, sites: 0, devices: 0 };
      c.sites += 1;
      c.devices += s.devices;
      byCity.set(s.city, c);
    }
    const [open] = rowsOf<{ n: number }>(await this.manager.query(`SELECT count(*)::int AS n FROM complaints WHERE merchant_account_id = $1 AND state <> 'PROCESSED'`, [id]));
    const settings = this.settingsOf(a);
    const warnings = counts[3]! > 0 ? [`${counts[3]} 笔订单超过 99 元（微信支付分常见单笔上限），请核对风险金额与计费规则`] : [];
    return {
      merchantAccountId: a.id,
      organizationId: a.tenant_id,
      subjectName: a.org_legal_name ?? a.org_name,
      subjectNameSource: a.org_legal_name === null ? 'DISPLAY_NAME' : 'LEGAL_NAME',
      subjectNameNote: a.org_legal_name === null ? SUBJECT_NAME_FALLBACK_NOTE : null,
      businessSummary: businessSummary(scenarios),
      mchid: a.mchid,
      systemSoftware: settings.systemSoftware,
      operatingModel: operatingModelOf(a.org_kind, a.org_model),
      days,
      from: figures.from_day,
      to: figures.to_day,
      sessions,
      dailyOrders: Number(figures.daily),
      averageTicketFen: Number(figures.average),
      expectedDailyOrders: settings.expectedDailyOrders,
      amountDistribution,
      warnings,
      billingRules,
      expectedChannel: settings.expectedChannel,
      sites,
      cities: [...byCity.values()],
      attachments: attachmentsChecklist(scenarios, Number(open?.n ?? 0), id),
    };
  }

  async packXlsx(id: string, days: number, minSessions: number): Promise<{ name: string; body: Buffer }> {
    const p = await this.pack(id, days, minSessions);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('申请表');
    sheet.addRow(['主体名称', p.subjectName, ...(p.subjectNameNote ? [p.subjectNameNote] : [])]);
    sheet.addRow(['业务简介', p.businessSummary]);
    sheet.addRow(['商户号', p.mchid]);
    sheet.addRow(['系统软件', p.systemSoftware]);
    sheet.addRow(['运营方式', p.operatingModel]);
    sheet.addRow(['统计区间', `${p.from} 至 ${p.to}（${p.days} 天，${p.sessions} 笔）`]);
    sheet.addRow(['当前日均笔数', p.dailyOrders]);
    sheet.addRow(['笔单金额（元）', p.averageTicketFen / 100]);
    sheet.addRow(['预计日均笔数', p.expectedDailyOrders ?? '']);
    for (const d of p.amountDistribution) sheet.addRow([`金额分布 ${d.range} 元`, `${d.percent}%`, d.count]);
    for (const w of p.warnings) sheet.addRow(['提示', w]);
    for (const rule of p.billingRules) sheet.addRow(['清晰计费规则', rule]);
    sheet.addRow(['期望接入渠道', p.expectedChannel]);
    for (const s of p.sites) sheet.addRow(['业务覆盖线下场景', `${s.city} ${s.district ?? ''} ${s.place}（${s.address}）`.replace(/\s+/g, ' '), s.devices]);
    for (const c of p.cities) sheet.addRow(['城市合计', `${c.city}：${c.sites} 个场地`, c.devices]);
    for (const item of p.attachments) sheet.addRow(['附件', item.title, item.rule, item.warning ?? '']);
    sheet.getColumn(1).width = 20;
    sheet.getColumn(2).width = 60;
    return { name: `application-pack-${p.mchid}-${p.to}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
  }
}
