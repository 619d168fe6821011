import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { OrganizationEntity } from './organization.entity.js';

/** Organisations as the current principal may see them (row-level security does the limiting). */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly context: RequestContext) {}

  findVisible(id: string): Promise<OrganizationEntity | null> {
    return this.context.manager.findOne(OrganizationEntity, { where: { id } });
  }

  /** The caller's own organisation and everything under it that it may see. */
  listVisible(): Promise<OrganizationEntity[]> {
    return this.context.manager.find(OrganizationEntity, { order: { createdAt: 'ASC', name: 'ASC' } });
  }

  /**
   * Logins per visible organisation, null where its logins are not the caller's to see (a hardware
   * reseller's customers): one grouped count under row-level security.
   */
  async userCounts(): Promise<Map<string, number | null>> {
    const rows = (await this.context.manager.query(
      `SELECT o.id, CASE WHEN zizhu_data_visible(o.id) THEN coalesce(u.n, 0) END AS n
         FROM organizations o LEFT JOIN (SELECT tenant_id, count(*)::int AS n FROM users GROUP BY tenant_id) u ON u.tenant_id = o.id`,
    )) as { id: string; n: number | null }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async insert(org: OrganizationEntity): Promise<void> {
    await this.context.manager.insert(OrganizationEntity, org);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.context.manager.update(OrganizationEntity, { id }, { name });
  }
}
