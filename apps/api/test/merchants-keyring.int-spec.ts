import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isPayScoreError, outOrderNoFor } from '@zizhu/payscore';
import { createSimulator, type Simulator } from '@zizhu/payscore-sim';
import { createApp, type ZizhuApp } from '../src/app.factory.js';
import type { AppConfig } from '../src/config/app-config.js';
import { DEMO_MERCHANTS } from '../src/modules/demo/demo-data.js';
import { MerchantBootService } from '../src/modules/merchants/merchant-boot.service.js';
import { MerchantGateway } from '../src/modules/merchants/merchant-gateway.service.js';
import { masterKeyId } from '../src/platform/crypto/envelope.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { systemQuery } from './fleet-support.js';
import { freshDatabaseConfig, testConfig } from './support/test-app.js';

/**
 * Master-key rotation without downtime, on a database that outlives the API process: accounts sealed under
 * key A; restarted with MASTER_KEY=B + MASTER_KEY_PREVIOUS=A they still open and the boot re-wraps them all
 * to B (credentials untouched); then B alone works; a key that wrapped nothing here is a clear error.
 */
describe('merchant credentials across a master-key rotation', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-keyring-'));
  const [keyA, keyB, keyC] = [randomBytes(32), randomBytes(32), randomBytes(32)];
  let database: AppConfig['database'];
  let drop: () => Promise<void> = async () => undefined;
  let sim: Simulator;

  beforeAll(async () => {
    sim = await createSimulator({ port: 0 });
    if (process.env.DATABASE_URL) {
      const fresh = await freshDatabaseConfig();
      database = fresh.database;
      drop = fresh.drop;
    } else {
      database = { kind: 'embedded', dataDir };
    }
  });
  afterAll(async () => {
    await sim?.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (masterKey: Buffer, previous: Buffer | null, simulator: Simulator = sim): Promise<ZizhuApp> =>
    createApp(
      testConfig(database, {
        dataDir,
        masterKey: masterKey.toString('hex'),
        masterKeyPrevious: previous ? previous.toString('hex') : null,
        payscore: { apiBaseUrl: simulator.url, wechatApiBaseUrl: simulator.url, publicBaseUrl: 'http://127.0.0.1:3000', simulated: true },
      }),
    );
  const accounts = (app: ZizhuApp) =>
    systemQuery<{ id: string; master_key_id: string; credentials_ciphertext: string; dek_ciphertext: string; platform_public_key_id: string }>(
      app,
      `SELECT id, master_key_id, credentials_ciphertext, dek_ciphertext, platform_public_key_id FROM merchant_accounts ORDER BY id`,
    );
  /** Each demo account's APIv2 key (from its decrypted handle) and whether a signed query verifies. */
  const handles = (app: ZizhuApp) =>
    app.app.get(Transactions).asSystem(async (m) => {
      const out: Record<string, { apiV2Key: string; code: unknown }> = {};
      for (const merchant of Object.values(DEMO_MERCHANTS)) {
        const handle = await app.app.get(MerchantGateway).forAccount(m, merchant.id);
        const error = await handle.client.queryOrder({ out_order_no: outOrderNoFor(merchant.id), service_id: merchant.services[0].serviceId }).catch((e: unknown) => e);
        out[merchant.id] = { apiV2Key: handle.apiV2Key, code: isPayScoreError(error) && error.verified ? error.code : error };
      }
      return out;
    });

  it('rotates A → B without downtime, then runs on B alone; an unknown key id is named, never the key', async () => {
    const first = await start(keyA, null);
    let before: Awaited<ReturnType<typeof accounts>>;
    let keysBefore: Awaited<ReturnType<typeof handles>>;
    try {
      before = await accounts(first);
      expect(before).toHaveLength(Object.keys(DEMO_MERCHANTS).length);
      expect(new Set(before.map((a) => a.master_key_id))).toEqual(new Set([masterKeyId(keyA)]));
      keysBefore = await handles(first);
      for (const k of Object.values(keysBefore)) expect(k.code).toBe('PAYSCORE_ORDER_NOT_FOUND');
    } finally {
      await first.close();
    }

    const rotating = await start(keyB, keyA);
    try {
      const after = await accounts(rotating);
      expect(new Set(after.map((a) => a.master_key_id))).toEqual(new Set([masterKeyId(keyB)]));
      // only the wrapped data keys changed; the sealed credentials are byte for byte the same
      expect(after.map((a) => a.credentials_ciphertext)).toEqual(before.map((a) => a.credentials_ciphertext));
      expect(after.map((a) => a.dek_ciphertext)).not.toEqual(before.map((a) => a.dek_ciphertext));
      expect(await handles(rotating)).toEqual(keysBefore);
      // a second run (another process) finds nothing left to do
      expect(await rotating.app.get(MerchantBootService).rewrapAll()).toEqual({ rewrapped: 0, unknownKeyIds: [] });
    } finally {
      await rotating.close();
    }

    // B alone, and a simulator restarted meanwhile (new platform key): registered again at boot
    const sim2 = await createSimulator({ port: 0 });
    const onlyB = await start(keyB, null, sim2);
    try {
      expect(new Set((await accounts(onlyB)).map((a) => a.platform_public_key_id))).toEqual(new Set([sim2.platformPublicKeyId]));
      expect(await handles(onlyB)).toEqual(keysBefore);
    } finally {
      await onlyB.close();
      await sim2.close();
    }

    // a process started with a key that wrapped nothing here boots, and says which key id it lacks
    const wrong = await start(keyC, null);
    try {
      expect(await wrong.app.get(MerchantBootService).rewrapAll()).toEqual({ rewrapped: 0, unknownKeyIds: [masterKeyId(keyB)] });
      const error = await wrong.app
        .get(Transactions)
        .asSystem((m) => wrong.app.get(MerchantGateway).forAccount(m, DEMO_MERCHANTS.powerbank.id))
        .then(
          () => ({ code: 'OPENED', message: '' }),
          (e: unknown) => e as Error & { code: string },
        );
      expect(error).toMatchObject({ code: 'MERCHANT_CREDENTIALS_UNREADABLE' });
      expect(error.message).toContain(`master key ${masterKeyId(keyB)}`);
      for (const key of [keyA, keyB, keyC]) {
        expect(error.message).not.toContain(key.toString('hex'));
        expect(error.message).not.toContain(key.toString('base64url'));
      }
    } finally {
      await wrong.close();
    }
    // four app starts on one database: 16 s alone on this machine, over the default 30 s under a parallel CI run
  }, 120_000);
});
