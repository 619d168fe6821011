import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
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

  async rename(id: string, name: string): Promise<OrganizationEntity> {
    const before = await this.get(id);
    const principal = this.context.principal;
    const isOwnOrChild = before.id === principal.tenantId || before.parentId === principal.tenantId;
    if (!this.context.isPlatformAdmin && !isOwnOrChild) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    await this.organizations.rename(id, name);
    const after = await this.get(id);
    await this.audit.record({
      action: 'organization.rename',
      resourceType: 'organization',
      resourceId: id,
      subjectTenantId: id,
      before: { name: before.name },
      after: { name: after.name },
    });
    return after;
  }
}
