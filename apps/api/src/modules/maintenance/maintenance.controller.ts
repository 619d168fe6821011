import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TenantScoped, WITH_TECHNICIANS } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { UuidParam } from '../../platform/errors/uuid-param.js';
import { attachmentHeader } from '../onboarding/evidence.service.js';
import {
  AddNoteDto,
  AssigneeDto,
  AssigneesQuery,
  CreateTicketDto,
  ListTicketsQuery,
  MaintenanceSettingsDto,
  PutMaintenanceSettingsDto,
  TicketDetailDto,
  TicketListDto,
  TicketPhotoDto,
  TransitionTicketDto,
  UpdateTicketDto,
  UploadPhotoQuery,
} from './dto/maintenance.dto.js';
import { maintenanceErrors } from './maintenance.errors.js';
import { MaintenanceService } from './maintenance.service.js';
import type { PhotoRequest } from './photo-body.js';
import { PHOTO_CONTENT_TYPES } from './ticket-rules.js';

/** Who changes tickets: the admins and technicians of the organisations that operate the device (OPERATOR_STAFF reads). */
const WORKERS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN', 'TECHNICIAN'] as const;
/** Who chooses the automatic tickets: the organisation's admins (as for its alert rules). */
const ADMINS = ['OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN'] as const;
const WHO =
  'Tickets are read like their device (its organisation and those above it; a hardware reseller also its customers’) and changed by the admins and technicians ' +
  'of the organisations that operate it (a fleet only watched answers 403 TICKET_NOT_OPERATOR); another tenant’s ticket is 404.';

