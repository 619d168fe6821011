import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConsumerAuth } from '../../platform/auth/access-policy.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { CurrentConsumer, type ConsumerPrincipal } from '../consumers/consumer-auth.js';
import { ConsumerSessionsService } from './consumer-sessions.service.js';
import { ConsumerSessionDto, StartSessionDto } from './dto/sessions.dto.js';

/** The mini-program's side of a session (contracts.md §6). */
@ApiTags('consumer')
@ApiBearerAuth()
@Controller('v1/consumer/sessions')
@ConsumerAuth()
export class ConsumerSessionsController {
  constructor(private readonly sessions: ConsumerSessionsService) {}

  @Post()
  @ApiCreatedResponse({ type: ConsumerSessionDto, description: 'Scan: the Pay Score order is created; open businessView with wx.openBusinessView to confirm.' })
  start(@CurrentConsumer() consumer: ConsumerPrincipal, @Body() body: StartSessionDto): Promise<ConsumerSessionDto> {
    return this.sessions.start(consumer, body) as Promise<never>;
  }

  @Get(':id')
  @ApiOkResponse({ type: ConsumerSessionDto })
  get(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.get(consumer, id) as Promise<never>;
  }

  @Post(':id/confirmed')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsumerSessionDto, description: 'Back from the confirmation page: the order is queried now (fallback for the USER_CONFIRM callback).' })
  confirmed(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.confirmed(consumer, id) as Promise<never>;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsumerSessionDto, description: 'The user backed out before confirming: the order is cancelled, nothing is charged.' })
  cancel(@CurrentConsumer() consumer: ConsumerPrincipal, @UuidParam() id: string): Promise<ConsumerSessionDto> {
    return this.sessions.cancel(consumer, id) as Promise<never>;
  }
}
