import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { notifyErrors, PayscoreNotifications } from './payscore-notifications.service.js';

/** WeChat Pay calls this (the notify_url of every order and refund of the account). */
@ApiTags('payscore')
@Controller('v1/payscore/notify')
@Public()
export class PayscoreNotifyController {
  constructor(private readonly notifications: PayscoreNotifications) {}

  @Post(':accountId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Receive a WeChat Pay callback',
    description:
      'The `notify_url` of every Pay Score order and refund of the merchant account `accountId`; WeChat Pay calls it (`USER_CONFIRM`, `USER_PAID`, `REFUND.*`). ' +
      'The signature (`Wechatpay-*` headers) is verified on the raw body with the account’s platform keys before anything is decrypted; the callback is stored once ' +
      '(a repeat is answered 204 and changes nothing) and applied by a job right after the answer. An authentic event type the platform does not act on is acknowledged. ' +
      'A rejected callback is answered 4xx, so WeChat sends it again on its retry schedule. Public: the signature is the authentication.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, notifyErrors.PAYSCORE_NOTIFY_REJECTED, notifyErrors.PAYSCORE_NOTIFY_UNKNOWN_ACCOUNT)
  @ApiNoContentResponse({ description: 'Verified and stored (or a duplicate); applied right after the answer.' })
  async notify(@UuidParam('accountId') accountId: string, @Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<void> {
    await this.notifications.receive(accountId, request.headers, request.rawBody);
  }
}
