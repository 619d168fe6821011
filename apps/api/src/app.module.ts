import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config.js';
import { AlertsModule } from './modules/alerts/alerts.module.js';
import { ConsumersModule } from './modules/consumers/consumers.module.js';
import { MerchantsModule } from './modules/merchants/merchants.module.js';
import { SessionsModule } from './modules/sessions/sessions.module.js';
import { ReconciliationModule } from './modules/reconciliation/reconciliation.module.js';
import { ComplaintsModule } from './modules/complaints/complaints.module.js';
import { IdempotencyModule } from './platform/idempotency/idempotency.module.js';
import { JobsModule } from './platform/jobs/jobs.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { DeviceApiModule } from './modules/device-api/device-api.module.js';
import { FleetModule } from './modules/fleet/fleet.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { HomeModule } from './modules/home/home.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { OverviewModule } from './modules/overview/overview.module.js';
import { SettlementModule } from './modules/settlement/settlement.module.js';
import { AccessGuard } from './platform/auth/access.guard.js';
import type { OpenDatabase } from './platform/database/database.js';
import { ProblemFilter } from './platform/errors/problem.filter.js';
import { PlatformModule } from './platform/platform.module.js';
import { TenantTransactionInterceptor } from './platform/tenancy/tenant-transaction.interceptor.js';

export const requestIdOf = (req: IncomingMessage): string => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
};

@Module({})
export class AppModule {
  static register(config: AppConfig, database: OpenDatabase, jwtSecret: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => database.dataSource.options,
          dataSourceFactory: async () => database.dataSource,
        }),
        PlatformModule.register(config, jwtSecret),
        JobsModule.register({ pollingIntervalSeconds: config.jobs.pollingIntervalSeconds }),
        IdempotencyModule,
        AuditModule,
        OrganizationsModule,
        IdentityModule,
        HealthModule,
        HomeModule.register(config),
        DemoModule,
        FleetModule,
        DeviceApiModule,
        MerchantsModule,
        ConsumersModule,
        SessionsModule,
        OverviewModule,
        AlertsModule,
        SettlementModule,
        ReconciliationModule,
        ComplaintsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
