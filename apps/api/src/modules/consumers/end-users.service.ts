import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** End users per merchant of record: the same openid at two merchants is two end users. */
@Injectable()
export class EndUsersService {
  /**
   * The end user's id at this merchant, created on first sight (last_seen_at refreshed otherwise). One atomic
   * upsert, safe under concurrent calls. Runs in the caller's transaction (a system one for consumer routes).
   */
  async ensure(manager: EntityManager, merchantTenantId: string, appid: string, openid: string): Promise<string> {
    const rows = (await manager.query(
      `INSERT INTO end_users (tenant_id, appid, openid, last_seen_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (tenant_id, appid, openid) DO UPDATE SET last_seen_at = now()
         RETURNING id`,
      [merchantTenantId, appid, openid],
    )) as { id: string }[];
    const id = rows[0]?.id;
    if (!id) throw new Error('end_users upsert returned no row');
    return id;
  }
}
