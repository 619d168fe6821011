// Backups of the embedded database (issue 16): `npm run backup` while the API runs, `npm run restore` into an empty
// DATA_DIR, and the API booted from the restore still has the paid session, its ledger entries, a device's secret
// and the merchant credentials (a refund is signed with the restored merchant key and its callback decrypted).
// The backup is of the embedded database by nature, so this file always runs one on a temporary DATA_DIR, also in
// CI's server run (a server is backed up with pg_dump: README, Backups).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSimulator, type Simulator } from '@zizhu/payscore-sim';
import { DeviceClient } from '@zizhu/device-sdk';
import { BACKUP_FORMAT, unpackBackup } from '../src/platform/backup/backup-archive.js';
import { BackupError, restoreBackup, takeBackup } from '../src/platform/backup/backup.js';
import { CONTROL_FILE } from '../src/platform/backup/backup-control.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type OperatorSession = { state: string; paidFen: number; refundedFen: number; outOrderNo: string };
type LedgerRow = { source_kind: string; account: string; debit_fen: number; credit_fen: number; tenant_id: string };

const idem = () => ({ 'idempotency-key': randomUUID() });
const sessionsConfig = { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 };
const root = mkdtempSync(join(tmpdir(), 'zizhu-backup-'));
const dataDir = join(root, 'data');
const restoredDir = join(root, 'restored'); // missing: the restore creates it
let sim: Simulator;
let loop: LoopHarness | undefined;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ledgerOf = (h: LoopHarness, sessionId: string) =>
  systemQuery<LedgerRow>(
    h.zizhu,
    `SELECT source_kind, account, debit_fen, credit_fen, tenant_id FROM ledger_entries WHERE source_kind = 'SESSION_PAID' AND source_id = $1 ORDER BY line_no`,
    [sessionId],
  );

beforeAll(async () => {
  // one simulator for both API lives: "WeChat" keeps the merchants and orders across the restore
  sim = await createSimulator({ port: 0, debitDelayMs: 50, debitRetryMs: 200, refundDelayMs: 50, callbackRetryScheduleMs: [100, 200, 400, 800, 1600, 3200] });
});

