import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { TenantRead } from '../../platform/tenancy/tenant-reads.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { merchantErrors } from '../merchants/merchants.errors.js';
import { storyboardCsp } from '../user-pages/pages.js';
import { ApplicationPackService } from './application-pack.service.js';
import { ApplicationPackDto, ApplicationPackQueryDto, ApplicationPackSettingsDto, PutApplicationPackSettingsDto } from './dto/application-pack.dto.js';
import { ComplianceService } from './compliance.service.js';
import { FlowStoryboardQueryDto } from './dto/flow-storyboard.dto.js';
import { FlowStoryboardService } from './flow-storyboard.service.js';
import { ComplianceDto } from './dto/compliance.dto.js';
import { OnboardingDto, PutOnboardingStepDto, PutOnboardingSubjectDto } from './dto/onboarding.dto.js';
import { onboardingErrors } from './onboarding.errors.js';
import { OnboardingService } from './onboarding.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const READERS = 'Readers: the admins of the account’s organisation and of its franchise brand, and the platform admin; anyone else gets 404.';

@ApiTags('onboarding')
@ApiBearerAuth()
@ApiExtraModels(ApplicationPackDto)
@Controller('v1/merchant-accounts')
@TenantScoped()
export class ApplicationPackController {
  constructor(
    private readonly packs: ApplicationPackService,
    private readonly storyboards: FlowStoryboardService,
  ) {}

