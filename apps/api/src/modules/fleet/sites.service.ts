import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateSiteDto } from './dto/fleet.dto.js';
import { SiteEntity } from './fleet.entities.js';
import { fleetErrors } from './fleet.errors.js';
import { toSiteDto } from './fleet.mappers.js';

@Injectable()
export class SitesService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  list(organizationId?: string): Promise<SiteEntity[]> {
    return this.context.manager.find(SiteEntity, { where: organizationId ? { tenantId: organizationId } : {}, order: { createdAt: 'ASC', name: 'ASC' } });
  }

  async get(id: string): Promise<SiteEntity> {
    const site = await this.context.manager.findOne(SiteEntity, { where: { id } });
    if (!site) throw fleetErrors.SITE_NOT_FOUND();
    return site;
  }

  async create(input: CreateSiteDto): Promise<SiteEntity> {
    const tenantId = input.organizationId ?? this.context.tenantId;
    // the organisation must be one whose fleet the caller operates (itself, a franchise brand's franchisee; never a
    // reseller's customer): the sites write policy refuses anything else, this says so as a 404 first
    const [writable] = (await this.context.manager.query(`SELECT 1 FROM organizations WHERE id = $1 AND zizhu_fleet_writable(id)`, [tenantId])) as unknown[];
    if (!writable) throw fleetErrors.SITE_NOT_FOUND('No such organisation among those whose fleet you operate.');
    const site = await this.context.manager.save(
      Object.assign(new SiteEntity(), {
        tenantId,
        name: input.name,
        address: input.address,
        city: input.city,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
      }),
    );
    await this.audit.record({ action: 'site.create', resourceType: 'site', resourceId: site.id, subjectTenantId: tenantId, after: toSiteDto(site) });
    return site;
  }
}
