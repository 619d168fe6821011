import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeysController, WebhookDeliveriesController, WebhookEndpointsController } from './integrations.controller.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

/**
 * Integrators (issue 16): an organisation's API keys (verified by the platform's AccessGuard, platform/auth/api-key.verifier.ts)
 * and its business-event webhooks (an outbox written by database triggers, fanned out and delivered through the jobs).
 */
@Module({
  imports: [FleetModule],
  controllers: [ApiKeysController, WebhookEndpointsController, WebhookDeliveriesController],
  providers: [ApiKeysService, WebhookEndpointsService],
})
export class IntegrationsModule {}
