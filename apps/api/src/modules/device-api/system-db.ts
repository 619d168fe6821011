import type { DataSource, EntityManager } from 'typeorm';
import { systemTransaction } from '../../platform/database/transactions.js';

/**
 * Device routes act for a device, not for a tenant: their queries name the authenticated device
 * explicitly and run in a system transaction (row-level security opened for that transaction only).
 * They run outside any request transaction, so they never wait on a client they would hold themselves.
 */
export function withSystem<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  return systemTransaction(dataSource, fn);
}

/** Rows of an UPDATE … RETURNING through TypeORM's postgres driver ([rows, count]). */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
