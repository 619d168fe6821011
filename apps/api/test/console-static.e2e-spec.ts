import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/x-abc.js"></script></head><body><div id="root"></div></body></html>';
const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The merchant console served by the API process from CONSOLE_DIR (issue 11). */
describe('the console at /', () => {
  let dir: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zizhu-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'x-abc.js'), 'console.log("console")');
    writeFileSync(join(dir, 'favicon.ico'), 'ico');
    t = await createTestApp({ consoleDir: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache, instead of the landing page', async () => {
    const response = await t.http('GET', '/', { headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX);
    // revalidation is cheap: the validators come back and a match is 304
    const etag = response.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await t.http('GET', '/', { headers: { ...html, 'if-none-match': etag } })).statusCode).toBe(304);
    // curl or an uptime probe (Accept: */*) gets the console at / too
    const plain = await t.http('GET', '/', { headers: { accept: '*/*' } });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(INDEX);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const response = await t.http('GET', '/assets/x-abc.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log("console")');
  });

  it('answers a missing asset with the API’s problem+json 404, never index.html', async () => {
    const response = await t.http('GET', '/assets/gone-123.js', { headers: html });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.http('GET', '/assets/../index.html')).body).not.toBe(INDEX);
  });

  it('falls back to index.html for the console’s routes when HTML is asked for (a bookmark, a reload)', async () => {
    for (const url of ['/login', '/devices', '/devices/00000000-0000-4000-8000-000000000501', '/sessions?state=PAID', '/merchant-accounts']) {
      const response = await t.http('GET', url, { headers: html });
      expect({ url, status: response.statusCode, cache: response.headers['cache-control'], body: response.body }).toEqual({ url, status: 200, cache: 'no-cache', body: INDEX });
    }
    // not for a client asking for JSON
    const json = await t.http('GET', '/devices', { headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves other files at the root of dist (favicon.ico) with no-cache', async () => {
    const response = await t.http('GET', '/favicon.ico');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the API’s paths alone: unknown /v1, /device, /health and /sim paths are problem+json 404s, the docs still answer', async () => {
    for (const url of ['/v1/nothing-here', '/v1', '/device/v1/nothing', '/health/nothing', '/sim/phone', '/docs/nothing.js']) {
      const response = await t.http('GET', url, { headers: html });
      expect({ url, status: response.statusCode, type: response.headers['content-type'] }).toEqual({ url, status: 404, type: expect.stringMatching(/^application\/problem\+json/) });
    }
    expect((await t.http('GET', '/docs', { headers: html })).statusCode).toBe(200);
    expect((await t.http('GET', '/docs/openapi.json')).json()).toMatchObject({ openapi: expect.any(String) });
    expect((await t.http('GET', '/health/live')).statusCode).toBe(200);
    expect((await t.http('POST', '/v1/auth/login', { body: { login: 'admin@zizhu.demo', password: 'zizhu-demo' } })).statusCode).toBe(200);
  });

  it('does not take other methods: a POST to a console route is the API’s 404', async () => {
    const response = await t.http('POST', '/devices', { body: {} });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('no console built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ consoleDir: join(tmpdir(), 'zizhu-no-console-here') });
  });
  afterAll(() => t?.close());

  it('keeps the landing page at /, saying how to build the console; other paths stay 404', async () => {
    const response = await t.http('GET', '/', { headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<a href="/docs">');
    expect(response.body).toContain('npx nx run console:build');
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await t.http('GET', '/devices', { headers: html })).statusCode).toBe(404);
    expect((await t.http('GET', '/assets/x-abc.js')).statusCode).toBe(404);
  });
});
