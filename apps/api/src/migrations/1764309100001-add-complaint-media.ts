import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A complaint's `complaint_media_list` as WeChat's detail answers it (`[{media_type, media_url: []}]`): what the console
 * shows, and — with the negotiation history's media — the only URLs `GET /v1/complaints/{id}/media` fetches.
 */
export class AddComplaintMedia1764309100001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints ADD COLUMN media jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaints DROP COLUMN media`);
  }
}
