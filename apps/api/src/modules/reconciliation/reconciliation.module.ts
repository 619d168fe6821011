import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { SettlementModule } from '../settlement/settlement.module.js';
import { ReconciliationController } from './reconciliation.controller.js';
import { ReconciliationJobs } from './reconciliation.jobs.js';
import { ReconciliationService } from './reconciliation.service.js';

/** Reconciliation with WeChat Pay's bills (issue 13): runs, stored bills, differences, the day's channel fee. */
@Module({
  imports: [MerchantsModule, SettlementModule, AlertsModule],
  controllers: [ReconciliationController],
  providers: [ReconciliationService, ReconciliationJobs],
  exports: [ReconciliationService, ReconciliationJobs],
})
export class ReconciliationModule {}
