import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A device's maintenance tickets travel with it when a hardware reseller sells it (`zizhu_fleet_transfer_device` moves
 * the device to the customer's tenant): the tickets' key to the device, and their notes' and photos' keys to the
 * ticket, cascade on update, as the device's events, telemetry and stock do. Before this, a device that had ever had a
 * ticket could not be sold (the transfer failed on the foreign key). The ticket is part of the device's history: the
 * buyer sees it, the reseller keeps watching it as it watches its customers' devices.
 */
export class CascadeMaintenanceTicketsOnSale1764339000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE maintenance_tickets DROP CONSTRAINT maintenance_tickets_tenant_id_device_id_fkey`);
    await q.query(`ALTER TABLE maintenance_tickets ADD CONSTRAINT maintenance_tickets_tenant_id_device_id_fkey
                     FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON UPDATE CASCADE`);
    for (const table of ['maintenance_ticket_events', 'maintenance_ticket_photos']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_tenant_id_ticket_id_fkey`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_id_ticket_id_fkey
                       FOREIGN KEY (tenant_id, ticket_id) REFERENCES maintenance_tickets (tenant_id, id) ON UPDATE CASCADE`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['maintenance_ticket_events', 'maintenance_ticket_photos']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_tenant_id_ticket_id_fkey`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_id_ticket_id_fkey FOREIGN KEY (tenant_id, ticket_id) REFERENCES maintenance_tickets (tenant_id, id)`);
    }
    await q.query(`ALTER TABLE maintenance_tickets DROP CONSTRAINT maintenance_tickets_tenant_id_device_id_fkey`);
    await q.query(`ALTER TABLE maintenance_tickets ADD CONSTRAINT maintenance_tickets_tenant_id_device_id_fkey FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id)`);
  }
}
