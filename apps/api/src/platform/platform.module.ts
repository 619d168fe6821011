import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccessAdmission } from './auth/access-admission.js';
import { ApiKeyVerifier } from './auth/api-key.verifier.js';
import { JWT_SECRET, TokenService } from './auth/token.service.js';
import { Clock, SystemClock } from './clock/clock.js';
import { Transactions } from './database/transactions.js';
import { RequestContext } from './tenancy/request-context.js';
import { TenantReads } from './tenancy/tenant-reads.js';

/** Cross-cutting infrastructure every module may inject. */
@Global()
@Module({})
export class PlatformModule {
  static register(config: AppConfig, jwtSecret: string, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JWT_SECRET, useValue: jwtSecret },
        { provide: Clock, useValue: clock },
        RequestContext,
        Transactions,
        TenantReads,
        TokenService,
        ApiKeyVerifier,
        AccessAdmission,
      ],
      exports: [APP_CONFIG, Clock, RequestContext, Transactions, TenantReads, TokenService, ApiKeyVerifier, AccessAdmission],
    };
  }
}
