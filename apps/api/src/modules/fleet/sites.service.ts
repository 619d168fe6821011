import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { TenantReads } from '../../platform/tenancy/tenant-reads.js';
import { AuditService } from '../audit/audit.service.js';
import { deviceStatusSql } from './device-status.js';
import type { CreateSiteDto, SiteListDto, SiteListQueryDto } from './dto/fleet.dto.js';
import { SiteEntity } from './fleet.entities.js';
import { fleetErrors } from './fleet.errors.js';
import { toSiteDto } from './fleet.mappers.js';

@Injectable()
export class SitesService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly reads: TenantReads,
  ) {}

  /** A page of the sites the caller may see, oldest first, with their device counts by status, counted in SQL. */
  async list(query: SiteListQueryDto): Promise<SiteListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.organizationId) where.push(`s.tenant_id = ${param(query.organizationId)}`);
    if (query.city) where.push(`s.city = ${param(query.city)}`);
    if (query.q) where.push(`strpos(lower(s.name), lower(${param(query.q)})) > 0`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...params];
    const limit = param(query.limit ?? 50);
    const offset = param(query.offset ?? 0);
    // the count and the page: one round trip with the tenant entry (TenantReads; the GET opens no transaction)
    const [counted, page] = await this.reads.run([
      { text: `SELECT count(*)::int AS total FROM sites s ${filter}`, values: countParams },
      {
        text: `WITH page AS (
         SELECT s.* FROM sites s ${filter} ORDER BY s.created_at, s.name, s.id LIMIT ${limit} OFFSET ${offset}
       )
       SELECT p.id, p.tenant_id, p.name, p.address, p.city, p.latitude, p.longitude, p.created_at,
              count(d.id)::int AS device_count,
              (count(d.id) FILTER (WHERE ${deviceStatusSql('d')} = 'ONLINE'))::int AS online_count,
              (count(d.id) FILTER (WHERE ${deviceStatusSql('d')} = 'FAULTED'))::int AS faulted_count
       FROM page p LEFT JOIN devices d ON d.site_id = p.id
       GROUP BY p.id, p.tenant_id, p.name, p.address, p.city, p.latitude, p.longitude, p.created_at
       ORDER BY p.created_at, p.name, p.id`,
        values: params,
      },
    ]);
    const [count] = counted as { total: number }[];
    const rows = page as {
      id: string;
      tenant_id: string;
      name: string;
      address: string;
      city: string;
      latitude: number | null;
      longitude: number | null;
      created_at: Date | string;
      device_count: number;
      online_count: number;
      faulted_count: number;
    }[];
    return {
      total: count?.total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        organizationId: r.tenant_id,
        name: r.name,
        address: r.address,
        city: r.city,
        latitude: r.latitude === null ? null : Number(r.latitude),
        longitude: r.longitude === null ? null : Number(r.longitude),
        createdAt: new Date(r.created_at).toISOString(),
        deviceCount: Number(r.device_count),
        onlineCount: Number(r.online_count),
        faultedCount: Number(r.faulted_count),
      })),
    };
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