afterAll(async () => {
  await loop?.close();
  await sim?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('a backup taken while the API runs restores into an empty DATA_DIR with its sessions, ledger and secrets', async () => {
    loop = await LoopHarness.start({ database: { kind: 'embedded', dataDir }, simulator: sim, sessions: sessionsConfig });
    expect(loop.zizhu.seeded).toBe(true);
    const ops = await loop.operator('ops@fridge.demo');

    // a device with a secret of its own (rotated: the demo's is not the one it will sign with)
    const fridge = await loop.demoDevice('FR-0001', ops);
    const device = (baseUrl: string, secret: string) => new DeviceClient({ baseUrl, deviceId: fridge.deviceId, secret });
    expect(await device(loop.apiUrl, fridge.secret).heartbeat({ firmware: '2.0.0' })).toMatchObject({ heartbeatIntervalSeconds: expect.any(Number) });

    // a paid session, charged through the brand's merchant account, with its ledger postings
    const openid = 'backed-up';
    const consumer = await loop.consumer(openid);
    const scanned = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: consumer, body: { deviceCode: 'FR-0001' } });
    expect(scanned.status).toBe(201);
    const { sessionId, outOrderNo } = scanned.body;
    expect((await loop.decide(outOrderNo, openid, 'confirm')).status).toBe(200);
    await loop.waitFor(sessionId, consumer, (s) => s['state'] === 'STARTING');
    const ended = await loop.request('POST', `/v1/sessions/${sessionId}/end`, {
      token: ops,
      headers: idem(),
      body: { endedAt: new Date().toISOString(), reason: '备份测试', usage: { items: [{ sku: 'sandwich-ham', count: 1 }] } },
    });
    expect(ended.status).toBe(200);
    expect((await loop.waitFor(sessionId, consumer, (s) => s['state'] === 'PAID'))['state']).toBe('PAID');
    const paid = (await loop.request<OperatorSession>('GET', `/v1/sessions/${sessionId}`, { token: ops })).body;
    expect(paid).toMatchObject({ state: 'PAID', refundedFen: 0 });
    expect(paid.paidFen).toBeGreaterThan(0);
    const ledger = await ledgerOf(loop, sessionId);
    expect(ledger.length).toBeGreaterThan(0);

    // the backup, while the API serves devices (their writes queue behind the dump, none is lost or half-copied)
    const running = loop;
    const busy = Promise.all(Array.from({ length: 10 }, (_, i) => device(running.apiUrl, fridge.secret).heartbeat({ firmware: `2.0.${i}` })));
    const { archive, taken } = await takeBackup({ dataDir, masterKey: null });
    await busy;
    expect(taken).toBe('online');
    const { manifest, entries } = await unpackBackup(archive);
    expect(manifest).toMatchObject({ format: BACKUP_FORMAT, taken: 'online', masterKeySource: 'data-dir' });
    // (the tests pass JWT_SECRET, so there is no jwt-secret file under DATA_DIR to carry)
    expect([...entries.keys()].sort()).toEqual(['demo-devices.json', 'master-key', 'pgdata.tar']);
    // the control file is the running API's, never part of a backup; a wrong token gets nothing
    expect(entries.has(CONTROL_FILE)).toBe(false);
    const refused = await fetch(`${loop.apiUrl}/internal/backup`, { method: 'POST', headers: { authorization: 'Bearer not-the-token' } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'BACKUP_TOKEN_INVALID' });

    // after the backup the device gets a new secret: the restore goes back to the backup's
    const rotatedLater = await loop.demoDevice('FR-0001', ops);
    expect(rotatedLater.secret).not.toBe(fridge.secret);
    await loop.close();
    loop = undefined;
    expect(existsSync(join(dataDir, CONTROL_FILE))).toBe(false);

    // a restore never lands on a DATA_DIR that holds anything
    await expect(restoreBackup(archive, dataDir, null)).rejects.toThrow(BackupError);
    await expect(restoreBackup(archive, dataDir, null)).rejects.toThrow(/is not empty/);
    // nor from a damaged file
    const damaged = Buffer.from(archive);
    const at = damaged.length - 20;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    await expect(restoreBackup(damaged, restoredDir, null)).rejects.toThrow(/backup/);
    expect(existsSync(restoredDir) ? readdirSync(restoredDir) : []).toEqual([]);

    const restored = await restoreBackup(archive, restoredDir, null);
    expect(restored.warnings).toEqual([]);
    expect(statSync(restoredDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(restoredDir, 'master-key')).mode & 0o777).toBe(0o600);

    // the API on the restored DATA_DIR: nothing seeded, everything there
    loop = await LoopHarness.start({ database: { kind: 'embedded', dataDir: restoredDir }, simulator: sim, sessions: sessionsConfig });
    expect(loop.zizhu.seeded).toBe(false);
    const ops2 = await loop.operator('ops@fridge.demo');
    expect((await loop.request<OperatorSession>('GET', `/v1/sessions/${sessionId}`, { token: ops2 })).body).toMatchObject({ state: 'PAID', paidFen: paid.paidFen, outOrderNo });
    expect(await ledgerOf(loop, sessionId)).toEqual(ledger);
    expect((await loop.request('GET', '/v1/ledger/check', { token: await loop.operator('admin@zizhu.demo') })).body).toMatchObject({ mismatches: [], unbalancedPostings: [] });

    // the device signs with the secret it had at the backup (sealed under the restored master key); the later one is unknown
    expect(await device(loop.apiUrl, fridge.secret).heartbeat({ firmware: '2.1.0' })).toMatchObject({ heartbeatIntervalSeconds: expect.any(Number) });
    await expect(device(loop.apiUrl, rotatedLater.secret).heartbeat({ firmware: '2.1.0' })).rejects.toMatchObject({ status: 401 });

    // the merchant credentials open: a refund is signed with the account's private key, its callback decrypted with its APIv3 key
    const refund = await loop.request('POST', `/v1/sessions/${sessionId}/refunds`, { token: ops2, headers: idem(), body: { amountFen: 100, reason: '恢复后退款' } });
    expect(refund.status).toBe(202);
    const refunded = await until(
      () => loop!.request<OperatorSession>('GET', `/v1/sessions/${sessionId}`, { token: ops2 }).then((a) => a.body),
      (s) => s.refundedFen === 100,
    );
    expect(refunded.refundedFen).toBe(100);
    const refundPostings = await systemQuery<{ n: number }>(
      loop.zizhu,
      `SELECT count(*)::int AS n FROM ledger_entries l JOIN session_actions a ON l.source_kind = 'REFUND' AND l.source_id = a.id::text WHERE a.session_id = $1 AND a.kind = 'REFUND'`,
      [sessionId],
    );
    expect(refundPostings[0]!.n).toBeGreaterThan(0);
  });
});
