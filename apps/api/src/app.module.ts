import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config.js';
import { AlertsModule } from './modules/alerts/alerts.module.js';
import { IntegrationsModule } from './modules/integrations/integrations.module.js';
import { ConsumersModule } from './modules/consumers/consumers.module.js';
import { MerchantsModule } from './modules/merchants/merchants.module.js';
import { SessionsModule } from './modules/sessions/sessions.module.js';
import { ReconciliationModule } from './modules/reconciliation/reconciliation.module.js';
import { ComplaintsModule } from './modules/complaints/complaints.module.js';
import { SupportModule } from './modules/support/support.module.js';
import { IdempotencyModule } from './platform/idempotency/idempotency.module.js';
import { JobsModule } from './platform/jobs/jobs.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { DeviceApiModule } from './modules/device-api/device-api.module.js';
import { FleetModule } from './modules/fleet/fleet.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { HomeModule } from './modules/home/home.module.js';
import { RetentionModule } from './modules/retention/retention.module.js';
import { UserPagesModule } from './modules/user-pages/user-pages.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { OnboardingModule } from './modules/onboarding/onboarding.module.js';
import { MaintenanceModule } from './modules/maintenance/maintenance.module.js';
import { OverviewModule } from './modules/overview/overview.module.js';
import { SettlementModule } from './modules/settlement/settlement.module.js';
import { StockModule } from './modules/stock/stock.module.js';
import { AccessGuard } from './platform/auth/access.guard.js';
import type { OpenDatabase } from './platform/database/database.js';
import { ProblemFilter } from './platform/errors/problem.filter.js';
import type { Clock } from './platform/clock/clock.js';
import { MetricsModule } from './platform/observability/metrics.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { TenantTransactionInterceptor } from './platform/tenancy/tenant-transaction.interceptor.js';

export const requestIdOf = (req: IncomingMessage): string => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
};

/**
 * How long a shutdown lets running job handlers finish before failing their attempts (pg-boss retries them in
 * another process): with app.factory.ts's HTTP_DRAIN_MS, a SIGTERM ends the process well within 10 s.
 */
export const JOBS_STOP_TIMEOUT_MS = 4000;

@Module({})
export class AppModule {
  static register(config: AppConfig, database: OpenDatabase, jwtSecret: string, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => database.dataSource.options,
          dataSourceFactory: async () => database.dataSource,
        }),
        PlatformModule.register(config, jwtSecret, clock),
        JobsModule.register({ pollingIntervalSeconds: config.jobs.pollingIntervalSeconds, stopTimeoutMs: JOBS_STOP_TIMEOUT_MS }),
        IdempotencyModule,
        AuditModule,
        OrganizationsModule,
        IdentityModule,
        HealthModule,
        MetricsModule,
        HomeModule.register(config),
        DemoModule,
        FleetModule,
        DeviceApiModule,
        MerchantsModule,
        ConsumersModule,
        UserPagesModule,
        SessionsModule,
        OverviewModule,
        AlertsModule,
        SettlementModule,
        StockModule,
        ReconciliationModule,
        ComplaintsModule,
        OnboardingModule,
        MaintenanceModule,
        RetentionModule,
        SupportModule,
        IntegrationsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
