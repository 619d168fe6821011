import { CreateTenancyRoles1764300000000 } from './1764300000000-create-tenancy-roles.js';
import { CreateOrganizations1764300001000 } from './1764300001000-create-organizations.js';
import { CreateUsersAndTokens1764300002000 } from './1764300002000-create-users-and-tokens.js';
import { CreateAuditLog1764300003000 } from './1764300003000-create-audit-log.js';
import { CreateSitesAndDevices1764301000000 } from './1764301000000-create-sites-and-devices.js';
import { CreateDeviceCommandsAndEvents1764301001000 } from './1764301001000-create-device-commands-and-events.js';
import { CreateDeviceNonces1764301002000 } from './1764301002000-create-device-nonces.js';
import { GrantJobsSchema1764302000000 } from './1764302000000-grant-jobs-schema.js';
import { CreateMerchantAccounts1764303000000 } from './1764303000000-create-merchant-accounts.js';
import { CreateEndUsers1764303001000 } from './1764303001000-create-end-users.js';
import { CreateIdempotencyKeys1764303002000 } from './1764303002000-create-idempotency-keys.js';
import { CreateServiceSessions1764303003000 } from './1764303003000-create-service-sessions.js';
import { SplitFleetWritePolicies1764304000000 } from './1764304000000-split-fleet-write-policies.js';
import { ReplaceLoginAttempts1764304100000 } from './1764304100000-replace-login-attempts.js';
import { AddUserTokenVersion1764304101000 } from './1764304101000-add-user-token-version.js';
import { AllowAbnormalRefunds1764304200000 } from './1764304200000-allow-abnormal-refunds.js';
import { DedupeNotificationsByContent1764304201000 } from './1764304201000-dedupe-notifications-by-content.js';
import { AddPlatformKeysConfirmed1764304202000 } from './1764304202000-add-platform-keys-confirmed.js';
import { CreateSessionOrderAttempts1764304400000 } from './1764304400000-create-session-order-attempts.js';
import { AddPlanAuthorsAndTypes1764305000000 } from './1764305000000-add-plan-authors-and-types.js';
import { AddSessionListIndexes1764305100000 } from './1764305100000-add-session-list-indexes.js';
import { AddDeviceListSupport1764305200000 } from './1764305200000-add-device-list-support.js';
import { AddOverviewIndexes1764305300000 } from './1764305300000-add-overview-indexes.js';
import { CreateAgreements1764306000000 } from './1764306000000-create-agreements.js';
import { CreateLedger1764306100000 } from './1764306100000-create-ledger.js';
import { CreateStatements1764306200000 } from './1764306200000-create-statements.js';
import { CreatePayouts1764306300000 } from './1764306300000-create-payouts.js';
import { CreateProfitSharingOrders1764306500000 } from './1764306500000-create-profit-sharing-orders.js';
import { CreateProfitSharingReturns1764306600000 } from './1764306600000-create-profit-sharing-returns.js';
import { AddPayoutTransfers1764306700000 } from './1764306700000-add-payout-transfers.js';
import { CreateAlerts1764307000000 } from './1764307000000-create-alerts.js';
import { CreateReconciliations1764308000000 } from './1764308000000-create-reconciliations.js';
import { CreateComplaints1764308100000 } from './1764308100000-create-complaints.js';
import { AddMerchantTransferScene1764309000000 } from './1764309000000-add-merchant-transfer-scene.js';
import { AddComplaintsEnabled1764309100000 } from './1764309100000-add-complaints-enabled.js';
import { AddComplaintMedia1764309100001 } from './1764309100001-add-complaint-media.js';
import { AddApplicationPackSettings1764310000000 } from './1764310000000-add-application-pack-settings.js';
import { CreateOnboardingSteps1764310000001 } from './1764310000001-create-onboarding-steps.js';
import { CreateScenarioRefusals1764310000002 } from './1764310000002-create-scenario-refusals.js';
import { CreateOnboardingEvidence1764320000000 } from './1764320000000-create-onboarding-evidence.js';
import { CreateOrganizationBrandings1764321000000 } from './1764321000000-create-organization-brandings.js';
import { AddRetentionDeletes1764321000001 } from './1764321000001-add-retention-deletes.js';
import { BoundDeviceNoncePurge1764324000000 } from './1764324000000-bound-device-nonce-purge.js';
import { CreatePowerBanks1764330000000 } from './1764330000000-create-power-banks.js';
import { CreateFridgeStock1764331000000 } from './1764331000000-create-fridge-stock.js';
import { AddSupportLookupIndexes1764332000000 } from './1764332000000-add-support-lookup-indexes.js';
import { CreateMaintenanceTickets1764333000000 } from './1764333000000-create-maintenance-tickets.js';
import { CreateMaintenanceSettings1764333001000 } from './1764333001000-create-maintenance-settings.js';
import { CreateIntegrations1764334000000 } from './1764334000000-create-integrations.js';
import { AddWebhookRetention1764336000000 } from './1764336000000-add-webhook-retention.js';
import { AddPowerBankSequenceGuards1764337000000 } from './1764337000000-add-power-bank-sequence-guards.js';
import { AddAuditActorApiKey1764338000000 } from './1764338000000-add-audit-actor-api-key.js';
import { RevokeWebhookEmit1764338100000 } from './1764338100000-revoke-webhook-emit.js';
import { StripApiKeyScopes1764338200000 } from './1764338200000-strip-api-key-scopes.js';
import { CascadeMaintenanceTicketsOnSale1764339000000 } from './1764339000000-cascade-maintenance-tickets-on-sale.js';
import { AddNotificationRetention1764340000000 } from './1764340000000-add-notification-retention.js';
import { AddComplaintRegistration1764341000000 } from './1764341000000-add-complaint-registration.js';
import { CreateStatementSettlements1764342000000 } from './1764342000000-create-statement-settlements.js';
import { AddChannelFeePassOn1764343000000 } from './1764343000000-add-channel-fee-pass-on.js';
import { CreateSettlementAdjustments1764344000000 } from './1764344000000-create-settlement-adjustments.js';
import { AddOrganizationLegalName1764346000000 } from './1764346000000-add-organization-legal-name.js';
import { AddSettlementPosting1764347000000 } from './1764347000000-add-settlement-posting.js';
import { AllowHeldRefunds1764347100000 } from './1764347100000-allow-held-refunds.js';

