import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fridge stock (issue 16): a planogram per fridge (SKU and par level per shelf and slot), the book (on hand per fridge
 * and SKU), restock orders, stock counts, and every movement of the book (sales, restocks, expired removals, count
 * corrections). A sale is a movement keyed by (session, SKU): recorded once per session however often its end is applied.
 *
 * Visibility is the data's (`zizhu_data_visible`): the device's owner and a franchise brand above it, never a hardware
 * reseller for its customers' fridges. Rows carry the device's organisation; the foreign keys include it and follow a
 * device transfer (ON UPDATE CASCADE), so the book travels with the fridge.
 */
export class CreateFridgeStock1764331000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const SKU = `CHECK (length(sku) BETWEEN 1 AND 64)`;
    const device = `FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON UPDATE CASCADE ON DELETE CASCADE`;
    await q.query(`
      CREATE TABLE fridge_planogram_slots (
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        device_id uuid NOT NULL,
        shelf integer NOT NULL CHECK (shelf BETWEEN 1 AND 50),
        slot integer NOT NULL CHECK (slot BETWEEN 1 AND 100),
        sku text NOT NULL ${SKU},
        par_level integer NOT NULL CHECK (par_level BETWEEN 0 AND 10000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        PRIMARY KEY (device_id, shelf, slot),
        ${device}
      )`);
    await q.query(`
      CREATE TABLE fridge_stock (
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        device_id uuid NOT NULL,
        sku text NOT NULL ${SKU},
        on_hand integer NOT NULL CHECK (on_hand >= 0),
        -- when the book last went up (a restock, a count above it): a low-stock alert's episode
        replenished_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (device_id, sku),
        ${device}
      )`);
    await q.query(`
      CREATE TABLE fridge_restocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        device_id uuid NOT NULL,
        lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
        note text CHECK (length(note) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        UNIQUE (tenant_id, id),
        ${device}
      )`);
    await q.query(`CREATE INDEX fridge_restocks_device_idx ON fridge_restocks (device_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE fridge_stock_counts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        device_id uuid NOT NULL,
        lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
        note text CHECK (length(note) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        UNIQUE (tenant_id, id),
        ${device}
      )`);
    await q.query(`CREATE INDEX fridge_stock_counts_device_idx ON fridge_stock_counts (device_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE fridge_stock_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organizations(id),
        device_id uuid NOT NULL,
        sku text NOT NULL ${SKU},
        kind text NOT NULL CHECK (kind IN ('SALE', 'RESTOCK', 'EXPIRED', 'COUNT')),
        delta integer NOT NULL,
        on_hand_after integer NOT NULL CHECK (on_hand_after >= 0),
        -- a sale of more than the book held: what the fridge reported beyond it (the discrepancy the operator sees)
        shortfall integer NOT NULL DEFAULT 0 CHECK (shortfall >= 0),
        session_id uuid,
        restock_id uuid,
        count_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CHECK ((kind = 'SALE') = (session_id IS NOT NULL)),
        ${device}
      )`);
    // a session's sale is booked once per SKU, however often its end is applied (a repeated event, a retried job)
    await q.query(`CREATE UNIQUE INDEX fridge_stock_movements_sale_once ON fridge_stock_movements (session_id, sku) WHERE kind = 'SALE'`);
    await q.query(`CREATE INDEX fridge_stock_movements_device_idx ON fridge_stock_movements (device_id, created_at DESC)`);
    await q.query(`CREATE INDEX fridge_stock_movements_shortfall_idx ON fridge_stock_movements (device_id, created_at DESC) WHERE shortfall > 0`);

    for (const table of ['fridge_planogram_slots', 'fridge_stock', 'fridge_restocks', 'fridge_stock_counts', 'fridge_stock_movements']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_visible ON ${table} USING (zizhu_data_visible(tenant_id)) WITH CHECK (zizhu_data_visible(tenant_id))`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON fridge_planogram_slots TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON fridge_stock TO zizhu_app`);
    await q.query(`GRANT SELECT, INSERT ON fridge_restocks, fridge_stock_counts, fridge_stock_movements TO zizhu_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fridge_stock_movements`);
    await q.query(`DROP TABLE fridge_stock_counts`);
    await q.query(`DROP TABLE fridge_restocks`);
    await q.query(`DROP TABLE fridge_stock`);
    await q.query(`DROP TABLE fridge_planogram_slots`);
  }
}
