import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CommandSignal } from './command-signal.service.js';
import { CredentialChanges } from './credential-changes.js';
import { DeviceCommandsService } from './device-commands.service.js';
import { DEVICE_SECRET_BOX, DeviceSecretBox, resolveMasterKey } from './device-secrets.js';
import { DevicesController } from './devices.controller.js';
import { DevicesService } from './devices.service.js';
import { PayscoreServiceCheck } from './payscore-service-check.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';
import { PowerBanksController } from './power-banks.controller.js';
import { PowerBanksService } from './power-banks.service.js';
import { SessionSignals } from './session-signals.js';
import { SitesController } from './sites.controller.js';
import { SitesService } from './sites.service.js';

/** The operator's side of the fleet: sites, devices, provisioning and secrets, pricing plan versions, commands. */
@Module({
  controllers: [SitesController, DevicesController, PlansController, PowerBanksController],
  providers: [
    { provide: DEVICE_SECRET_BOX, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DeviceSecretBox(resolveMasterKey(config)) },
    CommandSignal,
    CredentialChanges,
    SitesService,
    DevicesService,
    DeviceCommandsService,
    PlansService,
    PowerBanksService,
    SessionSignals,
    PayscoreServiceCheck,
  ],
  exports: [DEVICE_SECRET_BOX, CommandSignal, CredentialChanges, SitesService, DevicesService, DeviceCommandsService, SessionSignals, PayscoreServiceCheck],
})
export class FleetModule {}
