import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreatePlanDto, ListPlansQuery, PlanDetailDto, PlanDeviceDto, PlanListDto, PlanRepricingDto, PlanSummaryDto, UpdatePlanDto } from './dto/plans.dto.js';
import type { DeviceType } from './fleet.entities.js';
import { fleetErrors } from './fleet.errors.js';
import { appendPlanVersion, checkPlan, createPlan, type PlanType } from './pricing-plans.js';

const DEVICE_PAGE = 500;

interface SummaryRow {
  id: string;
  name: string;
  tenant_id: string;
  current_version: number;
  type: PlanType;
  device_count: number;
  created_at: Date;
  updated_at: Date;
  plan: Record<string, unknown>;
}

const rows = <T>(result: unknown): T[] =>
  (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];

const toSummary = (r: SummaryRow): PlanSummaryDto => ({
  id: r.id,
  name: r.name,
  organizationId: r.tenant_id,
  currentVersion: r.current_version,
  type: r.type,
  deviceCount: Number(r.device_count),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** `%` and `_` in a search are literal. */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SUMMARY_SELECT = `
  SELECT p.id, p.name, p.tenant_id, p.current_version, zizhu_plan_type(v.plan) AS type, p.created_at, v.created_at AS updated_at, v.plan,
         (SELECT count(*) FROM devices d WHERE d.plan_id = p.id) AS device_count
    FROM pricing_plans p
    JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version`;

/**
 * Pricing plans as a resource (issue 11): a plan is a name and immutable versions; devices reference the plan and
 * use its current version; a session copies the version it started with. Row-level security limits reads and
 * writes to the fleet the caller operates (`zizhu_fleet_writable`): a reseller never sees its customers' plans.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  async list(query: ListPlansQuery): Promise<PlanListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.type) add((n) => `zizhu_plan_type(v.plan) = ${n}`, query.type);
    if (query.deviceType) add((n) => `EXISTS (SELECT 1 FROM devices d WHERE d.plan_id = p.id AND d.type = ${n})`, query.deviceType);
    if (query.q) add((n) => `p.name ILIKE ${n}`, likePattern(query.q));
    if (query.organizationId) add((n) => `p.tenant_id = ${n}`, query.organizationId);
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [counted] = rows<{ total: number }>(
      await this.manager.query(
        `SELECT count(*) AS total FROM pricing_plans p JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version${filter}`,
        params,
      ),
    );
    const page = rows<SummaryRow>(
      await this.manager.query(`${SUMMARY_SELECT}${filter} ORDER BY p.created_at DESC, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        query.limit ?? 50,
        query.offset ?? 0,
      ]),
    );
    return { items: page.map(toSummary), total: Number(counted?.total ?? 0) };
  }

  private async summary(id: string, lock = false): Promise<SummaryRow> {
    // FOR UPDATE OF p: a new version and the devices it lists are decided against one current version
    const [row] = rows<SummaryRow>(await this.manager.query(`${SUMMARY_SELECT} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`, [id]));
    if (!row) throw fleetErrors.PLAN_NOT_FOUND();
    return row;
  }

  private async devices(planId: string): Promise<PlanDeviceDto[]> {
    const found = rows<{ id: string; code: string; type: DeviceType; name: string | null; site_id: string }>(
      await this.manager.query(`SELECT id, code, type, name, site_id FROM devices WHERE plan_id = $1 ORDER BY code LIMIT ${DEVICE_PAGE}`, [planId]),
    );
    return found.map((d) => ({ id: d.id, code: d.code, type: d.type, name: d.name, siteId: d.site_id }));
  }

  async detail(id: string): Promise<PlanDetailDto> {
    const row = await this.summary(id);
    const versions = rows<{ version: number; plan: Record<string, unknown>; type: PlanType; created_at: Date; created_by: string | null; display_name: string | null }>(
      await this.manager.query(
        `SELECT v.version, v.plan, zizhu_plan_type(v.plan) AS type, v.created_at, v.created_by, u.display_name
           FROM pricing_plan_versions v LEFT JOIN users u ON u.id = v.created_by
          WHERE v.plan_id = $1 ORDER BY v.version DESC`,
        [id],
      ),
    );
    return {
      ...toSummary(row),
      plan: row.plan,
      versions: versions.map((v) => ({
        version: v.version,
        plan: v.plan,
        type: v.type,
        createdAt: new Date(v.created_at).toISOString(),
        createdBy: v.created_by ? { userId: v.created_by, displayName: v.display_name } : null,
      })),
      devices: await this.devices(id),
    };
  }

  async create(input: CreatePlanDto): Promise<PlanDetailDto> {
    const plan = checkPlan(input.plan);
    const tenantId = input.organizationId ?? this.context.tenantId;
    const [writable] = rows(await this.manager.query(`SELECT 1 FROM organizations WHERE id = $1 AND zizhu_fleet_writable(id)`, [tenantId]));
    if (!writable) throw fleetErrors.PLAN_ORGANIZATION_NOT_FOUND();
    const created = await createPlan(this.manager, tenantId, input.name, plan, this.context.principal.userId);
    await this.audit.record({ action: 'plan.create', resourceType: 'pricing_plan', resourceId: created.id, subjectTenantId: tenantId, after: { name: input.name, version: 1, plan } });
    return this.detail(created.id);
  }

  /** What publishing `plan` as the next version would do: the devices it reprices. Stores nothing. */
  async preview(id: string, plan: Record<string, unknown>): Promise<PlanRepricingDto> {
    const checked = checkPlan(plan);
    const row = await this.summary(id);
    return this.repricing(row, checked);
  }

  private async repricing(row: SummaryRow, plan: Record<string, unknown>): Promise<PlanRepricingDto> {
    const [same] = rows<{ same: boolean }>(await this.manager.query(`SELECT $1::jsonb = $2::jsonb AS same`, [JSON.stringify(row.plan), JSON.stringify(plan)]));
    return {
      planId: row.id,
      currentVersion: row.current_version,
      nextVersion: row.current_version + 1,
      changed: !same?.same,
      deviceCount: Number(row.device_count),
      devices: await this.devices(row.id),
    };
  }

  async update(id: string, input: UpdatePlanDto): Promise<PlanDetailDto> {
    const plan = checkPlan(input.plan);
    const row = await this.summary(id, true);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.current_version) {
      throw fleetErrors.PLAN_VERSION_CONFLICT(
        `The plan is at version ${row.current_version}, not ${input.expectedVersion}: someone published a version since. Reload it and check the devices again.`,
      );
    }
    const repriced = await this.repricing(row, plan);
    if (input.name !== undefined && input.name !== row.name) {
      await this.manager.query(`UPDATE pricing_plans SET name = $2 WHERE id = $1`, [id, input.name]);
    }
    const version = await appendPlanVersion(this.manager, id, plan, this.context.principal.userId);
    await this.audit.record({
      action: 'plan.version.create',
      resourceType: 'pricing_plan',
      resourceId: id,
      subjectTenantId: row.tenant_id,
      before: { name: row.name, version: row.current_version, plan: row.plan },
      after: { name: input.name ?? row.name, version, plan, repricedDevices: repriced.deviceCount },
    });
    return this.detail(id);
  }
}
