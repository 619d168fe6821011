import { Module } from '@nestjs/common';
import { AcceptanceController, EvidenceController } from './acceptance.controller.js';
import { AcceptanceService } from './acceptance.service.js';
import { ApplicationPackService } from './application-pack.service.js';
import { ComplianceService } from './compliance.service.js';
import { EvidenceService } from './evidence.service.js';
import { FlowStoryboardService } from './flow-storyboard.service.js';
import { ApplicationPackController, OnboardingController } from './onboarding.controller.js';
import { OnboardingService } from './onboarding.service.js';
import { UserPagesModule } from '../user-pages/user-pages.module.js';

/**
 * Getting a merchant onto Pay Score (issue 14): the application pack (table 1.1) from the account's own data, the
 * onboarding tracker, the evidence store, the acceptance kit (2.3) and the flow storyboard (the 1.1 attachment).
 */
@Module({
  imports: [UserPagesModule],
  controllers: [ApplicationPackController, OnboardingController, EvidenceController, AcceptanceController],
  providers: [ApplicationPackService, OnboardingService, ComplianceService, EvidenceService, AcceptanceService, FlowStoryboardService],
})
export class OnboardingModule {}
