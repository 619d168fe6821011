import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createApp } from '../src/app.factory.js';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { DataDirLockedError } from '../src/platform/database/embedded-lock.js';
import { testConfig } from './support/test-app.js';

/** The laptop path: embedded PostgreSQL under DATA_DIR, seeded once, surviving restarts. */
describe('embedded database under DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zizhu-data-'));
  const config = testConfig({ kind: 'embedded', dataDir }, { jwtSecret: null });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds on first start, keeps data and logins across a restart, and never seeds twice', async () => {
    const first = await createApp(config);
    expect(first.seeded).toBe(true);
    const login = await first.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: 'ops@fridge.demo', password: 'zizhu-demo' }) });
    const { accessToken } = login.json() as { accessToken: string };
    const renamed = await first.app.inject({
      method: 'PATCH',
      url: `/v1/organizations/${DEMO_ORGS.fridge.id}`,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: '鲜柜 改名后' }),
    });
    expect(renamed.statusCode).toBe(200);
    expect(readFileSync(join(dataDir, 'zizhu.pid'), 'utf8')).toBe(String(process.pid));

    // a second process on the same DATA_DIR would silently lose writes: it is refused
    await expect(createApp(config)).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();

    const second = await createApp(config);
    try {
      expect(second.seeded).toBe(false);
      // the access token from before the restart still verifies: the signing secret is kept under DATA_DIR
      const org = await second.app.inject({ method: 'GET', url: `/v1/organizations/${DEMO_ORGS.fridge.id}`, headers: { authorization: `Bearer ${accessToken}` } });
      expect(org.statusCode).toBe(200);
      expect((org.json() as { name: string }).name).toBe('鲜柜 改名后');
    } finally {
      await second.close();
    }
    // three app starts on one embedded database: 11 s alone on this machine, over the default 30 s under a parallel CI run
  }, 120_000);

  it('does not seed when SEED_DEMO is false', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zizhu-empty-'));
    const app = await createApp(testConfig({ kind: 'embedded', dataDir: dir }, { seedDemo: false }));
    try {
      expect(app.seeded).toBe(false);
      const login = await app.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: 'admin@zizhu.demo', password: 'zizhu-demo' }) });
      expect(login.statusCode).toBe(401);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
