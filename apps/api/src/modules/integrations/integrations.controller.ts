import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { ApiKeysService } from './api-keys.service.js';
import {
  ApiKeyDto,
  ApiKeyListDto,
  CreateApiKeyDto,
  CreateEndpointDto,
  DeliveryQueryDto,
  EndpointDto,
  EndpointListDto,
  ScopesDto,
  TestResultDto,
  UpdateEndpointDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
} from './dto/integrations.dto.js';
import { integrationErrors } from './integrations.errors.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

const ADMINS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('v1/api-keys')
@TenantScoped(...ADMINS)
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: 'The organisation’s API keys', description: 'Newest first, revoked ones included; the secret is never shown again. API keys cannot call this.' })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiErrors()
  async list(): Promise<ApiKeyListDto> {
    return { items: await this.keys.list() };
  }

  @Get('scopes')
  @ApiOperation({ summary: 'The scopes the caller may give a key', description: 'Its own permission codes, without integrations.manage, users.write and organizations.create (never given to a key).' })
  @ApiOkResponse({ type: ScopesDto })
  @ApiErrors()
  async scopes(): Promise<ScopesDto> {
    return { scopes: await this.keys.grantable() };
  }

  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'For server-to-server calls of the operator API: send `Authorization: Bearer zk_live_…`. The key acts as its organisation with the creator’s role, ' +
      'limited to its scopes (a GET needs the area’s read code, other methods its write code); never sign-in, keys, webhook endpoints or platform routes. ' +
      'The answer shows the key once; only its SHA-256 is stored. Audited.',
  })
  @ApiCreatedResponse({ type: ApiKeyDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, integrationErrors.API_KEY_PLATFORM_REFUSED)
  create(@Body() body: CreateApiKeyDto): Promise<ApiKeyDto> {
    return this.keys.create(body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key', description: 'At once, in every API process (checked by the database on each call). Audited.' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiErrors(integrationErrors.API_KEY_NOT_FOUND)
  revoke(@UuidParam() id: string): Promise<ApiKeyDto> {
    return this.keys.revoke(id);
  }
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('v1/webhook-endpoints')
@TenantScoped(...ADMINS)
export class WebhookEndpointsController {
  constructor(private readonly webhooks: WebhookEndpointsService) {}

  @Get()
  @ApiOperation({ summary: 'The organisation’s business-event webhook endpoints', description: 'Each with its URL, events and whether it is enabled; the signing secret is never shown again. API keys cannot call this.' })
  @ApiOkResponse({ type: EndpointListDto })
  @ApiErrors()
  async list(): Promise<EndpointListDto> {
    return { items: await this.webhooks.list() };
  }

  @Post()
  @ApiOperation({
    summary: 'Add a webhook endpoint',
    description:
      'Events `session.paid`, `session.cancelled`, `refund.succeeded`, `complaint.created` (of the organisation and those below it; a hardware reseller never its customers’) and ' +
      '`device.online`, `device.offline` (a reseller also its customers’). Each is POSTed as `{"id","type","occurredAt","createdAt","data"}` with ' +
      '`Zizhu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`, `Zizhu-Event-Id` (the same on every retry and replay: deduplicate on it) ' +
      'and `Zizhu-Event-Type`; retried with back-off until a 2xx. The answer shows the signing secret once. Audited.',
  })
  @ApiCreatedResponse({ type: EndpointDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, integrationErrors.API_KEY_PLATFORM_REFUSED)
  create(@Body() body: CreateEndpointDto): Promise<EndpointDto> {
    return this.webhooks.create(body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook endpoint', description: 'URL, events, description, enabled; `rotateSecret` answers the new secret once. Audited.' })
  @ApiOkResponse({ type: EndpointDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, integrationErrors.WEBHOOK_ENDPOINT_NOT_FOUND)
  update(@UuidParam() id: string, @Body() body: UpdateEndpointDto): Promise<EndpointDto> {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook endpoint', description: 'With its delivery log. Audited.' })
  @ApiNoContentResponse()
  @ApiErrors(integrationErrors.WEBHOOK_ENDPOINT_NOT_FOUND)
  remove(@UuidParam() id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test event', description: 'A signed event of type `test`, sent now; answers what the receiver said. Not retried, not logged.' })
  @ApiOkResponse({ type: TestResultDto })
  @ApiErrors(integrationErrors.WEBHOOK_ENDPOINT_NOT_FOUND)
  test(@UuidParam() id: string): Promise<TestResultDto> {
    return this.webhooks.test(id);
  }
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('v1/webhook-deliveries')
@TenantScoped(...ADMINS)
export class WebhookDeliveriesController {
  constructor(private readonly webhooks: WebhookEndpointsService) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log', description: 'One row per event × endpoint, newest first, each with its attempts (status, duration, error).' })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  deliveries(@Query() query: DeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries({ ...(query.endpointId ? { endpointId: query.endpointId } : {}), limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a delivery again', description: 'The same event (same id) to the same endpoint, retried as a new delivery would be. Audited.' })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiErrors(integrationErrors.WEBHOOK_DELIVERY_NOT_FOUND)
  replay(@UuidParam() id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.replay(id);
  }
}
