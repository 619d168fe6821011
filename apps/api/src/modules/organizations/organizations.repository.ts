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

  async insert(org: OrganizationEntity): Promise<void> {
    await this.context.manager.insert(OrganizationEntity, org);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.context.manager.update(OrganizationEntity, { id }, { name });
  }
}
