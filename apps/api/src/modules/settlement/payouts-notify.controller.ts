import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { PayoutTransfers } from './payouts.jobs.js';
import { payoutNotifyErrors } from './settlement.errors.js';

/** WeChat Pay calls this: the notify_url of every merchant transfer of the account. */
@ApiTags('settlement')
@Controller('v1/payouts/transfer-notify')
@Public()
export class PayoutsNotifyController {
  constructor(private readonly transfers: PayoutTransfers) {}

  @Post(':accountId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Receive a WeChat merchant-transfer callback',
    description:
      'The `notify_url` of the payout transfers of merchant account `accountId` (`MCHTRANSFER.BILL.FINISHED`). The signature is verified on the raw body with the account’s ' +
      'platform keys before the resource is decrypted with its APIv3 key; the final state is then applied to the payout once (a repeat changes nothing). A rejected callback is ' +
      'answered 4xx so WeChat sends it again. Public: the signature is the authentication.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, payoutNotifyErrors.PAYOUT_NOTIFY_REJECTED, payoutNotifyErrors.PAYOUT_NOTIFY_UNKNOWN_ACCOUNT)
  @ApiNoContentResponse({ description: 'Verified and applied (or not a bill of ours).' })
  async notify(@UuidParam('accountId') accountId: string, @Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<void> {
    await this.transfers.receive(accountId, request.headers, request.rawBody);
  }
}
