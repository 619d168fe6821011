import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module.js';
import { CommandDelivery } from './command-delivery.service.js';
import { DeviceApiController } from './device-api.controller.js';
import { DeviceAuthenticator } from './device-authenticator.service.js';
import { DeviceEventsService } from './device-events.service.js';
import { DeviceSignatureGuard } from './device-signature.guard.js';
import { FleetSweeper } from './fleet-sweeper.service.js';
import { HeartbeatBuffer } from './heartbeat-buffer.service.js';

/** What devices call: signed heartbeats, command long polls and acknowledgements, events. */
@Module({
  imports: [FleetModule],
  controllers: [DeviceApiController],
  providers: [DeviceAuthenticator, DeviceSignatureGuard, HeartbeatBuffer, CommandDelivery, DeviceEventsService, FleetSweeper],
  exports: [HeartbeatBuffer, FleetSweeper, DeviceAuthenticator, CommandDelivery],
})
export class DeviceApiModule {}
