// WeChat's launch checklist (payscore-protocol.md appendix), the parts decided by configuration and source:
// Pay Score 21 (notify_url: HTTPS, public, no query; relaxed for the loopback simulator only) and
// Pay Score 18 (keys never hard-coded). See docs/launch-checklist.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, isLoopbackUrl, parseConfig } from '../src/config/app-config.js';

const WECHAT = 'https://api.mch.weixin.qq.com';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('launch checklist Pay Score 21: notify URLs come from a public HTTPS base URL outside the simulator', () => {
  it('the default (no variables) is the loopback simulator, where http notify URLs are allowed', () => {
    const config = parseConfig({});
    expect(config.payscore).toEqual({
      apiBaseUrl: 'http://127.0.0.1:4010',
      wechatApiBaseUrl: 'http://127.0.0.1:4010',
      publicBaseUrl: 'http://127.0.0.1:3000',
      simulated: true,
    });
  });

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010', 'http://127.8.9.10:4999'])('a loopback simulator %s accepts an http (or absent) PUBLIC_BASE_URL', (sim) => {
    expect(parseConfig({ PAYSCORE_API_BASE_URL: sim }).payscore.simulated).toBe(true);
    expect(parseConfig({ PAYSCORE_API_BASE_URL: sim, PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }).payscore.publicBaseUrl).toBe('http://127.0.0.1:3000');
    expect(parseConfig({ PAYSCORE_API_BASE_URL: sim, PUBLIC_BASE_URL: 'http://192.168.1.20:3000' }).payscore.publicBaseUrl).toBe('http://192.168.1.20:3000');
  });

  it('real WeChat with a public HTTPS base URL: accepted, not simulated, trailing slash dropped', () => {
    const config = parseConfig({ PAYSCORE_API_BASE_URL: WECHAT, PUBLIC_BASE_URL: 'https://pay.zizhu.example.com/' });
    expect(config.payscore).toMatchObject({ apiBaseUrl: WECHAT, publicBaseUrl: 'https://pay.zizhu.example.com', simulated: false });
    // a path prefix (behind a reverse proxy) is fine
    expect(parseConfig({ PAYSCORE_API_BASE_URL: WECHAT, PUBLIC_BASE_URL: 'https://zizhu.example.com/api' }).payscore.publicBaseUrl).toBe('https://zizhu.example.com/api');
  });

  it('real WeChat requires PUBLIC_BASE_URL (WeChat must reach the callbacks somewhere)', () => {
    expect(problemsOf({ PAYSCORE_API_BASE_URL: WECHAT })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL: is required outside the local simulator/)]);
  });

  it('real WeChat refuses an http PUBLIC_BASE_URL (WeChat only calls HTTPS notify URLs)', () => {
    expect(problemsOf({ PAYSCORE_API_BASE_URL: WECHAT, PUBLIC_BASE_URL: 'http://pay.zizhu.example.com' })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL: must be https:\/\//)]);
  });

  it.each([
    'https://127.0.0.1',
    'https://localhost:8443',
    'https://10.0.3.4',
    'https://192.168.1.20',
    'https://172.16.0.1',
    'https://172.31.255.1',
    'https://169.254.10.10',
    'https://0.0.0.0',
    'https://zizhu-api',
    'https://api.internal',
    'https://printer.local',
  ])('real WeChat refuses an internal PUBLIC_BASE_URL %s', (pub) => {
    expect(problemsOf({ PAYSCORE_API_BASE_URL: WECHAT, PUBLIC_BASE_URL: pub })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL: must be a public host/)]);
  });

  it('172.15.x and 172.32.x are public: accepted', () => {
    expect(problemsOf({ PAYSCORE_API_BASE_URL: WECHAT, PUBLIC_BASE_URL: 'https://172.15.0.1' })).toEqual([]);
    expect(problemsOf({ PAYSCORE_API_BASE_URL: WECHAT, PUBLIC_BASE_URL: 'https://172.32.0.1' })).toEqual([]);
  });

  it.each(['https://pay.zizhu.example.com/?tenant=1', 'https://pay.zizhu.example.com/#x', 'https://pay.zizhu.example.com?'])(
    'refuses a PUBLIC_BASE_URL carrying a query or fragment (%s), with real WeChat and with the simulator',
    (pub) => {
      expect(problemsOf({ PAYSCORE_API_BASE_URL: WECHAT, PUBLIC_BASE_URL: pub })).toContainEqual(expect.stringMatching(/^PUBLIC_BASE_URL: must not carry a query or fragment/));
      expect(problemsOf({ PUBLIC_BASE_URL: pub.replace('https://pay.zizhu.example.com', 'http://127.0.0.1:3000') })).toEqual([
        expect.stringMatching(/^PUBLIC_BASE_URL: must not carry a query or fragment/),
      ]);
    },
  );

  it('refuses an http WeChat API base outside loopback (callbacks and answers must be TLS)', () => {
    expect(problemsOf({ PAYSCORE_API_BASE_URL: 'http://api.mch.weixin.qq.com', PUBLIC_BASE_URL: 'https://pay.zizhu.example.com' })).toEqual([
      expect.stringMatching(/^PAYSCORE_API_BASE_URL: must be https:\/\/ outside the local simulator/),
    ]);
    // a simulator on another machine is not the loopback simulator: the same rules as WeChat
    expect(problemsOf({ PAYSCORE_API_BASE_URL: 'http://10.0.0.5:4010', PUBLIC_BASE_URL: 'http://10.0.0.6:3000' })).toEqual([
      expect.stringMatching(/^PAYSCORE_API_BASE_URL: must be https:\/\//),
      expect.stringMatching(/^PUBLIC_BASE_URL: must be https:\/\//),
    ]);
  });

  it('loopback means the host, not a prefix of it', () => {
    expect(isLoopbackUrl('http://127.0.0.1:4010')).toBe(true);
    expect(isLoopbackUrl('http://localhost.attacker.example')).toBe(false);
    expect(isLoopbackUrl('http://127.0.0.1.nip.io')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
    expect(problemsOf({ PAYSCORE_API_BASE_URL: 'http://localhost.attacker.example' })).toContainEqual(expect.stringMatching(/^PAYSCORE_API_BASE_URL: must be https:\/\//));
  });
});

describe('launch checklist Pay Score 18: no key is hard-coded in the code that runs', () => {
  const root = resolve(import.meta.dirname, '../../..');
  /** The code that runs against WeChat: the API, the Pay Score client (test fixtures and specs excluded). */
  const sources = ['apps/api/src', 'libs/payscore/src'].flatMap((dir) => walk(join(root, dir))).filter((f) => !/\.(spec|int-spec|e2e-spec)\.ts$/.test(f) && !f.includes('/test-support/'));

  function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
    });
  }

  it('scans a real tree', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some((f) => f.endsWith('merchant-gateway.service.ts'))).toBe(true);
  });

  it('holds no PEM private key, and no APIv3 / APIv2 key, master key or JWT secret literal', () => {
    const offending: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      const where = relative(root, file);
      if (/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(text)) offending.push(`${where}: PEM private key`);
      // apiV3Key: '0123…' / apiV2Key = "…" / MASTER_KEY: '…' / jwtSecret: '…' with a literal value
      for (const m of text.matchAll(/\b(api_?v[23]_?key|master_?key|jwt_?secret|app_?secret)\b\s*[:=]\s*(['"`])([^'"`]{16,})\2/gi)) {
        offending.push(`${where}: ${m[1]} = ${m[3]!.slice(0, 6)}…`);
      }
    }
    expect(offending).toEqual([]);
  });
});
