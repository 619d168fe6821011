// Test support: merchants with their own RSA keys, a minimal APIv3 signing client written from the
// protocol (node:crypto only), and a callback receiver on port 0.
import { createDecipheriv, createPublicKey, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/server.js';

export interface TestMerchant {
  readonly mchid: string;
  readonly serialNo: string;
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly apiV3Key: string;
  readonly apiV2Key: string;
  readonly appid: string;
  readonly otherAppid: string;
  /** DEPOSIT_WAIVED, VENDING-free scenario (WATER), cap 20000. */
  readonly depositServiceId: string;
  /** USE_FIRST, WATER, cap 5000. */
  readonly useFirstServiceId: string;
}

let counter = 0;
const keyPool: Array<{ privateKey: KeyObject; publicKeyPem: string }> = [];

/** RSA-2048 pairs are slow to generate: tests share a small pool. */
export function keyPair(index: number): { privateKey: KeyObject; publicKeyPem: string } {
  while (keyPool.length <= index) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keyPool.push({ privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  }
  return keyPool[index] as { privateKey: KeyObject; publicKeyPem: string };
}

export function newMerchant(keyIndex = 0): TestMerchant {
  counter += 1;
  const n = String(counter).padStart(3, '0');
  const keys = keyPair(keyIndex);
  return {
    mchid: `1900000${n}`,
    serialNo: randomBytes(20).toString('hex').toUpperCase(),
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    apiV3Key: randomBytes(16).toString('hex'),
    apiV2Key: randomBytes(16).toString('hex'),
    appid: `wx${randomBytes(8).toString('hex')}`,
    otherAppid: `wx${randomBytes(8).toString('hex')}`,
    depositServiceId: `20020000000005${n}0001`,
    useFirstServiceId: `20020000000005${n}0002`,
  };
}

export function registrationBody(m: TestMerchant): Record<string, unknown> {
  return {
    mchid: m.mchid,
    serialNo: m.serialNo,
    publicKeyPem: m.publicKeyPem,
    apiV3Key: m.apiV3Key,
    apiV2Key: m.apiV2Key,
    appids: [m.appid],
    services: [
      { serviceId: m.depositServiceId, scenario: 'WATER', mode: 'DEPOSIT_WAIVED', riskCapFen: 20000 },
      { serviceId: m.useFirstServiceId, scenario: 'WATER', mode: 'USE_FIRST', riskCapFen: 5000 },
    ],
  };
}

export interface WxResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown>;
  /** The answer's Wechatpay-Signature verified with the platform public key (plain node:crypto). */
  readonly verified: boolean;
}

export function verifyWechatpaySignature(platformPublicKeyPem: string, headers: { get(name: string): string | null }, body: string): boolean {
  const ts = headers.get('wechatpay-timestamp');
  const nonce = headers.get('wechatpay-nonce');
  const sig = headers.get('wechatpay-signature');
  if (!ts || !nonce || !sig) return false;
  return createVerify('RSA-SHA256').update(`${ts}\n${nonce}\n${body}\n`).verify(createPublicKey(platformPublicKeyPem), sig, 'base64');
}

export interface SignOptions {
  /** Sign with this key instead of the merchant's. */
  readonly signWith?: KeyObject;
  readonly serialNo?: string;
  readonly timestamp?: number;
  /** Send a different body than the one signed. */
  readonly sendBody?: string;
}

export function authorization(m: TestMerchant, method: string, url: string, body: string, o: SignOptions = {}): string {
  const ts = String(o.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${method}\n${url}\n${ts}\n${nonce}\n${body}\n`)
    .sign(o.signWith ?? m.privateKey, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${m.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${ts}",serial_no="${o.serialNo ?? m.serialNo}"`;
}

export class WxTestClient {
  constructor(
    readonly baseUrl: string,
    readonly merchant: TestMerchant,
    readonly platformPublicKeyPem: string,
  ) {}

  async call(method: 'GET' | 'POST', url: string, body?: unknown, o: SignOptions = {}): Promise<WxResponse> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'zizhu-sim-tests',
      Authorization: authorization(this.merchant, method, url, text, o),
    };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${url}`, { method, headers, ...(method === 'POST' ? { body: o.sendBody ?? text } : {}) });
    const resText = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = resText ? (JSON.parse(resText) as Record<string, unknown>) : {};
    } catch {
      json = {};
    }
    return { status: res.status, headers: res.headers, text: resText, json, verified: verifyWechatpaySignature(this.platformPublicKeyPem, res.headers, resText) };
  }

  post(url: string, body: unknown, o?: SignOptions): Promise<WxResponse> {
    return this.call('POST', url, body, o);
  }

  get(url: string, o?: SignOptions): Promise<WxResponse> {
    return this.call('GET', url, undefined, o);
  }
}

export async function simPost(sim: Simulator, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export async function simGet(sim: Simulator, path: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}${path}`);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export interface ReceivedCallback {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly envelope: Record<string, unknown>;
  readonly status: number;
}

export interface CallbackReceiver {
  readonly url: string;
  readonly received: ReceivedCallback[];
  /** Status to answer for the n-th callback (0-based); default 204. */
  respond: (index: number, body: string, headers: IncomingHttpHeaders) => number;
  waitFor(predicate: (all: ReceivedCallback[]) => boolean, timeoutMs?: number): Promise<ReceivedCallback[]>;
  close(): Promise<void>;
}

export async function startReceiver(path = '/payscore/notify'): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const receiver: CallbackReceiver = {
    url: '',
    received,
    respond: () => 204,
    async waitFor(predicate, timeoutMs = 5000) {
      const start = Date.now();
      while (!predicate(received)) {
        if (Date.now() - start > timeoutMs) throw new Error(`callbacks not as expected after ${timeoutMs} ms: ${JSON.stringify(received.map((r) => r.envelope['event_type']))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return received;
    },
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = receiver.respond(received.length, body, req.headers);
      let envelope: Record<string, unknown> = {};
      try {
        envelope = JSON.parse(body) as Record<string, unknown>;
      } catch {
        envelope = {};
      }
      received.push({ headers: req.headers, body, envelope, status });
      res.statusCode = status;
      res.end(status >= 300 ? JSON.stringify({ code: 'FAIL', message: '失败' }) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return receiver;
}

/** Decrypts a callback's resource with the APIv3 key (AES-256-GCM, tag checked). */
export function decryptCallback(apiV3Key: string, envelope: Record<string, unknown>): Record<string, unknown> {
  const resource = envelope['resource'] as { ciphertext: string; nonce: string; associated_data: string };
  const data = Buffer.from(resource.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(resource.nonce));
  decipher.setAAD(Buffer.from(resource.associated_data));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as Record<string, unknown>;
}

export function verifyCallback(platformPublicKeyPem: string, cb: ReceivedCallback): boolean {
  const h = (name: string): string | null => {
    const v = cb.headers[name];
    return typeof v === 'string' ? v : null;
  };
  return verifyWechatpaySignature(platformPublicKeyPem, { get: h }, cb.body);
}

/** Compressed timings so the whole suite stays fast. */
export const FAST: SimulatorOptions = {
  port: 0,
  debitDelayMs: 30,
  debitRetryMs: 60,
  refundDelayMs: 20,
  callbackRetryScheduleMs: [40, 40, 80, 80, 80, 80, 80, 80, 80],
  callbackTimeoutMs: 1000,
};

export interface Harness {
  readonly sim: Simulator;
  readonly merchant: TestMerchant;
  readonly client: WxTestClient;
  readonly receiver: CallbackReceiver;
  close(): Promise<void>;
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await createSimulator({ ...FAST, ...options });
  const merchant = newMerchant();
  const reg = await simPost(sim, '/sim/merchants', registrationBody(merchant));
  if (reg.status !== 200) throw new Error(`registration failed: ${JSON.stringify(reg.json)}`);
  const client = new WxTestClient(sim.url, merchant, String(reg.json['platformPublicKeyPem']));
  const receiver = await startReceiver();
  return {
    sim,
    merchant,
    client,
    receiver,
    async close() {
      await sim.close();
      await receiver.close();
    },
  };
}

let orderCounter = 0;
export const newOrderNo = (prefix = 'T'): string => `${prefix}${Date.now().toString(36)}${(orderCounter++).toString(36)}`.toUpperCase();

/** Beijing 'yyyyMMddHHmmss' of a real-time instant offset by `deltaSec`. */
export function bjTime(deltaSec = 0, base = Date.now()): string {
  const t = new Date(base + deltaSec * 1000 + 8 * 3600 * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(t.getUTCFullYear(), 4)}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}`;
}

export function createBody(h: Harness, outOrderNo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    out_order_no: outOrderNo,
    appid: h.merchant.appid,
    service_id: h.merchant.useFirstServiceId,
    service_introduction: '校园热水',
    post_payments: [{ name: '计费规则', description: '0.25元/升' }],
    risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 3000, description: '预估热水费用' },
    time_range: { start_time: 'OnAccept' },
    notify_url: h.receiver.url,
    attach: 'dev%3DW01',
    ...overrides,
  };
}

export function completeBody(h: Harness, total: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: h.merchant.appid,
    service_id: h.merchant.useFirstServiceId,
    post_payments: [{ name: '热水费用', amount: total, description: `${total}分` }],
    total_amount: total,
    time_range: { end_time: bjTime(0) },
    ...overrides,
  };
}

/** create → user confirms → (optionally) complete; returns the out_order_no. */
export async function confirmedOrder(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const no = newOrderNo();
  const created = await h.client.post('/v3/payscore/serviceorder', createBody(h, no, overrides));
  if (created.status !== 200) throw new Error(`create failed: ${created.text}`);
  const confirmed = await simPost(h.sim, `/sim/orders/${no}/confirm`, { openid: 'o_user_1', outcome: 'confirm' });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${JSON.stringify(confirmed.json)}`);
  return no;
}

export async function queryOrder(h: Harness, no: string, serviceId = h.merchant.useFirstServiceId): Promise<WxResponse> {
  return h.client.get(`/v3/payscore/serviceorder?out_order_no=${encodeURIComponent(no)}&service_id=${serviceId}&appid=${h.merchant.appid}`);
}

export interface DecodedCallback {
  readonly callback: ReceivedCallback;
  readonly resource: Record<string, unknown>;
}

/** Callbacks of one event type for one order (decrypted), in arrival order. */
export function eventsFor(h: Harness, eventType: string, outOrderNo: string): DecodedCallback[] {
  return h.receiver.received
    .filter((c) => c.envelope['event_type'] === eventType)
    .map((c) => ({ callback: c, resource: decryptCallback(h.merchant.apiV3Key, c.envelope) }))
    .filter((d) => d.resource['out_order_no'] === outOrderNo);
}

export async function waitForEvents(h: Harness, eventType: string, outOrderNo: string, count = 1, timeoutMs = 5000): Promise<DecodedCallback[]> {
  await h.receiver.waitFor(() => eventsFor(h, eventType, outOrderNo).length >= count, timeoutMs);
  return eventsFor(h, eventType, outOrderNo);
}
