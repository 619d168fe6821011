import { Module } from '@nestjs/common';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { BrandingController } from './branding.controller.js';
import { BrandingService } from './branding.service.js';
import { UserPageContexts } from './user-page-contexts.service.js';
import { UserPagesController } from './user-pages.controller.js';

/** The reference user pages at the device QR link `/d/<code>` and their per-organisation branding (README.md). */
@Module({ imports: [MerchantsModule, OrganizationsModule], controllers: [UserPagesController, BrandingController], providers: [BrandingService, UserPageContexts], exports: [UserPageContexts] })
export class UserPagesModule {}
