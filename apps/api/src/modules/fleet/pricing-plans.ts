import { validatePlan } from '@zizhu/pricing';
import type { EntityManager } from 'typeorm';
import { PricingPlanEntity, PricingPlanVersionEntity } from './fleet.entities.js';
import { fleetErrors } from './fleet.errors.js';

/** A plan's kind from its charge parts, as `zizhu_plan_type(plan)` computes it in SQL (migration 1764305000000). */
export const PLAN_TYPES = ['RENTAL', 'ITEMS', 'ENERGY', 'VOLUME', 'MIXED'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export function planType(plan: Record<string, unknown>): PlanType {
  const parts = (['rental', 'items', 'energy', 'volume'] as const).filter((part) => part in plan);
  return parts.length === 1 ? (parts[0]!.toUpperCase() as PlanType) : 'MIXED';
}

/** Checks a plan against the pricing engine's rules (contracts.md §3); every problem is listed. */
export function checkPlan(plan: unknown, field = 'plan'): Record<string, unknown> {
  const result = validatePlan(plan);
  if (!result.ok) {
    throw fleetErrors.DEVICE_PLAN_INVALID(result.error.map((p) => `${p.path ? `${field}.${p.path}` : field}: ${p.message}`).join('; '), {
      errors: result.error.map((p) => ({ field: p.path ? `${field}.${p.path}` : field, messages: [p.message] })),
    });
  }
  return plan as Record<string, unknown>;
}

/** A new plan at version 1, owned by `tenantId`; `createdBy` is the publishing user (null for the seed). */
export async function createPlan(
  manager: EntityManager,
  tenantId: string,
  name: string,
  plan: Record<string, unknown>,
  createdBy: string | null = null,
): Promise<PricingPlanEntity> {
  const created = await manager.save(Object.assign(new PricingPlanEntity(), { tenantId, name, currentVersion: 1 }));
  await manager.insert(PricingPlanVersionEntity, { planId: created.id, version: 1, tenantId, plan: plan as never, createdBy });
  return created;
}

/** Appends the next immutable version; sessions already running keep the version they started with. */
export async function appendPlanVersion(manager: EntityManager, planId: string, plan: Record<string, unknown>, createdBy: string | null = null): Promise<number> {
  const [row] = (await manager.query(
    `UPDATE pricing_plans SET current_version = current_version + 1 WHERE id = $1 RETURNING tenant_id, current_version`,
    [planId],
  )) as [{ tenant_id: string; current_version: number }[], number] | { tenant_id: string; current_version: number }[];
  const updated = Array.isArray(row) ? row[0] : row;
  if (!updated) throw fleetErrors.DEVICE_PLAN_NOT_FOUND();
  await manager.insert(PricingPlanVersionEntity, { planId, version: updated.current_version, tenantId: updated.tenant_id, plan: plan as never, createdBy });
  return updated.current_version;
}

export async function currentPlan(manager: EntityManager, planId: string): Promise<{ id: string; name: string; version: number; plan: Record<string, unknown> } | null> {
  const rows = (await manager.query(
    `SELECT p.id, p.name, v.version, v.plan FROM pricing_plans p JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version WHERE p.id = $1`,
    [planId],
  )) as { id: string; name: string; version: number; plan: Record<string, unknown> }[];
  return rows[0] ?? null;
}
