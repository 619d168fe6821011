import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { describePlan, type PricingPlan } from '@zizhu/pricing';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Public } from '../../platform/auth/access-policy.js';
import { Transactions } from '../../platform/database/transactions.js';
import { currentPlan } from '../fleet/pricing-plans.js';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
import { brandingFieldsOf, resolveBranding, type Branding } from './branding.js';
import { appBody, notFoundBody, page, scanBody, type ScanView } from './pages.js';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DeviceRow {
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

interface DeviceContext {
  device: DeviceRow;
  view: ScanView;
  appid: string | null;
  branding: Branding;
}

/**
 * The reference user pages at the device QR link (contracts.md §4): HTML for people, so not in the OpenAPI
 * document (like `/`). They call only the consumer API; README.md says how an operator brands them.
 */
@ApiExcludeController()
@Controller('d')
@Public()
export class UserPagesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
  ) {}

  @Get(':code')
  async scan(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const context = await this.context(code);
    if (!context) return this.notFound(reply, code);
    const { device, view, appid } = context;
    const available = appid !== null && !device.revoked_at && !(device.online === false && device.last_seen_at) && view.rule !== null;
    this.send(reply, 200, `${view.name} - ${context.branding.name}`, context.branding, scanBody(view, available));
  }

  @Get(':code/signin')
  async signIn(@Param('code') code: string, @Query('slot') slot: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const context = await this.context(code);
    if (!context || !context.appid) return this.notFound(reply, code);
    const back = new URL(`${this.config.payscore.publicBaseUrl}/d/${encodeURIComponent(context.device.code)}/signed-in`);
    const slotNo = slot !== undefined && /^[1-9][0-9]{0,2}$/.test(slot) ? slot : null;
    if (slotNo) back.searchParams.set('slot', slotNo);
    // WeChat's official-account web authorisation; the simulator answers it offline (test:<openid> codes)
    const target = new URL(`${this.authorizeOrigin()}/connect/oauth2/authorize`);
    target.searchParams.set('appid', context.appid);
    target.searchParams.set('redirect_uri', back.toString());
    target.searchParams.set('response_type', 'code');
    target.searchParams.set('scope', 'snsapi_base');
    target.searchParams.set('state', context.device.code);
    this.headers(reply, randomBytes(16).toString('base64'));
    void reply.redirect(`${target.toString()}#wechat_redirect`, 302);
  }

  @Get(':code/signed-in')
  async signedIn(@Param('code') code: string, @Query('slot') slot: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const context = await this.context(code);
    if (!context || !context.appid) return this.notFound(reply, code);
    const slotNo = slot !== undefined && /^[1-9][0-9]{0,2}$/.test(slot) ? Number(slot) : null;
    this.send(reply, 200, context.branding.name, context.branding, appBody(), this.data(context, { view: 'signed-in', slot: slotNo }));
  }

  @Get(':code/s/:sessionId')
  async session(@Param('code') code: string, @Param('sessionId') sessionId: string, @Res() reply: FastifyReply): Promise<void> {
    const context = await this.context(code);
    if (!context || !context.appid || !UUID.test(sessionId)) return this.notFound(reply, code);
    this.send(reply, 200, context.branding.name, context.branding, appBody(), this.data(context, { view: 'session', sessionId }));
  }

  /** Where the web authorisation runs: WeChat's open platform, or offline the simulator. */
  private authorizeOrigin(): string {
    return this.config.payscore.simulated ? new URL(this.config.payscore.wechatApiBaseUrl).origin : 'https://open.weixin.qq.com';
  }

  private data(context: DeviceContext, extra: Record<string, unknown>): Record<string, unknown> {
    return {
      ...extra,
      code: context.device.code,
      type: context.device.type,
      appid: context.appid,
      simulator: this.config.payscore.simulated ? this.config.payscore.apiBaseUrl : null,
      otherPaymentUrl: context.branding.otherPaymentUrl,
    };
  }

  private async context(code: string): Promise<DeviceContext | null> {
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
      if (plan) {
        try {
          rule = describePlan(plan.plan as unknown as PricingPlan, 'zh-CN');
        } catch {
          rule = null;
        }
      }
      let appid: string | null = null;
      let depositWaived = true;
      try {
        const binding = await this.merchants.resolveService(m, { tenantId: device.tenant_id, payscoreServiceId: device.payscore_service_id, type: device.type as never });
        depositWaived = binding.mode === 'DEPOSIT_WAIVED';
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
      return { device, view, appid, branding };
    });
  }

  private notFound(reply: FastifyReply, code: string): void {
    // no device, so no organisation: the environment's branding, else the built-in one
    const branding = resolveBranding({ own: null, brand: null, env: this.config.userPages, orgName: '自助服务' });
    this.send(reply, 404, '找不到设备', branding, notFoundBody(code));
  }

  private headers(reply: FastifyReply, nonce: string): void {
    void reply
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header(
        'content-security-policy',
        `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self' ${this.authorizeOrigin()}; base-uri 'none'; frame-ancestors 'none'`,
      );
  }

  private send(reply: FastifyReply, status: number, title: string, branding: Branding, body: string, data?: unknown): void {
    const nonce = randomBytes(16).toString('base64');
    this.headers(reply, nonce);
    void reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(page({ title, brand: branding.name, color: branding.color, phone: branding.servicePhone, body, nonce, ...(data === undefined ? {} : { data }) }));
  }
}
