import { DEVICE_TYPES } from '../fleet/fleet.entities.js';
import { scenarioOfDeviceType } from '../merchants/merchant-gateway.service.js';

/** A device type's Pay Score scenario in SQL (`d` is the device), from `scenarioOfDeviceType`: one mapping, not two. */
const SCENARIO_OF_DEVICE_SQL = `CASE d.type ${DEVICE_TYPES.map((t) => `WHEN '${t}' THEN '${scenarioOfDeviceType(t)}'`).join(' ')} END`;

/**
 * The unrevoked devices that charge through one merchant account, each with the service it charges through
 * (columns `id, code, type, site_id, plan_id, ps_id, service_id, scenario`). Parameters: `$1` the
 * merchant account id, `$2` the business clock's now (the franchise agreement in force is that Shanghai day's).
 *
 * A device charges through the service its sessions are created on (`MerchantGateway.resolveService`):
 * - a device of a franchisee whose franchise agreement in force says FRANCHISEE_COLLECTS (issue 12) charges through the
 *   first enabled service of its scenario on its own enabled, validated account — whatever `payscore_service_id` it is
 *   bound to (usually still its brand's). This repeats `MerchantGateway.franchiseeCollectsService`'s rule in SQL: keep
 *   them together;
 * - any other device charges through the service id it is bound to, a service of its merchant of record (the brand for
 *   a franchisee): a franchisee's device still bound to its own service after its agreement went back to
 *   BRAND_COLLECTS charges through nothing, and counts nowhere. Disabled services still count (the pages show them).
 * So a brand's account no longer counts the devices of a franchisee that collects itself, and that franchisee's account
 * counts them. Read under the caller's row-level security (a brand sees its franchisees' agreements, services and
 * devices; a franchisee its own).
 */
export const ACCOUNT_DEVICES_SQL = `
  SELECT d.id, d.code, d.type, d.site_id, d.plan_id, ps.id AS ps_id, ps.service_id, ps.scenario
    FROM devices d
    LEFT JOIN LATERAL (
      SELECT s.id
        FROM organizations o
        JOIN LATERAL (SELECT ag.collection FROM agreements ag
                       WHERE ag.tenant_id = o.id AND ag.kind = 'FRANCHISE'
                         AND ag.effective_from <= ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
                       ORDER BY ag.version DESC LIMIT 1) ag ON ag.collection = 'FRANCHISEE_COLLECTS'
        JOIN payscore_services s ON s.tenant_id = o.id AND s.scenario = ${SCENARIO_OF_DEVICE_SQL} AND s.disabled_at IS NULL
        JOIN merchant_accounts a ON a.id = s.merchant_account_id AND a.disabled_at IS NULL
                                AND a.validated_at IS NOT NULL AND a.platform_keys_confirmed_at IS NOT NULL
       WHERE o.id = d.tenant_id AND o.kind = 'FRANCHISEE'
       ORDER BY s.created_at, s.id LIMIT 1) own ON true
    JOIN organizations od ON od.id = d.tenant_id
    JOIN payscore_services ps ON ps.merchant_account_id = $1
                             AND CASE WHEN own.id IS NOT NULL THEN ps.id = own.id
                                      -- as resolveService: a bound service counts only on the device's merchant of record
                                      ELSE ps.service_id = d.payscore_service_id
                                           AND ps.tenant_id = CASE WHEN od.kind = 'FRANCHISEE' AND od.parent_id IS NOT NULL THEN od.parent_id ELSE d.tenant_id END END
   WHERE d.revoked_at IS NULL
     -- only devices that can charge through the account at all (its own tenant's, or bound to one of its services):
     -- the lateral lookup above then runs for those alone, not for every device the caller sees
     AND (d.tenant_id = (SELECT a.tenant_id FROM merchant_accounts a WHERE a.id = $1)
          OR d.payscore_service_id IN (SELECT s.service_id FROM payscore_services s WHERE s.merchant_account_id = $1))`;
