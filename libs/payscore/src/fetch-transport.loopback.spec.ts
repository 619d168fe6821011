import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PayScoreClient } from './client.js';
import { createFetchTransport } from './transport.js';
import { signWechatpayMessage, verifyRequestAuthorization } from './signature.js';
import { APPID, FakeWechat, MCHID, MERCHANT_SERIAL, PUB_KEY_ID, SERVICE_ID, serviceOrder } from './test-support/fake-wechat.js';

const keys = new FakeWechat();
let server: Server;
let base = '';
const seen: { path: string; signatureValid: boolean }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const body = Buffer.concat(chunks);
      const signatureValid =
        verifyRequestAuthorization({ method: req.method ?? '', pathAndQuery: path, body, authorization: req.headers.authorization }, keys.merchant.publicKey) !== undefined;
      seen.push({ path, signatureValid });
      if (path.startsWith('/slow')) {
        setTimeout(() => res.end('late'), 500);
        return;
      }
      const answer = signatureValid ? JSON.stringify(serviceOrder()) : JSON.stringify({ code: 'SIGN_ERROR', message: '错误的签名，验签失败' });
      const headers = signWechatpayMessage({ body: answer, privateKey: keys.platform.privateKey, serial: PUB_KEY_ID, timestamp: Math.floor(Date.now() / 1000), nonce: 'LOOPBACK' });
      res.writeHead(signatureValid ? 200 : 401, { ...headers, 'Content-Type': 'application/json', 'Request-ID': 'loop-1' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the default fetch transport over real loopback HTTP', () => {
  it('returns status, lower-cased headers and the raw body', async () => {
    const transport = createFetchTransport({ timeoutMs: 2000 });
    const res = await transport({ method: 'GET', url: `${base}/v3/payscore/serviceorder?out_order_no=x`, headers: { Accept: 'application/json' } });
    expect(res.status).toBe(401);
    expect(res.headers['wechatpay-serial']).toBe(PUB_KEY_ID);
    expect(res.body).toContain('SIGN_ERROR');
  });

  it('times out as PAYSCORE_TIMEOUT (retryable)', async () => {
    const transport = createFetchTransport({ timeoutMs: 50 });
    await expect(transport({ method: 'GET', url: `${base}/slow`, headers: {} })).rejects.toMatchObject({ code: 'PAYSCORE_TIMEOUT', retryable: true });
  });

  it('fails a refused connection as PAYSCORE_NETWORK_ERROR (retryable)', async () => {
    const transport = createFetchTransport({ timeoutMs: 2000 });
    await expect(transport({ method: 'GET', url: 'http://127.0.0.1:1/v3/x', headers: {} })).rejects.toMatchObject({ code: 'PAYSCORE_NETWORK_ERROR', retryable: true });
  });

  it('carries a full signed call: the server verifies the request, the client verifies the real-time signed answer', async () => {
    const client = new PayScoreClient({
      mchid: MCHID,
      merchantSerialNo: MERCHANT_SERIAL,
      merchantPrivateKey: keys.merchant.privateKeyPem,
      platformKeys: { [PUB_KEY_ID]: keys.platform.publicKeyPem },
      appid: APPID,
      serviceId: SERVICE_ID,
      baseUrl: base,
    });
    const order = await client.queryOrder({ out_order_no: 'zzORDER0001' });
    expect(order.out_order_no).toBe('zzORDER0001');
    expect(seen.at(-1)).toEqual({ path: `/v3/payscore/serviceorder?out_order_no=zzORDER0001&service_id=${SERVICE_ID}&appid=${APPID}`, signatureValid: true });
  });
});
