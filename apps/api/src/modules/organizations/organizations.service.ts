import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateOrganizationDto, OrganizationDto, OrganizationTreeNodeDto } from './dto/organization.dto.js';
import { OrganizationEntity } from './organization.entity.js';
import { organizationErrors } from './organizations.errors.js';
import { OrganizationsRepository } from './organizations.repository.js';

export const toOrganizationDto = (o: OrganizationEntity) => ({
  id: o.id,
  parentId: o.parentId,
  kind: o.kind,
  operatingModel: o.operatingModel,
  name: o.name,
  legalName: o.legalName ?? null,
  createdAt: o.createdAt.toISOString(),
});

/** Which child kind an organisation may have: the tree's shape per operating model. */
function allowedChild(parent: OrganizationEntity): OrganizationEntity['kind'] | null {
  if (parent.kind === 'PLATFORM') return 'OPERATOR';
  if (parent.kind === 'OPERATOR' && parent.operatingModel === 'FRANCHISE') return 'FRANCHISEE';
  if (parent.kind === 'OPERATOR' && parent.operatingModel === 'HARDWARE_SALE') return 'CUSTOMER';
  return null;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The visible organisations as DTOs: a hot read, one round trip with the tenant entry (no ORM). */
  read(): Promise<OrganizationDto[]> {
    return this.organizations.readVisible();
  }

  async readOne(id: string): Promise<OrganizationDto> {
    const org = await this.organizations.readOne(id);
    if (!org) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    return org;
  }

  /** The visible organisations as a tree, with each one's number of logins (one grouped count, not a query per node). */
  async tree(): Promise<OrganizationTreeNodeDto[]> {
    const { orgs, counts } = await this.organizations.readTree();
    const nodes = new Map<string, OrganizationTreeNodeDto>(orgs.map((o) => [o.id, { ...o, userCount: counts.get(o.id) ?? null, children: [] }]));
    const roots: OrganizationTreeNodeDto[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  async get(id: string): Promise<OrganizationEntity> {
    const org = await this.organizations.findVisible(id);
    if (!org) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    return org;
  }

  async create(input: CreateOrganizationDto): Promise<OrganizationEntity> {
    const principal = this.context.principal;
    const parent = await this.get(input.parentId ?? principal.tenantId);
    // only admins of the parent itself (or the platform) add children to it
    if (!this.context.isPlatformAdmin && parent.id !== principal.tenantId) throw organizationErrors.ORGANIZATION_KIND_NOT_ALLOWED();
    if (allowedChild(parent) !== input.kind) {
      throw organizationErrors.ORGANIZATION_KIND_NOT_ALLOWED(
        `A ${parent.kind.toLowerCase()}${parent.operatingModel ? ` (${parent.operatingModel})` : ''} cannot have a child of kind ${input.kind}.`,
      );
    }
    if (input.kind === 'OPERATOR' && !input.operatingModel) throw organizationErrors.ORGANIZATION_MODEL_REQUIRED();
    if (input.kind !== 'OPERATOR' && input.operatingModel) {
      throw organizationErrors.ORGANIZATION_KIND_NOT_ALLOWED('Only an operator has an operatingModel.');
    }
    const id = randomUUID();
    const org = Object.assign(new OrganizationEntity(), {
      id,
      parentId: parent.id,
      path: [...parent.path, id],
      kind: input.kind,
      operatingModel: input.kind === 'OPERATOR' ? (input.operatingModel ?? null) : null,
      name: input.name,
      legalName: null,
    });
    await this.organizations.insert(org);
    const created = await this.get(id);
    await this.audit.record({
      action: 'organization.create',
      resourceType: 'organization',
      resourceId: id,
      subjectTenantId: parent.id,
      after: toOrganizationDto(created),
    });
    return created;
  }

  /**
   * Renames an organisation and/or sets its legal name (主体名称, null clears it). The caller's own organisation or one
   * directly under it (a platform admin: any); else 404. Audited: `organization.rename`, `organization.legal-name.set`.
   */
  async rename(id: string, input: { name?: string | undefined; legalName?: string | null | undefined }): Promise<OrganizationEntity> {
    if (input.name === undefined && input.legalName === undefined) {
      throw platformErrors.VALIDATION_FAILED('Invalid fields: name', { errors: [{ field: 'name', messages: ['give name, legalName or both'] }] });
    }
    const before = await this.get(id);
    const principal = this.context.principal;
    const isOwnOrChild = before.id === principal.tenantId || before.parentId === principal.tenantId;
    if (!this.context.isPlatformAdmin && !isOwnOrChild) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    // a customer's 主体名称 is its own (its application pack is none of its reseller's business)
    if (input.legalName !== undefined && before.kind === 'CUSTOMER' && before.id !== principal.tenantId && !this.context.isPlatformAdmin) {
      throw organizationErrors.ORGANIZATION_LEGAL_NAME_NOT_YOURS();
    }
    // only what changes is written and audited (the console's dialog sends both names)
    const change: { name?: string; legalName?: string | null } = {};
    if (input.name !== undefined && input.name !== before.name) change.name = input.name;
    const legalName = input.legalName === undefined || input.legalName === null ? input.legalName : input.legalName.trim();
    if (legalName !== undefined && legalName !== before.legalName) change.legalName = legalName;
    if (Object.keys(change).length > 0) await this.organizations.update(id, change);
    const after = await this.get(id);
    for (const [field, action] of [
      ['name', 'organization.rename'],
      ['legalName', 'organization.legal-name.set'],
    ] as const) {
      if (change[field] === undefined) continue;
      await this.audit.record({ action, resourceType: 'organization', resourceId: id, subjectTenantId: id, before: { [field]: before[field] }, after: { [field]: after[field] } });
    }
    return after;
  }
}
