import { Inject, Injectable } from '@nestjs/common';
import { describePlan, type PayscoreScenario, type PricingPlan } from '@zizhu/pricing';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { currentPlan } from '../fleet/pricing-plans.js';
import { MerchantGateway, type ServiceBinding } from '../merchants/merchant-gateway.service.js';
import { brandingFieldsOf, resolveBranding, type Branding } from './branding.js';
import type { ScanView } from './pages.js';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

export interface DeviceRow {
  id: string;
  tenant_id: string;
  code: string;
  name: string | null;
  type: string;
  slot_count: number | null;
  plan_id: string | null;
  payscore_service_id: string | null;
  revoked_at: Date | null;
  online: boolean;
  last_seen_at: Date | null;
  org_name: string;
  own_brand_name: string | null;
  own_color: string | null;
  own_other_payment_url: string | null;
  own_service_phone: string | null;
  /** The franchise brand's branding, when the owner is a franchisee (else all null). */
  brand_brand_name: string | null;
  brand_color: string | null;
  brand_other_payment_url: string | null;
  brand_service_phone: string | null;
  has_own: boolean;
  has_brand: boolean;
}

export interface DeviceContext {
  device: DeviceRow;
  view: ScanView;
  appid: string | null;
  branding: Branding;
  /** The device's plan in force (null: none, or not one describePlan can word). */
  plan: PricingPlan | null;
  /** The Pay Score scenario of the service the device charges through (null: none resolves). */
  scenario: PayscoreScenario | null;
  /** The Pay Score service the device charges through, as the live scan resolves it (null: none resolves). */
  binding: ServiceBinding | null;
}

/**
 * What the user pages of a device show, read once per answer in a system transaction (a QR code names any device): the
 * device, its plan in plain words, the Pay Score line, the appid it signs in with, its effective branding. The live pages
 * and the flow storyboard (issue 14, the 1.1 attachment) both read it here.
 */
@Injectable()
export class UserPageContexts {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
  ) {}

  /** The device behind a QR code with what its pages show; null for an unknown or malformed code. */
  async forCode(code: string): Promise<DeviceContext | null> {
    if (!CODE.test(code)) return null;
    return this.transactions.asSystem(async (m) => {
      const [device] = (await m.query(
        `SELECT d.id, d.tenant_id, d.code, d.name, d.type, d.slot_count, d.plan_id, d.payscore_service_id, d.revoked_at, d.online, d.last_seen_at, o.name AS org_name,
                ob.brand_name AS own_brand_name, ob.color AS own_color, ob.other_payment_url AS own_other_payment_url, ob.service_phone AS own_service_phone,
                fb.brand_name AS brand_brand_name, fb.color AS brand_color, fb.other_payment_url AS brand_other_payment_url, fb.service_phone AS brand_service_phone,
                ob.tenant_id IS NOT NULL AS has_own, fb.tenant_id IS NOT NULL AS has_brand
         FROM devices d JOIN organizations o ON o.id = d.tenant_id
         LEFT JOIN organization_brandings ob ON ob.tenant_id = o.id
         LEFT JOIN organization_brandings fb ON o.kind = 'FRANCHISEE' AND fb.tenant_id = o.parent_id
         WHERE d.code = $1`,
        [code],
      )) as DeviceRow[];
      if (!device) return null;
      const plan = device.plan_id ? await currentPlan(m, device.plan_id) : null;
      let rule: string | null = null;
      let pricing: PricingPlan | null = null;
      if (plan) {
        try {
          rule = describePlan(plan.plan as unknown as PricingPlan, 'zh-CN');
          pricing = plan.plan as unknown as PricingPlan;
        } catch {
          rule = null;
        }
      }
      let appid: string | null = null;
      let depositWaived = true;
      let scenario: PayscoreScenario | null = null;
      let resolved: ServiceBinding | null = null;
      try {
        const binding = await this.merchants.resolveService(m, { tenantId: device.tenant_id, payscoreServiceId: device.payscore_service_id, type: device.type as never });
        depositWaived = binding.mode === 'DEPOSIT_WAIVED';
        scenario = binding.scenario;
        resolved = binding;
        appid = (await this.merchants.forAccount(m, binding.merchantAccountId)).appids[0] ?? null;
      } catch {
        appid = null; // no Pay Score service or merchant: the page says the device is not available
      }
      const view: ScanView = { code: device.code, name: device.name ?? device.code, type: device.type, rule, depositWaived, slots: device.type === 'POWERBANK_CABINET' ? device.slot_count : null };
      const branding = resolveBranding({
        own: device.has_own ? brandingFieldsOf({ brand_name: device.own_brand_name, color: device.own_color, other_payment_url: device.own_other_payment_url, service_phone: device.own_service_phone }) : null,
        brand: device.has_brand ? brandingFieldsOf({ brand_name: device.brand_brand_name, color: device.brand_color, other_payment_url: device.brand_other_payment_url, service_phone: device.brand_service_phone }) : null,
        env: this.config.userPages,
        orgName: device.org_name,
      });
      return { device, view, appid, branding, plan: pricing, scenario, binding: resolved };
    });
  }
}
