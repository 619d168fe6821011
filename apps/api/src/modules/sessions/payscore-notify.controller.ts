import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { PayscoreNotifications } from './payscore-notifications.service.js';

/** WeChat Pay calls this (the notify_url of every order and refund of the account). */
@ApiTags('payscore')
@Controller('v1/payscore/notify')
@Public()
export class PayscoreNotifyController {
  constructor(private readonly notifications: PayscoreNotifications) {}

  @Post(':accountId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Verified and stored (or a duplicate); applied right after the answer.' })
  async notify(@UuidParam('accountId') accountId: string, @Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<void> {
    await this.notifications.receive(accountId, request.headers, request.rawBody);
  }
}
