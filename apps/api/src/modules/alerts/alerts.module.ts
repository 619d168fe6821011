import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module.js';
import { AlertRulesService } from './alert-rules.service.js';
import { AlertWebhooksService } from './alert-webhooks.service.js';
import { AlertRulesController, AlertsController, AlertWebhooksController } from './alerts.controller.js';
import { AlertsEvaluator } from './alerts.evaluator.js';
import { AlertsService } from './alerts.service.js';

/**
 * Alerts (issue 13): rules per organisation, the periodic evaluation of those stored data can answer, the
 * inbox, and webhooks. Other modules raise theirs with `AlertsService.raise` (import AlertsModule) and read
 * their thresholds with `AlertRulesService.ruleFor`.
 */
@Module({
  imports: [FleetModule],
  controllers: [AlertsController, AlertRulesController, AlertWebhooksController],
  providers: [AlertRulesService, AlertsService, AlertsEvaluator, AlertWebhooksService],
  exports: [AlertsService, AlertRulesService],
})
export class AlertsModule {}
