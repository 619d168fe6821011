import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the console's device screens need from the database:
 * - a prefix search by device code (`GET /v1/devices?code=FR-00`), case-insensitive, on an index;
 * - `zizhu_device_codes_taken(codes)`: which of these codes are registered anywhere on the platform. Codes are
 *   unique across tenants (the QR link has no tenant in it), so the CSV import's preview must know a code is
 *   taken even when row-level security hides the device that holds it. It answers only the codes, never
 *   whose they are (the insert's unique violation already tells as much).
 */
export class AddDeviceListSupport1764305200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX devices_code_prefix_idx ON devices (lower(code) text_pattern_ops)`);
    await q.query(`
      CREATE FUNCTION zizhu_device_codes_taken(codes text[]) RETURNS text[]
      LANGUAGE sql STABLE SET app.all_tenants = 'on' AS $$
        SELECT coalesce(array_agg(code ORDER BY code), '{}') FROM devices WHERE code = ANY (codes)
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION zizhu_device_codes_taken(text[])`);
    await q.query(`DROP INDEX devices_code_prefix_idx`);
  }
}
