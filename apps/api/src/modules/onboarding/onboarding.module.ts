import { Module } from '@nestjs/common';
import { AcceptanceController, EvidenceController } from './acceptance.controller.js';
import { AcceptanceService } from './acceptance.service.js';
import { ApplicationPackService } from './application-pack.service.js';
import { ComplianceService } from './compliance.service.js';
import { EvidenceService } from './evidence.service.js';
import { ApplicationPackController, OnboardingController } from './onboarding.controller.js';
import { OnboardingService } from './onboarding.service.js';

/**
 * Getting a merchant onto Pay Score (issue 14): the application pack (table 1.1) from the account's own data, the
 * onboarding tracker, the evidence store and the acceptance kit (2.3).
 */
@Module({
  controllers: [ApplicationPackController, OnboardingController, EvidenceController, AcceptanceController],
  providers: [ApplicationPackService, OnboardingService, ComplianceService, EvidenceService, AcceptanceService],
})
export class OnboardingModule {}
