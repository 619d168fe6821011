import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Public, TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { Idempotent } from '../../platform/idempotency/idempotent.decorator.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { sessionErrors } from '../sessions/sessions.errors.js';
import { COMPLAINT_IMAGE_LIMIT_BYTES, COMPLAINT_IMAGE_TYPES, type ComplaintImageRequest } from './complaint-image-body.js';
import { ComplaintSync } from './complaint-sync.service.js';
import { complaintErrors } from './complaints.errors.js';
import { ComplaintsService } from './complaints.service.js';
import {
  ComplaintDetailDto,
  ComplaintImageDto,
  ComplaintListDto,
  ComplaintMediaQueryDto,
  ComplaintNotificationUrlDto,
  ComplaintRefundDto,
  ComplaintRefundProgressDto,
  ComplaintReplyDto,
  ComplaintsQueryDto,
  PayerPhoneDto,
} from './dto/complaint.dto.js';

// a franchisee admin acts on the complaints its own merchant account received (franchisee collects); the service lets
// only the organisation that received a complaint act on it, so a brand-collected complaint stays the brand's
const MERCHANT_ADMINS = ['OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN'] as const;

/** Consumer complaints 2.0 (issue 13, contracts.md §9). */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1')
@TenantScoped()
export class ComplaintsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly complaints: ComplaintsService,
  ) {}

  @Get('complaints')
  @ApiOperation({
    summary: 'List complaints',
    description:
      'The complaints on sessions the caller may see (a franchisee: those on its own sessions, though its brand’s account received them), plus those of merchant accounts it may see that match no session; newest first. ' +
      '`replyDueAt` / `completeDueAt` are the reply and completion deadlines (24 h and 72 h after the complaint by default: COMPLAINT_REPLY_HOURS, COMPLAINT_COMPLETE_HOURS). A hardware reseller sees none of its customers’.',
  })
  @ApiOkResponse({ type: ComplaintListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  list(@Query() query: ComplaintsQueryDto): Promise<ComplaintListDto> {
    return this.complaints.list(query);
  }

  @Get('complaints/:id')
  @ApiOperation({ summary: 'A complaint', description: 'With WeChat’s negotiation history and the merchant’s actions (those only for the merchant of record). Another organisation’s: 404.' })
  @ApiOkResponse({ type: ComplaintDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, complaintErrors.COMPLAINT_NOT_FOUND)
  get(@UuidParam() id: string): Promise<ComplaintDetailDto> {
    return this.complaints.get(id);
  }

  @Get('complaints/:id/payer-phone')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({ summary: 'The payer’s phone', description: 'Decrypted with the merchant’s private key when an operator opens it, never stored in clear. The merchant of record only. Audited.' })
  @ApiOkResponse({ type: PayerPhoneDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, complaintErrors.COMPLAINT_NOT_FOUND, complaintErrors.COMPLAINT_NOT_YOURS_TO_ACT, complaintErrors.COMPLAINT_NO_PHONE)
  payerPhone(@UuidParam() id: string): Promise<PayerPhoneDto> {
    return this.complaints.payerPhone(id);
  }

  @Post('complaints/:id/images')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Upload an image for a reply or a refund rejection',
    description:
      `The request body is the image itself (Content-Type image/jpeg, image/png or image/bmp; at most ${COMPLAINT_IMAGE_LIMIT_BYTES} bytes = 2 MiB, WeChat’s limit); ` +
      'its type is read from its bytes, which must match the header. Uploaded to WeChat Pay (merchant-service/images/upload) on the complaint’s merchant account; ' +
      'answers the `mediaId` to pass in a reply’s `images`. The merchant of record only (like replying). Audited.',
  })
  @ApiConsumes(...Object.keys(COMPLAINT_IMAGE_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ComplaintImageDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    complaintErrors.COMPLAINT_NOT_FOUND,
    complaintErrors.COMPLAINT_NOT_YOURS_TO_ACT,
    complaintErrors.COMPLAINT_IMAGE_TOO_LARGE,
    complaintErrors.COMPLAINT_IMAGE_TYPE,
    complaintErrors.COMPLAINT_IMAGE_UPLOAD_FAILED,
  )
  uploadImage(@UuidParam() id: string, @Req() request: ComplaintImageRequest): Promise<ComplaintImageDto> {
    return this.complaints.uploadImage(id, request.declaredContentType, request.body);
  }

  @Get('complaints/:id/media')
  @ApiOperation({
    summary: 'One of the complaint’s images',
    description:
      'The image at `url`, which must be one of the complaint’s media URLs (its `media` or its negotiation history’s); any other URL is 404 and is never fetched. ' +
      'Fetched from WeChat Pay with a GET signed over the URL exactly as given; its Content-Type is passed through. Same readers as the complaint.',
  })
  @ApiProduces('image/jpeg', 'image/png', 'image/bmp')
  @ApiOkResponse({ description: 'The image bytes.', content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(platformErrors.VALIDATION_FAILED, complaintErrors.COMPLAINT_NOT_FOUND, complaintErrors.COMPLAINT_MEDIA_NOT_FOUND, complaintErrors.COMPLAINT_MEDIA_UNAVAILABLE)
  async media(@UuidParam() id: string, @Query() query: ComplaintMediaQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.complaints.media(id, query.url);
    void reply.header('content-type', file.contentType).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    return file.bytes;
  }

  @Post('complaints/:id/reply')
  @HttpCode(202)
  @TenantScoped(...MERCHANT_ADMINS)
  @Idempotent()
  @ApiOperation({
    summary: 'Reply to the user',
    description:
      'Queues a reply (`content`, optional uploaded image media ids) sent by a job; before each attempt the negotiation history is read, so a reply whose answer was lost is not sent twice. The merchant of record only. Audited.',
  })
  @ApiAcceptedResponse({ type: ComplaintDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, complaintErrors.COMPLAINT_NOT_FOUND, complaintErrors.COMPLAINT_NOT_YOURS_TO_ACT, complaintErrors.COMPLAINT_PROCESSED)
  reply(@UuidParam() id: string, @Body() body: ComplaintReplyDto): Promise<ComplaintDetailDto> {
    return this.complaints.reply(id, body);
  }

  @Post('complaints/:id/complete')
  @HttpCode(202)
  @TenantScoped(...MERCHANT_ADMINS)
  @Idempotent()
  @ApiOperation({ summary: 'Mark the complaint handled', description: 'Queues 反馈处理完成, sent by a job (WeChat refuses it before a reply). The merchant of record only. Audited.' })
  @ApiAcceptedResponse({ type: ComplaintDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, complaintErrors.COMPLAINT_NOT_FOUND, complaintErrors.COMPLAINT_NOT_YOURS_TO_ACT, complaintErrors.COMPLAINT_PROCESSED)
  complete(@UuidParam() id: string): Promise<ComplaintDetailDto> {
    return this.complaints.complete(id);
  }

  @Post('complaints/:id/refund-progress')
  @HttpCode(202)
  @TenantScoped(...MERCHANT_ADMINS)
  @Idempotent()
  @ApiOperation({
    summary: 'Approve or reject the user’s refund request',
    description: 'Queues 更新退款审批结果 (APPROVE, then refund with POST …/refund; or REJECT with a reason), sent by a job. The merchant of record only. Audited.',
  })
  @ApiAcceptedResponse({ type: ComplaintDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, complaintErrors.COMPLAINT_NOT_FOUND, complaintErrors.COMPLAINT_NOT_YOURS_TO_ACT, complaintErrors.COMPLAINT_PROCESSED)
  refundProgress(@UuidParam() id: string, @Body() body: ComplaintRefundProgressDto): Promise<ComplaintDetailDto> {
    return this.complaints.refundProgress(id, body);
  }

  @Post('complaints/:id/refund')
  @HttpCode(202)
  @TenantScoped(...MERCHANT_ADMINS)
  @Idempotent()
  @ApiOperation({
    summary: 'Refund the complained session',
    description: 'Refunds `amountFen` of the session the complaint is about through the normal refund path (the session’s refund job, the ledger), so WeChat marks the complaint refunded. The merchant of record only. Audited.',
  })
  @ApiAcceptedResponse({ type: ComplaintDetailDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    complaintErrors.COMPLAINT_NOT_FOUND,
    complaintErrors.COMPLAINT_NOT_YOURS_TO_ACT,
    complaintErrors.COMPLAINT_NO_SESSION,
    sessionErrors.SESSION_INVALID_STATE,
    sessionErrors.SESSION_REFUND_EXCEEDS_PAID,
  )
  refund(@UuidParam() id: string, @Body() body: ComplaintRefundDto): Promise<ComplaintDetailDto> {
    return this.complaints.refund(id, body);
  }

  @Put('merchant-accounts/:id/complaint-notification-url')
  @TenantScoped(...MERCHANT_ADMINS)
  @ApiOperation({
    summary: 'Register the complaint notification URL',
    description: 'Registers (or updates) `{publicBaseUrl}/v1/payscore/notify/{id}/complaints` with WeChat Pay as the account’s complaint notification URL. Admins of the account’s organisation. Audited.',
  })
  @ApiOkResponse({ type: ComplaintNotificationUrlDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, complaintErrors.COMPLAINT_NOTIFICATION_URL_FAILED)
  registerNotificationUrl(@UuidParam() id: string): Promise<ComplaintNotificationUrlDto> {
    return this.complaints.registerNotificationUrl(id, this.config.payscore.publicBaseUrl);
  }
}

/** WeChat Pay calls this: the complaint notification URL of a merchant account. */
@ApiTags('complaints')
@Controller('v1/payscore/notify')
@Public()
export class ComplaintNotifyController {
  constructor(private readonly sync: ComplaintSync) {}

  @Post(':accountId/complaints')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Receive a WeChat Pay complaint callback',
    description:
      'COMPLAINT.CREATE / COMPLAINT.STATE_CHANGE for merchant account `accountId`. The signature is verified on the raw body with the account’s platform keys before anything is decrypted; ' +
      'stored once by notification id; a job then fetches the complaint and its history. Rejected callbacks are answered 4xx. Public: the signature is the authentication.',
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, complaintErrors.COMPLAINT_NOTIFY_REJECTED, complaintErrors.COMPLAINT_NOTIFY_UNKNOWN_ACCOUNT)
  @ApiNoContentResponse({ description: 'Verified and stored (or a duplicate).' })
  async notify(@UuidParam('accountId') accountId: string, @Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<void> {
    await this.sync.receive(accountId, request.headers, request.rawBody);
  }
}
