import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { ALERT_KIND_SPECS } from './alert-kinds.js';
import { AlertRulesService, type EffectiveRule } from './alert-rules.service.js';
import { AlertWebhooksService } from './alert-webhooks.service.js';
import { alertErrors } from './alerts.errors.js';
import { AlertsService } from './alerts.service.js';
import {
  AlertDto,
  AlertListQueryDto,
  AlertPageDto,
  AlertRuleDto,
  AlertRulesDto,
  DeliveryPageDto,
  DeliveryQueryDto,
  PutWebhookDto,
  UnreadCountDto,
  UpdateAlertRulesDto,
  WebhookDto,
  WebhookSettingsDto,
  WebhookTestResultDto,
} from './dto/alerts.dto.js';

const ADMINS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

const toRuleDto = (r: EffectiveRule): AlertRuleDto => {
  const spec = ALERT_KIND_SPECS[r.kind];
  return {
    kind: r.kind,
    category: spec.category,
    enabled: r.enabled,
    threshold: r.threshold,
    unit: spec.threshold?.unit ?? null,
    min: spec.threshold?.min ?? null,
    max: spec.threshold?.max ?? null,
    defaultThreshold: spec.threshold?.default ?? null,
    source: r.source,
    evaluated: spec.evaluated,
  };
};

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
@TenantScoped()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary: 'The alert inbox',
    description:
      'Alerts about what the caller may see, newest first: a franchisee its own devices and orders, a franchise brand all of its franchisees’, ' +
      'a hardware reseller its customers’ device-health (FLEET) alerts only, never their money. Filters: `state`, `kind`, `unread` (for the calling login).',
  })
  @ApiOkResponse({ type: AlertPageDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  list(@Query() query: AlertListQueryDto): Promise<AlertPageDto> {
    return this.alerts.list({ ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 }) as Promise<AlertPageDto>;
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many alerts the calling login has not read', description: 'The console’s badge.' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiErrors()
  async unreadCount(): Promise<UnreadCountDto> {
    return { unread: await this.alerts.unreadCount() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert', description: 'Another tenant’s alert answers 404.' })
  @ApiOkResponse({ type: AlertDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, alertErrors.ALERT_NOT_FOUND)
  get(@UuidParam() id: string): Promise<AlertDto> {
    return this.alerts.get(id) as Promise<AlertDto>;
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an alert read', description: 'For the calling login only (idempotent).' })
  @ApiOkResponse({ type: AlertDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, alertErrors.ALERT_NOT_FOUND)
  read(@UuidParam() id: string): Promise<AlertDto> {
    return this.alerts.markRead(id) as Promise<AlertDto>;
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @TenantScoped(...ADMINS)
  @ApiOperation({ summary: 'Acknowledge an alert', description: 'OPEN → ACKNOWLEDGED for everyone who sees it (someone is on it), and read for the caller. A resolved alert stays RESOLVED.' })
  @ApiOkResponse({ type: AlertDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, alertErrors.ALERT_NOT_FOUND)
  acknowledge(@UuidParam() id: string): Promise<AlertDto> {
    return this.alerts.acknowledge(id) as Promise<AlertDto>;
  }
}

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alert-rules')
@TenantScoped()
export class AlertRulesController {
  constructor(
    private readonly rules: AlertRulesService,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The alert rules in force for the caller’s organisation',
    description:
      'Each rule with its parameter and where it comes from: the organisation’s own setting (`OWN`); for a franchisee without one, its brand’s (`BRAND`); else the default (`DEFAULT`).',
  })
  @ApiOkResponse({ type: AlertRulesDto })
  @ApiErrors()
  async get(): Promise<AlertRulesDto> {
    return { organizationId: this.context.tenantId, rules: (await this.rules.effective()).map(toRuleDto) };
  }

  @Put()
  @TenantScoped(...ADMINS)
  @ApiOperation({
    summary: 'Change the caller’s alert rules',
    description:
      'Sets the listed rules for the caller’s organisation (a brand’s apply to its franchisees that have none of their own); `reset` drops one. ' +
      'A threshold outside the rule’s bounds is refused naming `rules.<i>.threshold`. Audited.',
  })
  @ApiOkResponse({ type: AlertRulesDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  async put(@Body() body: UpdateAlertRulesDto): Promise<AlertRulesDto> {
    return { organizationId: this.context.tenantId, rules: (await this.rules.update(body.rules)).map(toRuleDto) };
  }
}

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alert-webhooks')
@TenantScoped(...ADMINS)
export class AlertWebhooksController {
  constructor(private readonly webhooks: AlertWebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s alert webhook', description: 'Null when none is set. The secret is never shown again.' })
  @ApiOkResponse({ type: WebhookSettingsDto })
  @ApiErrors()
  async get(): Promise<WebhookSettingsDto> {
    return { webhook: await this.webhooks.get() };
  }

  @Put()
  @ApiOperation({
    summary: 'Set the caller’s alert webhook',
    description:
      'One per organisation. `JSON`: our payload `{"event","deliveryId","alert"}` with headers `X-Zizhu-Timestamp` (unix seconds), ' +
      '`X-Zizhu-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))` and `X-Zizhu-Delivery` (the same for every retry of a delivery: deduplicate on it). ' +
      '`WECOM`: a 企业微信 group robot’s markdown message (`{"msgtype":"markdown","markdown":{"content":…}}`) to the robot’s URL. ' +
      'The answer that creates the webhook, or rotates its secret (`rotateSecret`), shows the secret once. Only http(s); in production no loopback or private address. Audited.',
  })
  @ApiOkResponse({ type: WebhookDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  put(@Body() body: PutWebhookDto): Promise<WebhookDto> {
    return this.webhooks.put(body);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the caller’s alert webhook', description: 'Its pending deliveries are dropped. Audited.' })
  @ApiNoContentResponse()
  @ApiErrors(alertErrors.ALERT_WEBHOOK_NOT_FOUND)
  remove(): Promise<void> {
    return this.webhooks.remove();
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test alert to the caller’s webhook', description: 'A sample DEVICE_OFFLINE alert (JSON event `test`), sent now; answers what the receiver said. Not retried, not logged.' })
  @ApiOkResponse({ type: WebhookTestResultDto })
  @ApiErrors(alertErrors.ALERT_WEBHOOK_NOT_FOUND)
  test(): Promise<WebhookTestResultDto> {
    return this.webhooks.test();
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'The delivery log of the caller’s webhook', description: 'One row per alert sent (or being sent), newest first, with attempts and the last answer.' })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  deliveries(@Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.webhooks.deliveries({ limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }
}
