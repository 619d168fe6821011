import type { DataSource } from 'typeorm';
import { withSystem } from './system-db.js';

export interface NonceClaim {
  /** No API process had seen this nonce for this device. */
  readonly fresh: boolean;
  /** The device's secret is revoked (or the device is gone). */
  readonly revoked: boolean;
  readonly secretVersion: number | null;
}

interface Pending {
  readonly deviceId: string;
  readonly nonce: string;
  readonly expiresAt: Date;
  resolve(claim: NonceClaim): void;
  reject(error: unknown): void;
}

/**
 * The replay guard shared by every API process: nonces live in `device_nonces` under a unique key, so
 * whichever process inserts first wins. Claims are group-committed: every request arriving while a batch
 * is in flight joins the next one, one statement per batch (the batch grows with the load, the wait does
 * not). The same statement reports the device's revocation and secret version.
 */
export class NonceStore {
  private pending: Pending[] = [];
  private flushing = false;
  batches = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxBatch = 2000,
  ) {}

  claim(deviceId: string, nonce: string, expiresAt: Date): Promise<NonceClaim> {
    return this.claimShared(deviceId, nonce, expiresAt);
  }

  protected claimShared(deviceId: string, nonce: string, expiresAt: Date): Promise<NonceClaim> {
    return new Promise<NonceClaim>((resolve, reject) => {
      this.pending.push({ deviceId, nonce, expiresAt, resolve, reject });
      if (!this.flushing && this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        // the same nonce twice in one batch: the first one claims it, the others are replays
        const first = new Map<string, Pending>();
        const repeats: Pending[] = [];
        for (const p of batch) {
          const key = `${p.deviceId}\n${p.nonce}`;
          if (first.has(key)) repeats.push(p);
          else first.set(key, p);
        }
        const unique = [...first.values()];
        try {
          this.batches += 1;
          const rows = (await this.dataSource.query(`SELECT * FROM zizhu_device_claim_nonces($1::uuid[], $2::text[], $3::timestamptz[])`, [
            unique.map((p) => p.deviceId),
            unique.map((p) => p.nonce),
            unique.map((p) => p.expiresAt),
          ])) as { device_id: string; nonce: string; fresh: boolean; revoked: boolean; secret_version: number | null }[];
          const byKey = new Map(rows.map((r) => [`${r.device_id}\n${r.nonce}`, r]));
          for (const [key, p] of first) {
            const row = byKey.get(key);
            p.resolve(row ? { fresh: row.fresh, revoked: row.revoked, secretVersion: row.secret_version } : { fresh: false, revoked: true, secretVersion: null });
          }
          for (const p of repeats) {
            const row = byKey.get(`${p.deviceId}\n${p.nonce}`);
            p.resolve({ fresh: false, revoked: row?.revoked ?? true, secretVersion: row?.secret_version ?? null });
          }
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Deletes nonces past the signature window, `batch` at a time (one bounded statement each, the event loop
   * free in between), at most `maxBatches` statements per call: a larger backlog is finished by the next
   * calls (FleetSweeper calls every minute): up to a million a minute per process, about what a million devices
   * at a heartbeat a minute leave behind. Returns how many were deleted.
   */
  async purge(batch = 10_000, maxBatches = 100): Promise<number> {
    let purged = 0;
    for (let i = 0; i < maxBatches; i++) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const [row] = (await this.dataSource.query(`SELECT zizhu_device_purge_nonces($1) AS purged`, [batch])) as { purged: number }[];
      const n = Number(row?.purged ?? 0);
      purged += n;
      if (n < batch) break;
    }
    return purged;
  }

  /** Called periodically (write-behind stores persist here). */
  async persist(): Promise<void> {}

  /** Called once at start (write-behind stores load what the previous run saw). */
  async load(): Promise<void> {}
}

/**
 * The embedded database has exactly one API process (its data directory is locked), so the nonces seen in
 * memory are all there are: claims are answered from memory, without a commit per request (PGlite writes
 * every commit synchronously on the event loop). They are still written to `device_nonces` in the
 * background every second and read back at start, so a restart does not reopen the replay window.
 * Revocation and rotation reach this process's credential cache directly (CredentialChanges).
 */
export class LocalNonceStore extends NonceStore {
  private readonly seen = new Map<string, number>();
  private unsaved: { deviceId: string; nonce: string; expiresAt: Date }[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly now: () => number = Date.now,
  ) {
    super(db);
  }

  override claim(deviceId: string, nonce: string, expiresAt: Date): Promise<NonceClaim> {
    const key = `${deviceId}\n${nonce}`;
    const known = this.seen.get(key);
    if (known !== undefined && known > this.now()) return Promise.resolve({ fresh: false, revoked: false, secretVersion: null });
    this.seen.set(key, expiresAt.getTime());
    this.unsaved.push({ deviceId, nonce, expiresAt });
    return Promise.resolve({ fresh: true, revoked: false, secretVersion: null });
  }

  override async persist(): Promise<void> {
    const batch = this.unsaved;
    this.unsaved = [];
    for (let i = 0; i < batch.length; i += 1000) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve)); // let requests in between statements
      const part = batch.slice(i, i + 1000);
      try {
        await this.db.query(`SELECT count(*) FROM zizhu_device_claim_nonces($1::uuid[], $2::text[], $3::timestamptz[])`, [
          part.map((p) => p.deviceId),
          part.map((p) => p.nonce),
          part.map((p) => p.expiresAt),
        ]);
      } catch (error) {
        this.unsaved.push(...part);
        throw error;
      }
    }
    const now = this.now();
    if (this.seen.size > 10_000) for (const [key, expires] of this.seen) if (expires <= now) this.seen.delete(key);
  }

  override async load(): Promise<void> {
    const rows = (await withSystem(this.db, (m) => m.query(`SELECT device_id, nonce, expires_at FROM device_nonces WHERE expires_at > now()`))) as { device_id: string; nonce: string; expires_at: Date }[];
    for (const row of rows) this.seen.set(`${row.device_id}\n${row.nonce}`, row.expires_at.getTime());
  }
}
