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
];
