import { Module } from '@nestjs/common';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { ConsumerLoginService } from './consumer-login.service.js';
import { ConsumersController } from './consumers.controller.js';
import { EndUsersService } from './end-users.service.js';
import { WechatSessionClient } from './wechat-session.client.js';

/**
 * End users: mini-program login (wx.login code → consumer token), the `@ConsumerAuth()` routes, and the
 * per-merchant end_users rows ({@link EndUsersService}, used when a session starts).
 */
@Module({
  imports: [MerchantsModule],
  controllers: [ConsumersController],
  providers: [ConsumerLoginService, WechatSessionClient, EndUsersService],
  exports: [EndUsersService],
})
export class ConsumersModule {}