@ApiTags('maintenance')
@ApiBearerAuth()
@Controller('v1/maintenance')
@TenantScoped(...WITH_TECHNICIANS)
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  @Get('tickets')
  @ApiOperation({ summary: 'List maintenance tickets', description: `Newest first; filter by \`state\`, \`assigneeId\`, \`deviceId\`, \`alertId\`; \`total\` counts every match. ${WHO}` })
  @ApiOkResponse({ type: TicketListDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  list(@Query() query: ListTicketsQuery): Promise<TicketListDto> {
    return this.maintenance.list(query);
  }

  @Post('tickets')
  @TenantScoped(...WORKERS)
  @ApiOperation({
    summary: 'Open a maintenance ticket',
    description:
      'By hand (`deviceId`, `title`) or from a device alert (`alertId`: the alert’s device, its kind as the default title). One ticket per alert: opening it again answers ' +
      `the existing ticket with 200. The assignee must be an active login of the device’s organisation or of the one directly above it. ${WHO} Audited.`,
  })
  @ApiCreatedResponse({ type: TicketDetailDto })
  @ApiOkResponse({ type: TicketDetailDto, description: 'The ticket already opened from this alert.' })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    maintenanceErrors.TICKET_INVALID,
    maintenanceErrors.TICKET_DEVICE_NOT_FOUND,
    maintenanceErrors.TICKET_ALERT_NOT_FOUND,
    maintenanceErrors.TICKET_ALERT_NOT_DEVICE,
    maintenanceErrors.TICKET_NOT_OPERATOR,
    maintenanceErrors.TICKET_ASSIGNEE_INVALID,
  )
  async create(@Body() body: CreateTicketDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TicketDetailDto> {
    const { ticket, created } = await this.maintenance.create(body);
    void reply.status(created ? 201 : 200);
    return ticket;
  }

  @Get('tickets/:id')
  @ApiOperation({ summary: 'Get a maintenance ticket', description: `With its thread (notes, state changes, assignments, photos) and its photos’ metadata. ${WHO}` })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, maintenanceErrors.TICKET_NOT_FOUND)
  detail(@UuidParam() id: string): Promise<TicketDetailDto> {
    return this.maintenance.detail(id);
  }

  @Patch('tickets/:id')
  @TenantScoped(...WORKERS)
  @ApiOperation({ summary: 'Change a ticket’s title, description or assignee', description: `\`assigneeId: null\` unassigns. A closed ticket is 409 TICKET_CLOSED. ${WHO} Audited.` })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, maintenanceErrors.TICKET_NOT_FOUND, maintenanceErrors.TICKET_NOT_OPERATOR, maintenanceErrors.TICKET_CLOSED, maintenanceErrors.TICKET_INVALID, maintenanceErrors.TICKET_ASSIGNEE_INVALID)
  update(@UuidParam() id: string, @Body() body: UpdateTicketDto): Promise<TicketDetailDto> {
    return this.maintenance.update(id, body);
  }

  @Post('tickets/:id/transitions')
  @TenantScoped(...WORKERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a ticket through its lifecycle',
    description:
      'start (OPEN → IN_PROGRESS), resolve (OPEN/IN_PROGRESS → RESOLVED, `note` = the resolution, required), close (OPEN/IN_PROGRESS/RESOLVED → CLOSED, with a resolution: ' +
      'the `note` or the one given when resolving), reopen (RESOLVED/CLOSED → OPEN, the resolution cleared). Each stamps its `<event>At` and `<event>By`; another action from ' +
      `the current state is 409 TICKET_INVALID_TRANSITION naming action; a missing resolution is 422 TICKET_INVALID naming note. ${WHO} Audited.`,
  })
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, maintenanceErrors.TICKET_NOT_FOUND, maintenanceErrors.TICKET_NOT_OPERATOR, maintenanceErrors.TICKET_INVALID_TRANSITION, maintenanceErrors.TICKET_INVALID)
  transition(@UuidParam() id: string, @Body() body: TransitionTicketDto): Promise<TicketDetailDto> {
    return this.maintenance.transition(id, body);
  }

  @Post('tickets/:id/notes')
  @TenantScoped(...WORKERS)
  @ApiOperation({ summary: 'Add a note to a ticket’s thread', description: `A closed ticket is 409 TICKET_CLOSED. ${WHO} Audited.` })
  @ApiCreatedResponse({ type: TicketDetailDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED, maintenanceErrors.TICKET_NOT_FOUND, maintenanceErrors.TICKET_NOT_OPERATOR, maintenanceErrors.TICKET_CLOSED, maintenanceErrors.TICKET_INVALID)
  addNote(@UuidParam() id: string, @Body() body: AddNoteDto): Promise<TicketDetailDto> {
    return this.maintenance.addNote(id, body);
  }

  @Post('tickets/:id/photos')
  @TenantScoped(...WORKERS)
  @ApiOperation({
    summary: 'Add a photo to a ticket',
    description:
      `The request body is the photo itself (raw bytes, at most 5 MiB: larger is 413 TICKET_PHOTO_TOO_LARGE; empty is 422 TICKET_PHOTO_INVALID naming body), its Content-Type ` +
      `one of ${PHOTO_CONTENT_TYPES.join(', ')} (else 422 naming contentType); \`name\` the file’s name, URL-encoded. Stored in the database with its sha256. ${WHO} Audited.`,
  })
  @ApiConsumes(...PHOTO_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: TicketPhotoDto })
  @ApiErrors(
    platformErrors.VALIDATION_FAILED,
    maintenanceErrors.TICKET_NOT_FOUND,
    maintenanceErrors.TICKET_NOT_OPERATOR,
    maintenanceErrors.TICKET_CLOSED,
    maintenanceErrors.TICKET_PHOTO_TOO_LARGE,
    maintenanceErrors.TICKET_PHOTO_INVALID,
  )
  uploadPhoto(@UuidParam() id: string, @Query() query: UploadPhotoQuery, @Req() request: PhotoRequest): Promise<TicketPhotoDto> {
    return this.maintenance.uploadPhoto(id, request.declaredContentType, request.body, query);
  }

  @Get('tickets/:id/photos/:photoId')
  @ApiOperation({ summary: 'Download a ticket photo', description: `The bytes with their Content-Type, as an attachment under the file’s name (nosniff). ${WHO}` })
  @ApiProduces(...PHOTO_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The photo.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(platformErrors.VALIDATION_FAILED, maintenanceErrors.TICKET_NOT_FOUND, maintenanceErrors.TICKET_PHOTO_NOT_FOUND)
  async photo(@UuidParam() id: string, @UuidParam('photoId') photoId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { file, bytes } = await this.maintenance.photo(id, photoId);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentHeader(file.name))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff');
    return bytes;
  }

  @Get('settings')
  @ApiOperation({ summary: 'Automatic tickets: the organisation’s choice', description: 'The device alert kinds for which the caller’s organisation opens a ticket by itself, and the kinds that may be chosen.' })
  @ApiOkResponse({ type: MaintenanceSettingsDto })
  @ApiErrors()
  settings(): Promise<MaintenanceSettingsDto> {
    return this.maintenance.settings();
  }

  @Put('settings')
  @TenantScoped(...ADMINS)
  @ApiOperation({
    summary: 'Choose the alert kinds that open tickets by themselves',
    description:
      'For each new alert of these device kinds (DEVICE_OFFLINE, DEVICE_START_FAILURES…) on a device of the caller’s organisation — and, for a franchise brand, of its ' +
      'franchisees — a ticket is opened within a minute (one per alert; alerts raised before the choice are left alone). The organisation’s admins (`alerts.write`). Audited.',
  })
  @ApiOkResponse({ type: MaintenanceSettingsDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  putSettings(@Body() body: PutMaintenanceSettingsDto): Promise<MaintenanceSettingsDto> {
    return this.maintenance.putSettings(body);
  }

  @Get('assignees')
  @ApiOperation({ summary: 'Who may take a ticket', description: 'The active logins of the device’s organisation and of the one directly above it (technicians first); without `deviceId`, of the caller’s organisation.' })
  @ApiOkResponse({ type: [AssigneeDto] })
  @ApiErrors(platformErrors.VALIDATION_FAILED, maintenanceErrors.TICKET_DEVICE_NOT_FOUND)
  assignees(@Query() query: AssigneesQuery): Promise<AssigneeDto[]> {
    return this.maintenance.assignees(query.deviceId);
  }
}
