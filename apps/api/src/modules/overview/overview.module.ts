import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { OverviewController } from './overview.controller.js';
import { OverviewService } from './overview.service.js';

@Module({ imports: [OrganizationsModule], controllers: [OverviewController], providers: [OverviewService] })
export class OverviewModule {}