/** Registered as classes (no globs under ESM), in order. */
export const migrations = [
  CreateTenancyRoles1764300000000,
  CreateOrganizations1764300001000,
  CreateUsersAndTokens1764300002000,
  CreateAuditLog1764300003000,
  CreateSitesAndDevices1764301000000,
  CreateDeviceCommandsAndEvents1764301001000,
  CreateDeviceNonces1764301002000,
  GrantJobsSchema1764302000000,
  CreateMerchantAccounts1764303000000,
  CreateEndUsers1764303001000,
  CreateIdempotencyKeys1764303002000,
  CreateServiceSessions1764303003000,
  SplitFleetWritePolicies1764304000000,
  ReplaceLoginAttempts1764304100000,
  AddUserTokenVersion1764304101000,
  AllowAbnormalRefunds1764304200000,
  DedupeNotificationsByContent1764304201000,
  AddPlatformKeysConfirmed1764304202000,
  CreateSessionOrderAttempts1764304400000,
  AddPlanAuthorsAndTypes1764305000000,
  AddSessionListIndexes1764305100000,
  AddDeviceListSupport1764305200000,
  AddOverviewIndexes1764305300000,
  CreateAgreements1764306000000,
  CreateLedger1764306100000,
  CreateStatements1764306200000,
  CreatePayouts1764306300000,
  CreateProfitSharingOrders1764306500000,
  CreateProfitSharingReturns1764306600000,
  AddPayoutTransfers1764306700000,
  CreateAlerts1764307000000,
  CreateReconciliations1764308000000,
  CreateComplaints1764308100000,
  AddMerchantTransferScene1764309000000,
  AddComplaintsEnabled1764309100000,
  AddComplaintMedia1764309100001,
  AddApplicationPackSettings1764310000000,
  CreateOnboardingSteps1764310000001,
  CreateScenarioRefusals1764310000002,
  CreateOnboardingEvidence1764320000000,
  CreateOrganizationBrandings1764321000000,
  AddRetentionDeletes1764321000001,
  BoundDeviceNoncePurge1764324000000,
  CreatePowerBanks1764330000000,
  CreateFridgeStock1764331000000,
  AddSupportLookupIndexes1764332000000,
  CreateMaintenanceTickets1764333000000,
  CreateMaintenanceSettings1764333001000,
  CreateIntegrations1764334000000,
  AddWebhookRetention1764336000000,
  AddPowerBankSequenceGuards1764337000000,
  AddAuditActorApiKey1764338000000,
  RevokeWebhookEmit1764338100000,
  StripApiKeyScopes1764338200000,
  CascadeMaintenanceTicketsOnSale1764339000000,
  AddNotificationRetention1764340000000,
  AddComplaintRegistration1764341000000,
  CreateStatementSettlements1764342000000,
  AddChannelFeePassOn1764343000000,
  CreateSettlementAdjustments1764344000000,
  AddOrganizationLegalName1764346000000,
  AddSettlementPosting1764347000000,
  AllowHeldRefunds1764347100000,
];
