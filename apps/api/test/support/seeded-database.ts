import { DemoSeedService } from '../../src/modules/demo/demo-seed.service.js';
import { openDatabase, type OpenDatabase } from '../../src/platform/database/database.js';
import { Transactions } from '../../src/platform/database/transactions.js';
import type { RequestContext } from '../../src/platform/tenancy/request-context.js';
import { freshDatabaseConfig } from './test-app.js';

/**
 * A fresh database (in memory, or a new one on the PostgreSQL server when DATABASE_URL is set), migrated and seeded
 * with the demo, without an app: for the specs that drive the database layer directly. `drop` removes a server
 * database once `db` is closed.
 */
export async function openSeededDatabase(context: RequestContext): Promise<{ db: OpenDatabase; transactions: Transactions; drop(): Promise<void> }> {
  const fresh = await freshDatabaseConfig();
  const db = await openDatabase(fresh.database);
  const transactions = new Transactions(db.dataSource, context);
  await new DemoSeedService().seedIfEmpty(transactions);
  return { db, transactions, drop: fresh.drop };
}
