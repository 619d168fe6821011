import { type DynamicModule, Module } from '@nestjs/common';
import { JOBS_OPTIONS, type JobsOptions, JobsService } from './jobs.service.js';

/**
 * Durable jobs for every module (global). Needs TypeORM's DataSource and the PlatformModule's
 * RequestContext. JobsService starts at application bootstrap — after every module's onModuleInit,
 * where workers are registered — and stops gracefully when the application closes.
 */
@Module({})
export class JobsModule {
  static register(options: JobsOptions = {}): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      providers: [{ provide: JOBS_OPTIONS, useValue: options }, JobsService],
      exports: [JobsService],
    };
  }
}
