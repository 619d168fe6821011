import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JWT_SECRET, TokenService } from './auth/token.service.js';
import { Transactions } from './database/transactions.js';
import { RequestContext } from './tenancy/request-context.js';

/** Cross-cutting infrastructure every module may inject. */
@Global()
@Module({})
export class PlatformModule {
  static register(config: AppConfig, jwtSecret: string): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JWT_SECRET, useValue: jwtSecret },
        RequestContext,
        Transactions,
        TokenService,
      ],
      exports: [APP_CONFIG, RequestContext, Transactions, TokenService],
    };
  }
}
