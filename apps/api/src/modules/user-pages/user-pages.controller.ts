import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Public } from '../../platform/auth/access-policy.js';
import { resolveBranding, type Branding } from './branding.js';
import { appBody, notFoundBody, page, scanBody } from './pages.js';
import { UserPageContexts, type DeviceContext } from './user-page-contexts.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    private readonly contexts: UserPageContexts,
  ) {}

  @Get(':code')
  async scan(@Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    const context = await this.contexts.forCode(code);
    if (!context) return this.notFound(reply, code);
    const { device, view, appid } = context;
    const available = appid !== null && !device.revoked_at && !(device.online === false && device.last_seen_at) && view.rule !== null;
    this.send(reply, 200, `${view.name} - ${context.branding.name}`, context.branding, scanBody(view, available));
  }

  @Get(':code/signin')
  async signIn(@Param('code') code: string, @Query('slot') slot: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const context = await this.contexts.forCode(code);
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
    const context = await this.contexts.forCode(code);
    if (!context || !context.appid) return this.notFound(reply, code);
    const slotNo = slot !== undefined && /^[1-9][0-9]{0,2}$/.test(slot) ? Number(slot) : null;
    this.send(reply, 200, context.branding.name, context.branding, appBody(), this.data(context, { view: 'signed-in', slot: slotNo }));
  }

  @Get(':code/s/:sessionId')
  async session(@Param('code') code: string, @Param('sessionId') sessionId: string, @Res() reply: FastifyReply): Promise<void> {
    const context = await this.contexts.forCode(code);
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
