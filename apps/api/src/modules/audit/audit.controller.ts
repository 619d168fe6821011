import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { ApiErrors } from '../../platform/errors/api-errors.js';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { AuditService } from './audit.service.js';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto.js';
import type { AuditLogEntity } from './audit-log.entity.js';

const toDto = (a: AuditLogEntity) => ({
  id: a.id,
  organizationId: a.tenantId,
  subjectOrganizationId: a.subjectTenantId,
  actorUserId: a.actorUserId,
  actorApiKeyId: a.actorApiKeyId,
  action: a.action,
  resourceType: a.resourceType,
  resourceId: a.resourceId,
  before: a.before,
  after: a.after,
  requestId: a.requestId,
  occurredAt: a.occurredAt.toISOString(),
});

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-log')
@TenantScoped('OPERATOR_ADMIN', 'FRANCHISEE_ADMIN', 'CUSTOMER_ADMIN')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Page through the audit log',
    description:
      'Who changed what (before/after, request id), newest first: the entries by or about the organisations whose data the caller may see ' +
      '(its own and those under it; a hardware reseller not its customers’); a platform admin sees every entry. Filters combine: `organizationId` (entries by or about one organisation), ' +
      '`actorUserId`, `action` (exact, or a prefix ending in `.`), `resourceType`, `resourceId`, and the time range `from` (inclusive) – `to` (exclusive). ' +
      'Pass `nextCursor` as `cursor` for the next page (same filters).',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(platformErrors.VALIDATION_FAILED)
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const { limit, ...filters } = query;
    const page = await this.audit.list({ limit: limit ?? 50, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) });
    return { items: page.items.map(toDto), nextCursor: page.nextCursor };
  }
}
