import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { TenantReads } from '../../platform/tenancy/tenant-reads.js';
import type { OrganizationDto } from './dto/organization.dto.js';
import { OrganizationEntity } from './organization.entity.js';

const DTO_COLUMNS = `id, parent_id AS "parentId", kind, operating_model AS "operatingModel", name, legal_name AS "legalName", created_at AS "createdAt"`;
/**
 * Logins per visible organisation, null where its logins are not the caller's to see (a hardware reseller's
 * customers): one grouped count under row-level security.
 */
const USER_COUNTS = `SELECT o.id, CASE WHEN zizhu_data_visible(o.id) THEN coalesce(u.n, 0) END AS n
  FROM organizations o LEFT JOIN (SELECT tenant_id, count(*)::int AS n FROM users GROUP BY tenant_id) u ON u.tenant_id = o.id`;
const toDto = (row: Omit<OrganizationDto, 'createdAt'> & { createdAt: Date }): OrganizationDto => ({ ...row, createdAt: row.createdAt.toISOString() });

/** Organisations as the current principal may see them (row-level security does the limiting). */
@Injectable()
export class OrganizationsRepository {
  constructor(
    private readonly context: RequestContext,
    private readonly reads: TenantReads,
  ) {}

  /** The caller's own organisation and everything under it that it may see, as the API's DTOs: one round trip with the tenant entry (TenantReads). */
  async readVisible(): Promise<OrganizationDto[]> {
    const rows = await this.reads.rows<Omit<OrganizationDto, 'createdAt'> & { createdAt: Date }>(`SELECT ${DTO_COLUMNS} FROM organizations ORDER BY created_at, name`);
    return rows.map(toDto);
  }

  /** readVisible's answer and the logins per organisation (USER_COUNTS) in one round trip (TenantReads): what the organisation tree is built from. */
  async readTree(): Promise<{ orgs: OrganizationDto[]; counts: Map<string, number | null> }> {
    const [orgs, counts] = await this.reads.run([{ text: `SELECT ${DTO_COLUMNS} FROM organizations ORDER BY created_at, name` }, { text: USER_COUNTS }]);
    return {
      orgs: (orgs as (Omit<OrganizationDto, 'createdAt'> & { createdAt: Date })[]).map(toDto),
      counts: new Map((counts as { id: string; n: number | null }[]).map((r) => [r.id, r.n])),
    };
  }

  /** findVisible's answer as the API's DTO (TenantReads). */
  async readOne(id: string): Promise<OrganizationDto | null> {
    const [row] = await this.reads.rows<Omit<OrganizationDto, 'createdAt'> & { createdAt: Date }>(`SELECT ${DTO_COLUMNS} FROM organizations WHERE id = $1`, [id]);
    return row ? toDto(row) : null;
  }

  findVisible(id: string): Promise<OrganizationEntity | null> {
    return this.context.manager.findOne(OrganizationEntity, { where: { id } });
  }

  async insert(org: OrganizationEntity): Promise<void> {
    await this.context.manager.insert(OrganizationEntity, org);
  }

  async update(id: string, change: { name?: string; legalName?: string | null }): Promise<void> {
    await this.context.manager.update(OrganizationEntity, { id }, change);
  }
}
