import type { EntityManager } from 'typeorm';
import { ALERT_KIND_SPECS } from '../alerts/alert-kinds.js';
import { effectiveRulesSql } from '../alerts/alert-rules.service.js';
import { accountRateSql, complaintCountsByAccountSql, legalEntityRollupSql, rateAboveThresholdSql } from '../complaints/complaint-rate.js';

/**
 * `$1` is the organisation filter (null: everything the caller may see); a row is in scope when its organisation is
 * the filter or under it (`organizations.path` holds every ancestor).
 */
export const IN_SCOPE = (column: string) => `($1::uuid IS NULL OR ${column} IN (SELECT o.id FROM organizations o WHERE $1::uuid = ANY (o.path)))`;

/**
 * Per merchant account the caller may see (row-level security decides which): the complaint rate's counts, its legal
 * entity's (the account's organisation, over the accounts the caller sees — all of them, since an organisation's data
 * is seen whole), and the COMPLAINT_RATE rule in force for that legal entity — the one the alert evaluates it against
 * (its own, a franchisee's brand's, else the default) — with the alert's own comparison. `$2..$4`: the rule's kind and
 * defaults.
 */
const COMPLAINT_RATES_SQL = `
  WITH rules AS (${effectiveRulesSql('$2', '$3', '$4')}),
  acc AS (${complaintCountsByAccountSql(IN_SCOPE)}),
  ent AS (${legalEntityRollupSql('acc')})
  SELECT acc.id, acc.name, acc.mchid, acc.tenant_id, acc.organization_name, acc.complaints, acc.paid_orders,
         ${rateAboveThresholdSql(accountRateSql('acc'), 'r.threshold')} AS above,
         ent.complaints AS entity_complaints, ent.paid_orders AS entity_paid_orders, ${rateAboveThresholdSql('ent.rate', 'r.threshold')} AS entity_above,
         r.enabled AS alert_enabled, r.threshold
    FROM acc JOIN ent ON ent.tenant_id = acc.tenant_id JOIN rules r ON r.org_id = acc.tenant_id
   ORDER BY acc.created_at, acc.id`;

export interface ComplaintRateRow {
  id: string;
  name: string;
  mchid: string;
  tenant_id: string;
  organization_name: string;
  complaints: number;
  paid_orders: number;
  above: boolean;
  entity_complaints: number;
  entity_paid_orders: number;
  entity_above: boolean;
  alert_enabled: boolean;
  threshold: string | number;
}

/**
 * The complaint rate of every merchant account the caller's transaction may see (under `organizationId`, or all),
 * each with its legal entity's and the COMPLAINT_RATE rule it is compared with: the overview's figures, and the one
 * source of the compliance page's (issue 14) — no second computation.
 */
export async function complaintRateRows(manager: EntityManager, organizationId: string | null): Promise<ComplaintRateRow[]> {
  const spec = ALERT_KIND_SPECS.COMPLAINT_RATE;
  return (await manager.query(COMPLAINT_RATES_SQL, [organizationId, spec.kind, spec.enabledByDefault, spec.threshold?.default ?? null])) as ComplaintRateRow[];
}
