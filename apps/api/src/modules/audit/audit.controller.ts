import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../../platform/auth/access-policy.js';
import { AuditService } from './audit.service.js';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto.js';
import type { AuditLogEntity } from './audit-log.entity.js';

const toDto = (a: AuditLogEntity) => ({
  id: a.id,
  organizationId: a.tenantId,
  subjectOrganizationId: a.subjectTenantId,
  actorUserId: a.actorUserId,
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
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list({ limit: query.limit ?? 50, ...(query.cursor ? { cursor: query.cursor } : {}), ...(query.organizationId ? { organizationId: query.organizationId } : {}) });
    return { items: page.items.map(toDto), nextCursor: page.nextCursor };
  }
}
