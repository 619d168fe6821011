import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES } from './acceptance-rules.js';
import { AcceptanceService } from './acceptance.service.js';
import { AcceptanceRunDto, AcceptanceRunListDto, CreateAcceptanceRunDto, PutChecklistItemDto } from './dto/acceptance.dto.js';
import { EvidenceFileDto, EvidenceListDto, ListEvidenceQueryDto, UploadEvidenceQueryDto } from './dto/evidence.dto.js';
import type { EvidenceRequest } from './evidence-body.js';
import { attachmentHeader, EvidenceService } from './evidence.service.js';
import { onboardingErrors } from './onboarding.errors.js';

const WHO = 'Readers and writers: the admins of the account’s organisation and of its franchise brand (for a franchisee’s own account), and the platform admin; anyone else gets 404.';
const ADMINS = ['OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN'] as const;

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('v1/merchant-accounts')
@TenantScoped()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post(':id/evidence')
  @TenantScoped(...ADMINS)
  @ApiOperation({
    summary: 'Upload an evidence file',
    description:
      `The request body is the file itself (raw bytes, 1 to ${EVIDENCE_MAX_BYTES} bytes = 10 MiB: larger is 413 EVIDENCE_TOO_LARGE naming body; empty is 422 naming body), ` +
      `its Content-Type one of ${EVIDENCE_CONTENT_TYPES.join(', ')} (else 422 EVIDENCE_INVALID naming contentType). ` +
      '`purpose` is `step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3>` or `acceptance:<runId>:<SCREEN_RECORDING|ONSITE_VIDEO|COMPLETED_ORDER_DETAIL|CANCELLED_ORDER_DETAIL>` ' +
      '(a run of this account, not finished: 409 ACCEPTANCE_RUN_FINISHED); anything else 422 naming purpose. `name` is the file’s name, URL-encoded (1–200 characters). ' +
      'Stored in the database with its sha256. ' +
      WHO +
      ' Audited.',
  })
  @ApiConsumes(...EVIDENCE_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: EvidenceFileDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.EVIDENCE_TOO_LARGE, onboardingErrors.EVIDENCE_INVALID, onboardingErrors.ACCEPTANCE_RUN_FINISHED)
  upload(@UuidParam() id: string, @Query() query: UploadEvidenceQueryDto, @Req() request: EvidenceRequest): Promise<EvidenceFileDto> {
    return this.evidence.upload(id, request.declaredContentType, request.body, query);
  }

  @Get(':id/evidence')
  @ApiOperation({ summary: 'The account’s evidence files (metadata only)', description: 'Oldest first; `purpose` narrows to one step or one acceptance item (anything else 422 naming purpose). ' + WHO })
  @ApiOkResponse({ type: EvidenceListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.EVIDENCE_INVALID)
  list(@UuidParam() id: string, @Query() query: ListEvidenceQueryDto): Promise<EvidenceListDto> {
    return this.evidence.list(id, query.purpose);
  }

  @Get(':id/evidence/:evidenceId/content')
  @ApiOperation({ summary: 'Download an evidence file', description: 'The bytes with their Content-Type, as an attachment under the file’s name. ' + WHO })
  @ApiProduces(...EVIDENCE_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The file.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.EVIDENCE_NOT_FOUND)
  async content(@UuidParam() id: string, @UuidParam('evidenceId') evidenceId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { file, bytes } = await this.evidence.content(id, evidenceId);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentHeader(file.name))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff');
    return bytes;
  }

  @Delete(':id/evidence/:evidenceId')
  @HttpCode(204)
  @TenantScoped(...ADMINS)
  @ApiOperation({
    summary: 'Delete an evidence file',
    description: 'Refused (409 EVIDENCE_LOCKED) while an onboarding step refers to it, or when it belongs to a finished acceptance run (what was submitted is kept). ' + WHO + ' Audited.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.EVIDENCE_NOT_FOUND, onboardingErrors.EVIDENCE_LOCKED)
  async remove(@UuidParam() id: string, @UuidParam('evidenceId') evidenceId: string): Promise<void> {
    await this.evidence.remove(id, evidenceId);
  }
}

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('v1/merchant-accounts')
@TenantScoped()
export class AcceptanceController {
  constructor(private readonly runs: AcceptanceService) {}

  @Post(':id/acceptance-runs')
  @TenantScoped(...ADMINS)
  @ApiOperation({
    summary: 'Start an acceptance run (2.3)',
    description:
      'On an enabled Pay Score service id of the account (else 422 ACCEPTANCE_RUN_INVALID naming serviceId) and a device bound to it whose type fits its scenario (else naming deviceId). ' +
      'The run then records the first PAID and the first CANCELLED session on that device and service id created after it. ' +
      WHO +
      ' Audited.',
  })
  @ApiCreatedResponse({ type: AcceptanceRunDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.ACCEPTANCE_RUN_INVALID)
  create(@UuidParam() id: string, @Body() body: CreateAcceptanceRunDto): Promise<AcceptanceRunDto> {
    return this.runs.create(id, body);
  }

  @Get(':id/acceptance-runs')
  @ApiOperation({ summary: 'The account’s acceptance runs', description: 'Newest first, each with its sessions, checklist and review day. ' + WHO })
  @ApiOkResponse({ type: AcceptanceRunListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  list(@UuidParam() id: string): Promise<AcceptanceRunListDto> {
    return this.runs.list(id);
  }

  @Get(':id/acceptance-runs/:runId')
  @ApiOperation({
    summary: 'An acceptance run',
    description:
      'Its completed and cancelled sessions (order numbers, transaction id, created/confirmed/finished times, amount), the checklist (which evidence must come from the real WeChat app, ' +
      'where to take it, the files attached), what is missing to finish, the next review day (Tuesday or Thursday, Asia/Shanghai), and whether the platform runs offline against the simulator. ' +
      WHO,
  })
  @ApiOkResponse({ type: AcceptanceRunDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.ACCEPTANCE_RUN_NOT_FOUND)
  get(@UuidParam() id: string, @UuidParam('runId') runId: string): Promise<AcceptanceRunDto> {
    return this.runs.get(id, runId);
  }

  @Put(':id/acceptance-runs/:runId/checklist/:key')
  @TenantScoped(...ADMINS)
  @ApiOperation({ summary: 'Mark a checklist item not applicable (with a reason), or applicable again', description: 'Only the items the operator uploads; not on a finished run. ' + WHO + ' Audited.' })
  @ApiOkResponse({ type: AcceptanceRunDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.ACCEPTANCE_RUN_NOT_FOUND, onboardingErrors.ACCEPTANCE_RUN_INVALID, onboardingErrors.ACCEPTANCE_RUN_FINISHED)
  putItem(@UuidParam() id: string, @UuidParam('runId') runId: string, @Param('key') key: string, @Body() body: PutChecklistItemDto): Promise<AcceptanceRunDto> {
    return this.runs.putItem(id, runId, key, body.notApplicableReason);
  }

  @Post(':id/acceptance-runs/:runId/finish')
  @HttpCode(200)
  @TenantScoped(...ADMINS)
  @ApiOperation({
    summary: 'Finish an acceptance run',
    description:
      'Only when complete: both sessions recorded and every upload item of the checklist has evidence or a reason it does not apply; otherwise 422 ACCEPTANCE_RUN_INCOMPLETE naming each missing part ' +
      '(completedSession, cancelledSession, item keys). A finished run’s evidence can no longer be added or deleted. ' +
      WHO +
      ' Audited.',
  })
  @ApiOkResponse({ type: AcceptanceRunDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.ACCEPTANCE_RUN_NOT_FOUND, onboardingErrors.ACCEPTANCE_RUN_INCOMPLETE, onboardingErrors.ACCEPTANCE_RUN_FINISHED)
  finish(@UuidParam() id: string, @UuidParam('runId') runId: string): Promise<AcceptanceRunDto> {
    return this.runs.finish(id, runId);
  }
}
