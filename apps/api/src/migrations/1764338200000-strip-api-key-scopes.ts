import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `users.write` and `organizations.create` can no longer be given to an API key (a key could mint an admin login and
 * outlive its own revocation through it): taken out of the keys made before. Not put back by `down`.
 */
export class StripApiKeyScopes1764338200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // api_keys forces row-level security: every organisation's keys, for this statement only
    await q.query(`SELECT set_config('app.all_tenants', 'on', false)`);
    try {
      await q.query(
        `UPDATE api_keys SET scopes = array_remove(array_remove(scopes, 'users.write'), 'organizations.create')
          WHERE scopes && ARRAY['users.write', 'organizations.create']`,
      );
    } finally {
      await q.query(`SELECT set_config('app.all_tenants', '', false)`);
    }
  }

  async down(): Promise<void> {
    // the scopes taken out are not given back
  }
}
