import { Module } from '@nestjs/common';
import { ConsumersModule } from '../consumers/consumers.module.js';
import { FleetModule } from '../fleet/fleet.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { SettlementModule } from '../settlement/settlement.module.js';
import { ConsumerSessionsController } from './consumer-sessions.controller.js';
import { ConsumerSessionsService } from './consumer-sessions.service.js';
import { PayscoreNotifyController } from './payscore-notify.controller.js';
import { PayscoreNotifications } from './payscore-notifications.service.js';
import { SessionEngine } from './session-engine.service.js';
import { SessionStore } from './session-store.js';
import { SessionWatch } from './session-watch.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

/** Service sessions charged through Pay Score: the core loop (scan → confirm → use → price → complete → paid). */
@Module({
  imports: [FleetModule, MerchantsModule, ConsumersModule, SettlementModule],
  controllers: [ConsumerSessionsController, SessionsController, PayscoreNotifyController],
  providers: [SessionStore, SessionWatch, SessionEngine, ConsumerSessionsService, SessionsService, PayscoreNotifications],
  exports: [SessionsService],
})
export class SessionsModule {}
