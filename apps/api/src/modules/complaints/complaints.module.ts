import { Module, type OnModuleInit } from '@nestjs/common';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { ComplaintRegistration } from './complaint-registration.service.js';
import { ComplaintSync } from './complaint-sync.service.js';
import { ComplaintNotifyController, ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';

/** Consumer complaints 2.0 (issue 13): callbacks, detail and history linked to sessions, deadlines, actions by jobs. */
@Module({
  imports: [MerchantsModule, SessionsModule],
  controllers: [ComplaintsController, ComplaintNotifyController],
  providers: [ComplaintsService, ComplaintSync, ComplaintRegistration],
  exports: [ComplaintsService],
})
export class ComplaintsModule implements OnModuleInit {
  constructor(
    private readonly sync: ComplaintSync,
    private readonly registration: ComplaintRegistration,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.registration.register();
    await this.sync.register();
  }
}
