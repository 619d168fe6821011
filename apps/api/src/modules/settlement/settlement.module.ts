import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AgreementsController } from './agreements.controller.js';
import { AgreementsService } from './agreements.service.js';
import { EarningsController } from './earnings.controller.js';
import { EarningsService } from './earnings.service.js';
import { LedgerController } from './ledger.controller.js';
import { LedgerService } from './ledger.service.js';
import { PayoutsController } from './payouts.controller.js';
import { PayoutsService } from './payouts.service.js';
import { SettlementJobs } from './settlement.jobs.js';
import { StatementsController } from './statements.controller.js';
import { StatementsService } from './statements.service.js';

/** Money between brand, franchisee and reseller (issue 12): agreements, earnings, the ledger, statements. */
@Module({
  imports: [OrganizationsModule],
  controllers: [AgreementsController, EarningsController, StatementsController, PayoutsController, LedgerController],
  providers: [AgreementsService, EarningsService, LedgerService, StatementsService, PayoutsService, SettlementJobs],
  exports: [AgreementsService, LedgerService, StatementsService, SettlementJobs],
})
export class SettlementModule {}
