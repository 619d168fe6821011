import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ALERT_KIND_SPECS, ALERT_KINDS, type AlertKind, type AlertKindSpec, isAlertKind } from './alert-kinds.js';

/** Where a rule's settings come from. */
export type RuleSource = 'OWN' | 'BRAND' | 'DEFAULT';

export interface EffectiveRule {
  readonly kind: AlertKind;
  readonly enabled: boolean;
  readonly threshold: number | null;
  readonly source: RuleSource;
}

export interface RuleChange {
  readonly kind: unknown;
  readonly enabled?: unknown;
  readonly threshold?: unknown;
}

/**
 * SQL for the rule in force for every organisation, for one kind (`$kind`, with the default enabled flag and
 * threshold as the next parameters): the organisation's own rule, else — for a franchisee — its brand's,
 * else the default. Nothing else is inherited (a reseller's customer runs its own business; the platform's
 * rules are not anybody's defaults).
 */
export function effectiveRulesSql(kind: string, defaultEnabled: string, defaultThreshold: string): string {
  return `
    SELECT o.id AS org_id,
           CASE WHEN own.tenant_id IS NOT NULL THEN own.enabled WHEN par.tenant_id IS NOT NULL THEN par.enabled ELSE ${defaultEnabled}::boolean END AS enabled,
           coalesce(CASE WHEN own.tenant_id IS NOT NULL THEN own.threshold WHEN par.tenant_id IS NOT NULL THEN par.threshold END, ${defaultThreshold}::numeric) AS threshold
      FROM organizations o
      LEFT JOIN alert_rules own ON own.tenant_id = o.id AND own.kind = ${kind}
      LEFT JOIN alert_rules par ON o.kind = 'FRANCHISEE' AND par.tenant_id = o.parent_id AND par.kind = ${kind}`;
}

interface RuleRow {
  tenant_id: string;
  kind: string;
  enabled: boolean;
  threshold: string | number | null;
}

function validationError(errors: { field: string; messages: string[] }[]) {
  return platformErrors.VALIDATION_FAILED(`Invalid fields: ${errors.map((e) => e.field).join(', ')}`, { errors });
}

/** Checks one change against its kind's bounds; messages name the field (`rules.2.threshold`). */
export function validateRuleChanges(changes: readonly RuleChange[]): { field: string; messages: string[] }[] {
  const errors: { field: string; messages: string[] }[] = [];
  const seen = new Set<string>();
  changes.forEach((change, i) => {
    const at = `rules.${i}`;
    if (!isAlertKind(change.kind)) {
      errors.push({ field: `${at}.kind`, messages: [`kind must be one of ${ALERT_KINDS.join(', ')}`] });
      return;
    }
    if (seen.has(change.kind)) errors.push({ field: `${at}.kind`, messages: [`${change.kind} is listed twice`] });
    seen.add(change.kind);
    if (typeof change.enabled !== 'boolean') errors.push({ field: `${at}.enabled`, messages: ['enabled must be true or false'] });
    const spec = ALERT_KIND_SPECS[change.kind].threshold;
    const t = change.threshold;
    if (spec === null) {
      if (t !== undefined && t !== null) errors.push({ field: `${at}.threshold`, messages: [`${change.kind} takes no threshold`] });
    } else if (t !== undefined && t !== null) {
      if (typeof t !== 'number' || !Number.isFinite(t)) errors.push({ field: `${at}.threshold`, messages: ['threshold must be a number'] });
      else if (spec.integer && !Number.isInteger(t)) errors.push({ field: `${at}.threshold`, messages: [`threshold must be a whole number of ${spec.unit.toLowerCase()}`] });
      else if (t < spec.min || t > spec.max) errors.push({ field: `${at}.threshold`, messages: [`threshold must be between ${spec.min} and ${spec.max} (${spec.unit.toLowerCase()})`] });
    }
  });
  return errors;
}

/** Alert rules per organisation: defaults, a franchise brand's rules for its franchisees, an organisation's own. */
@Injectable()
export class AlertRulesService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  /** The rules in force for an organisation the current transaction may see (the caller's own by default). */
  async effective(tenantId: string = this.context.tenantId, m: EntityManager = this.context.manager): Promise<EffectiveRule[]> {
    const [org] = (await m.query(`SELECT id, kind, parent_id FROM organizations WHERE id = $1`, [tenantId])) as { id: string; kind: string; parent_id: string | null }[];
    if (!org) throw platformErrors.NOT_FOUND();
    const owners = org.kind === 'FRANCHISEE' && org.parent_id ? [org.id, org.parent_id] : [org.id];
    const rows = (await m.query(`SELECT tenant_id, kind, enabled, threshold FROM alert_rules WHERE tenant_id = ANY($1::uuid[])`, [owners])) as RuleRow[];
    return ALERT_KINDS.map((kind) => {
      const spec = ALERT_KIND_SPECS[kind];
      const own = rows.find((r) => r.kind === kind && r.tenant_id === org.id);
      const brand = rows.find((r) => r.kind === kind && r.tenant_id !== org.id);
      const row = own ?? brand;
      const threshold = spec.threshold === null ? null : row?.threshold !== null && row?.threshold !== undefined ? Number(row.threshold) : spec.threshold.default;
      return { kind, enabled: row ? row.enabled : spec.enabledByDefault, threshold, source: own ? 'OWN' : brand ? 'BRAND' : 'DEFAULT' };
    });
  }

  /** The rule in force for one organisation and kind: what `raise` checks, and what other modules read their thresholds from. */
  async ruleFor(tenantId: string, kind: AlertKind, m: EntityManager = this.context.manager): Promise<EffectiveRule> {
    const rules = await this.effective(tenantId, m);
    return rules.find((r) => r.kind === kind)!;
  }

  /** Sets the caller's own rules (kinds not listed keep theirs); `reset: true` drops an own rule so the brand's or the default applies again. Audited. */
  async update(changes: readonly (RuleChange & { reset?: unknown })[]): Promise<EffectiveRule[]> {
    const errors = validateRuleChanges(changes.map((c) => (c.reset === true ? { kind: c.kind, enabled: true } : c)));
    if (errors.length) throw validationError(errors);
    const m = this.context.manager;
    const { tenantId, userId } = this.context.principal;
    const before = await this.effective(tenantId, m);
    for (const change of changes) {
      const kind = change.kind as AlertKind;
      if (change.reset === true) {
        await m.query(`DELETE FROM alert_rules WHERE tenant_id = $1 AND kind = $2`, [tenantId, kind]);
        continue;
      }
      const spec: AlertKindSpec = ALERT_KIND_SPECS[kind];
      const current = before.find((r) => r.kind === kind)!;
      const threshold = spec.threshold === null ? null : ((change.threshold as number | null | undefined) ?? current.threshold);
      await m.query(
        `INSERT INTO alert_rules (tenant_id, kind, enabled, threshold, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (tenant_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, threshold = EXCLUDED.threshold, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [tenantId, kind, change.enabled, threshold, userId],
      );
    }
    const after = await this.effective(tenantId, m);
    await this.audit.record({ action: 'alert-rules.update', resourceType: 'alert-rules', resourceId: tenantId, subjectTenantId: null, before, after });
    return after;
  }
}
