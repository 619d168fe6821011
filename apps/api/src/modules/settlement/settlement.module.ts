import { Module } from "@nestjs/common";
import { AlertsModule } from "../alerts/alerts.module.js";
import { MerchantsModule } from "../merchants/merchants.module.js";
import { OrganizationsModule } from "../organizations/organizations.module.js";
import { AdjustmentsController } from "./adjustments.controller.js";
import { AdjustmentsService } from "./adjustments.service.js";
import {
  AgreementsController,
  AgreementsInForceController,
} from "./agreements.controller.js";
import { AgreementsService } from "./agreements.service.js";
import { EarningsController } from "./earnings.controller.js";
import { EarningsService } from "./earnings.service.js";
import { LedgerController } from "./ledger.controller.js";
import { LedgerService } from "./ledger.service.js";
import { PayoutsController } from "./payouts.controller.js";
import { PayoutsService } from "./payouts.service.js";
import { PayoutPayeesController } from "./payouts-payees.controller.js";
import { PayoutsNotifyController } from "./payouts-notify.controller.js";
import { PayeeNameOpener } from "./payouts-transfer.js";
import { PayoutTransfers } from "./payouts.jobs.js";
import { ProfitSharingController } from "./profit-sharing.controller.js";
import { ProfitSharingService } from "./profit-sharing.service.js";
import { SettlementJobs } from "./settlement.jobs.js";
import { StatementsController } from "./statements.controller.js";
import { StatementsService } from "./statements.service.js";

/** Money between brand, franchisee and reseller (issue 12): agreements, earnings, the ledger, statements. */
@Module({
  imports: [OrganizationsModule, MerchantsModule, AlertsModule],
  controllers: [
    AgreementsController,
    AgreementsInForceController,
    EarningsController,
    StatementsController,
    PayoutsController,
    PayoutPayeesController,
    PayoutsNotifyController,
    LedgerController,
    ProfitSharingController,
    AdjustmentsController,
  ],
  providers: [
    AgreementsService,
    EarningsService,
    LedgerService,
    StatementsService,
    PayoutsService,
    PayoutTransfers,
    PayeeNameOpener,
    SettlementJobs,
    ProfitSharingService,
    AdjustmentsService,
  ],
  exports: [
    AgreementsService,
    LedgerService,
    StatementsService,
    SettlementJobs,
    PayoutTransfers,
    ProfitSharingService,
  ],
})
export class SettlementModule {}
