import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { consoleBuilt } from './console-static.js';
import { HomeController } from './home.controller.js';

/**
 * `GET /`: the merchant console when it is built (CONSOLE_DIR holds its index.html; served by `installConsole`
 * in console-static.ts), else a small landing page that says how to build it.
 */
@Module({})
export class HomeModule {
  static register(config: AppConfig): DynamicModule {
    return { module: HomeModule, controllers: consoleBuilt(config) ? [] : [HomeController] };
  }
}