  @Get(':id/application-pack')
  @ApiOperation({
    summary: 'The Pay Score application pack (table 1.1) of a merchant account',
    description:
      'Every row of table 1.1 of WeChat’s guide for unattended self-service merchants, from the account’s own data (contracts.md §10): the figures over its sessions paid > 0 fen ' +
      'in the last `days` Asia/Shanghai calendar days (today included), by the amount paid before refunds; the billing rules by describePlan; the sites of its devices; what the operator entered ' +
      '(PUT …/application-pack/settings). Fewer than `minSessions` such sessions: 422 APPLICATION_PACK_TOO_FEW_SESSIONS naming minSessions (no figure is invented). ' +
      '`format=xlsx` answers the same as a spreadsheet. ' +
      READERS,
  })
  @ApiProduces('application/json', XLSX)
  @ApiOkResponse({
    description: 'The pack (JSON), or with format=xlsx the spreadsheet (attachment).',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApplicationPackDto) } }, [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.APPLICATION_PACK_TOO_FEW_SESSIONS)
  async pack(@UuidParam() id: string, @Query() query: ApplicationPackQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ApplicationPackDto | Buffer> {
    const days = query.days ?? 30;
    const minSessions = query.minSessions ?? 5;
    if (query.format !== 'xlsx') return this.packs.pack(id, days, minSessions);
    const { name, body } = await this.packs.packXlsx(id, days, minSessions);
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    return body;
  }

  @Get(':id/flow-storyboard')
  @TenantRead()
  @ApiOperation({
    summary: 'The interaction flow image (交互流程图) of a merchant account, as a printable page',
    description:
      'The attachment of table 1.1: every state of the user’s flow for one of the account’s devices — 1 scan page, 2 confirmation hand-off, 3 in use, 4 finished with the charge lines, ' +
      '5 assessment failed, 6 cancelled — numbered, side by side at 390 px, zh-CN, drawn by the live user pages’ own rendering (the scan page’s HTML, the session script’s renderers) with ' +
      'the device owner’s effective branding (brand name, colour, customer-service phone) and the Pay Score logo stand-in. The figures are the pricing engine’s for the device’s plan over a ' +
      'described sample usage (risk fund riskFundFor, running cost as the live page estimates it, the finished charge by quote); the price rule is describePlan’s. `deviceId` picks the device ' +
      '(one that charges through the account, else 404 FLOW_STORYBOARD_DEVICE_NOT_FOUND naming deviceId); absent, the first device with a pricing plan by code. A device the live ' +
      'scan would refuse is refused with 422 FLOW_STORYBOARD_UNAVAILABLE naming the field: no plan the engine can price (plan), no Pay Score service, or a service that does not fit it — ' +
      'approved for another scenario than its type’s, or a risk cap below its plan’s risk fund (payscoreService, the scan’s assertServiceFits) — or a merchant account without a ' +
      'mini-program appid (appid). Print it (A3 landscape) to save it as PDF. ' +
      READERS,
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The storyboard: HTML whose Content-Security-Policy (scripts and styles only with its nonce, no network) is sent as a header and also carried in the page itself (a meta element in its head), so it holds in a srcdoc frame and in a saved file.', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.FLOW_STORYBOARD_DEVICE_NOT_FOUND, onboardingErrors.FLOW_STORYBOARD_UNAVAILABLE)
  async flowStoryboard(@UuidParam() id: string, @Query() query: FlowStoryboardQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { html, nonce } = await this.storyboards.storyboard(id, query.deviceId);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', `${storyboardCsp(nonce)}; frame-ancestors 'none'`);
    return html;
  }

  @Get(':id/application-pack/settings')
  @ApiOperation({ summary: 'What the operator entered for the application pack', description: '系统软件, 预计日均笔数 and 期望接入渠道 (defaults when never set). ' + READERS })
  @ApiOkResponse({ type: ApplicationPackSettingsDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  settings(@UuidParam() id: string): Promise<ApplicationPackSettingsDto> {
    return this.packs.settings(id);
  }

  @Put(':id/application-pack/settings')
  @TenantScoped('OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN')
  @ApiOperation({
    summary: 'Enter the application pack’s own rows',
    description:
      'Replaces 系统软件 (1–100 characters; null or absent: "zizhu (开源)"), 预计日均笔数 (0–10,000,000; null or absent: none) and 期望接入渠道 (1–100 characters; null or absent: 小程序). ' +
      'Writers: the same admins as the pack’s readers; anyone else gets 404. Audited.',
  })
  @ApiOkResponse({ type: ApplicationPackSettingsDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  putSettings(@UuidParam() id: string, @Body() body: PutApplicationPackSettingsDto): Promise<ApplicationPackSettingsDto> {
    return this.packs.putSettings(id, body);
  }
}

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('v1/merchant-accounts')
@TenantScoped()
export class OnboardingController {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly compliance: ComplianceService,
  ) {}

  @Get(':id/compliance')
  @ApiOperation({
    summary: 'Scenario compliance of a merchant account',
    description:
      'Each Pay Score service id with its approved scenario and mode, the devices bound to it (whether each fits: a service never mixes scenarios), the scans the scenario guard ' +
      'refused in the last 30 days (who, which device), and the complaint rate (complaints ÷ paid orders, 30 days). ' +
      READERS,
  })
  @ApiOkResponse({ type: ComplianceDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  getCompliance(@UuidParam() id: string): Promise<ComplianceDto> {
    return this.compliance.get(id);
  }

  @Get(':id/onboarding')
  @ApiOperation({
    summary: 'The onboarding tracker of a merchant account',
    description:
      'The steps of WeChat’s guide (1.1 application table + attachments, 1.2 merchant number, 1.3 customer-service phone, 1.4 service-ID questionnaire, 2.1 signing + whitelist, ' +
      '2.2 debugging in confirmation mode, 2.3 acceptance), each with who does it, what it needs, its state, blockers, the platform’s own checks and its evidence; the next action first. ' +
      '1.1–1.4 are submitted together and blocked until 1.3 is done; individual businesses, micro merchants and service providers cannot apply (refused, every step blocked). ' +
      '2.2 is done when the platform has seen a PAID and a CANCELLED order on one of the account’s service ids. Working days skip weekends only (public holidays are not modelled). ' +
      READERS,
  })
  @ApiOkResponse({ type: OnboardingDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  get(@UuidParam() id: string): Promise<OnboardingDto> {
    return this.onboarding.get(id);
  }

  @Put(':id/onboarding/subject')
  @TenantScoped('OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN')
  @ApiOperation({ summary: 'Enter the account’s subject type (主体类型)', description: 'As on the business licence; decides whether direct Pay Score may be applied for. Same writers as the pack’s settings; others 404. Audited.' })
  @ApiOkResponse({ type: OnboardingDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND)
  putSubject(@UuidParam() id: string, @Body() body: PutOnboardingSubjectDto): Promise<OnboardingDto> {
    return this.onboarding.putSubject(id, body.subjectType);
  }

  @Put(':id/onboarding/steps/:step')
  @TenantScoped('OPERATOR_ADMIN', 'CUSTOMER_ADMIN', 'FRANCHISEE_ADMIN')
  @ApiOperation({
    summary: 'Record a step of the onboarding',
    description:
      'State (TODO, IN_PROGRESS, SUBMITTED, DONE), the day it was submitted or done, a note and its evidence: metadata (file name, type, size ≤ 10 MiB, date, note), or `fileId`, a file uploaded ' +
      'with `POST …/evidence?purpose=step:<step>` (any other file is 422 EVIDENCE_INVALID naming evidence.fileId), whose name, type and size are then shown from the file. ' +
      'A state the rules forbid yet (a blocker, a refused subject type, 2.2 DONE before the platform saw its orders) is 422 ONBOARDING_STEP_BLOCKED naming `state`. Same writers as the pack’s settings; others 404. Audited.',
  })
  @ApiOkResponse({ type: OnboardingDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND, onboardingErrors.ONBOARDING_STEP_INVALID, onboardingErrors.ONBOARDING_STEP_BLOCKED, onboardingErrors.EVIDENCE_INVALID)
  putStep(@UuidParam() id: string, @Param('step') step: string, @Body() body: PutOnboardingStepDto): Promise<OnboardingDto> {
    return this.onboarding.putStep(id, step, body);
  }
}
