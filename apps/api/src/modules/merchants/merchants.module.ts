import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { FleetModule } from '../fleet/fleet.module.js';
import { DevicePayscoreController, MerchantAccountsController, PayscoreServicesController } from './merchant-accounts.controller.js';
import { MerchantAccountsService } from './merchant-accounts.service.js';
import { MerchantBootService } from './merchant-boot.service.js';
import { MERCHANT_KEYRING, merchantKeyring } from './merchant-credentials.js';
import { MerchantGateway } from './merchant-gateway.service.js';

/**
 * Merchant accounts (WeChat Pay credentials, envelope-encrypted under the platform master key) and Pay
 * Score service ids with the scenario guard. Other modules use {@link MerchantGateway}.
 */
@Module({
  imports: [FleetModule],
  controllers: [MerchantAccountsController, PayscoreServicesController, DevicePayscoreController],
  providers: [
    { provide: MERCHANT_KEYRING, inject: [APP_CONFIG], useFactory: (config: AppConfig) => merchantKeyring(config) },
    MerchantGateway,
    MerchantBootService,
    MerchantAccountsService,
  ],
  exports: [MerchantGateway, MerchantBootService, MERCHANT_KEYRING],
})
export class MerchantsModule {}
