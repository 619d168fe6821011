import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Public } from '../../platform/auth/access-policy.js';
import { landingPage } from './landing-page.js';

/**
 * The landing page at `/` (HTML for people, so not part of the OpenAPI document) while the merchant console
 * is not built; once it is, HomeModule leaves `/` to the console (console-static.ts).
 */
@ApiExcludeController()
@Controller()
@Public()
export class HomeController {
  private readonly page: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.page = landingPage(config);
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  home(): string {
    return this.page;
  }
}
