import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { answerError, postWebhook, RESPONSE_READ_BYTES, type Resolver, sanitiseEcho } from './webhook-post.js';

describe('postWebhook: one resolution, checked and connected to; at most 1 KB of the answer read', () => {
  let server: Server;
  let port: number;
  const hits: { path: string; host: string | undefined; body: string }[] = [];
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/ok': (_req, res) => res.writeHead(204).end(),
    // an endless answer: the server keeps writing until the client goes away
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    '/secret-500': (_req, res) => res.writeHead(500).end('internal: db password hunter2 at 10.0.0.5'),
    '/bad-signature': (_req, res) => res.writeHead(401).end(`signature\u0000 mismatch\r\n${'y'.repeat(500)}`),
    '/redirect': (_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end(),
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hits.push({ path: req.url ?? '', host: req.headers.host, body });
        (routes[req.url ?? ''] ?? ((_q, s) => s.writeHead(404).end()))(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = { headers: { 'content-type': 'application/json' }, body: '{"a":1}', timeoutMs: 5_000 };

  it('DNS rebinding: a name answering a public address to a first look-up and a private one later is checked on the address it connects to', async () => {
    // the attacker's resolver: public for the first question (the old separate check), loopback for every later one (fetch)
    let asked = 0;
    const rebinding: Resolver = async () => (asked++ === 0 ? [{ address: '203.0.113.10', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const seen = hits.length;
    // one resolution only: the public answer is the one connected to (nothing listens there here: it fails, or times out)
    const result = await postWebhook(`http://hooks.example.com:${port}/ok`, { ...post, timeoutMs: 300, allowPrivate: false, resolve: rebinding });
    expect(asked).toBe(1);
    expect(result.kind).toBe('failed');
    expect(hits.length).toBe(seen);
    // a name answering a private address is refused before any byte is sent
    const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await postWebhook(`http://hooks.example.com:${port}/ok`, { ...post, allowPrivate: false, resolve: loopback })).toEqual({ kind: 'refused', refusal: 'PRIVATE_ADDRESS' });
    const mixed: Resolver = async () => [{ address: '203.0.113.10', family: 4 }, { address: '::ffff:10.0.0.1', family: 6 }];
    expect(await postWebhook(`http://hooks.example.com:${port}/ok`, { ...post, allowPrivate: false, resolve: mixed })).toEqual({ kind: 'refused', refusal: 'PRIVATE_ADDRESS' });
    expect(hits.length).toBe(seen);
    // a name that does not resolve
    const nothing: Resolver = async () => Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
    expect(await postWebhook(`http://nowhere.example.com:${port}/ok`, { ...post, allowPrivate: false, resolve: nothing })).toEqual({ kind: 'refused', refusal: 'INVALID' });
    // literal private addresses and non-http URLs are refused by the URL rules
    expect(await postWebhook(`http://127.0.0.1:${port}/ok`, { ...post, allowPrivate: false })).toEqual({ kind: 'refused', refusal: 'PRIVATE_ADDRESS' });
    expect(await postWebhook('ftp://example.com/x', { ...post, allowPrivate: false })).toEqual({ kind: 'refused', refusal: 'NOT_HTTP' });
  });

  it('connects to the resolved address under the URL’s host name (private allowed outside production)', async () => {
    const loopback: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const result = await postWebhook(`http://hooks.example.com:${port}/ok`, { ...post, allowPrivate: true, resolve: loopback });
    expect(result).toEqual({ kind: 'answered', status: 204, body: '' });
    expect(hits.at(-1)).toEqual({ path: '/ok', host: `hooks.example.com:${port}`, body: '{"a":1}' });
  });

  it('an endless answer is read to 1 KB and cancelled; no redirect is followed', async () => {
    const endless = await postWebhook(`http://127.0.0.1:${port}/endless`, { ...post, allowPrivate: true });
    expect(endless.kind).toBe('answered');
    expect(endless.kind === 'answered' && endless.body.length).toBe(RESPONSE_READ_BYTES);
    const redirect = await postWebhook(`http://127.0.0.1:${port}/redirect`, { ...post, allowPrivate: true });
    expect(redirect).toMatchObject({ kind: 'answered', status: 302 });
    expect(hits.some((h) => h.path === '/elsewhere')).toBe(false);
  });

  it('a receiver’s answer is echoed only as a short sanitised prefix of a 4xx', async () => {
    const secret = await postWebhook(`http://127.0.0.1:${port}/secret-500`, { ...post, allowPrivate: true });
    expect(secret.kind === 'answered' && answerError(secret.status, secret.body)).toBe('HTTP 500');
    const refused = await postWebhook(`http://127.0.0.1:${port}/bad-signature`, { ...post, allowPrivate: true });
    const error = refused.kind === 'answered' ? answerError(refused.status, refused.body) : '';
    expect(error.startsWith('HTTP 401: signature mismatch y')).toBe(true);
    expect(error.length).toBeLessThanOrEqual('HTTP 401: '.length + 100);
    expect(sanitiseEcho('a\u0007b\n\nc')).toBe('a b c');
  });
});
