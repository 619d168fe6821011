/**
 * A scripted fake of WeChat's side for the client specs: a {@link Transport} that checks each request's
 * Authorization with the merchant public key (plain node:crypto, independent of the client's signer),
 * records it, asks the test's handler for an answer and signs that answer with the platform key under
 * a fixed clock. Answers can be tampered with after signing, signed under another serial/key/time, or
 * left unsigned.
 */
import { createVerify, type KeyObject } from 'node:crypto';
import { PayScoreClient, type PayScoreClientOptions } from '../client.js';
import { parseAuthorization, signWechatpayMessage } from '../signature.js';
import { generateRsaKeyPair, type RsaKeyPair } from '../testing.js';
import type { HttpRequest, HttpResponse, Transport } from '../transport.js';

/** 2026-11-27T10:00:00+08:00 */
export const FIXED_NOW_MS = Date.UTC(2026, 10, 27, 2, 0, 0);
export const MCHID = '1230000109';
export const MERCHANT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
export const PUB_KEY_ID = 'PUB_KEY_ID_0112300001092026112700000001';
export const APPID = 'wxd678efh567hg6787';
export const SERVICE_ID = '2002000000000558128851361561536';
export const APIV3_KEY = 'a7cde1ZJB1kG2e7VfTs3jQzaAa5O6pGh';

export interface RecordedRequest extends HttpRequest {
  path: string;
  /** Did the Authorization verify with the merchant public key over the raw request? */
  signatureValid: boolean;
  authorization: ReturnType<typeof parseAuthorization>;
  json: unknown;
}

export interface FakeAnswer {
  status: number;
  json?: unknown;
  /** Raw body instead of `json`. */
  body?: string;
  headers?: Record<string, string>;
  /** Leave the answer unsigned. */
  unsigned?: boolean;
  /** Sign with another key / serial / clock offset. */
  signWith?: { privateKey?: KeyObject; serial?: string; timestampOffsetSeconds?: number };
  /** Headers set after signing (e.g. a `WECHATPAY/SIGNTEST/` probe signature). */
  headersAfterSigning?: Record<string, string>;
  /** Change the body after signing (in transit). */
  tamper?: (body: string) => string;
}

export type FakeHandler = (request: RecordedRequest, index: number) => FakeAnswer | Promise<FakeAnswer>;

function independentVerify(request: HttpRequest, path: string, merchant: KeyObject): boolean {
  const auth = parseAuthorization(request.headers['Authorization']);
  if (!auth) return false;
  const message = `${request.method}\n${path}\n${auth.timestamp}\n${auth.nonce_str}\n${request.body ?? ''}\n`;
  return createVerify('RSA-SHA256').update(message, 'utf8').verify(merchant, auth.signature, 'base64');
}

let sharedKeys: { merchant: RsaKeyPair; platform: RsaKeyPair } | undefined;

export class FakeWechat {
  readonly merchant: RsaKeyPair;
  readonly platform: RsaKeyPair;
  readonly requests: RecordedRequest[] = [];
  readonly sleeps: number[] = [];
  nowMs = FIXED_NOW_MS;
  private handler: FakeHandler = () => ({ status: 500, json: { code: 'SYSTEM_ERROR', message: 'no handler' } });
  private seq = 0;

  /** Keys are generated once per test file (RSA generation is slow) unless given. */
  constructor(keys?: { merchant: RsaKeyPair; platform: RsaKeyPair }) {
    sharedKeys ??= { merchant: generateRsaKeyPair(), platform: generateRsaKeyPair() };
    this.merchant = keys?.merchant ?? sharedKeys.merchant;
    this.platform = keys?.platform ?? sharedKeys.platform;
  }

  handle(handler: FakeHandler): this {
    this.handler = handler;
    return this;
  }

  readonly transport: Transport = async (request) => {
    const url = new URL(request.url);
    const path = url.pathname + url.search;
    let json: unknown;
    try {
      json = request.body === undefined ? undefined : JSON.parse(request.body);
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = {
      ...request,
      path,
      signatureValid: independentVerify(request, path, this.merchant.publicKey),
      authorization: parseAuthorization(request.headers['Authorization']),
      json,
    };
    this.requests.push(recorded);
    const answer = await this.handler(recorded, this.requests.length - 1);
    return this.render(answer);
  };

  render(answer: FakeAnswer): HttpResponse {
    const body = answer.body ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Request-ID': `08F1B7${++this.seq}-271316592`, ...answer.headers };
    if (!answer.unsigned) {
      Object.assign(
        headers,
        signWechatpayMessage({
          body,
          privateKey: answer.signWith?.privateKey ?? this.platform.privateKey,
          serial: answer.signWith?.serial ?? PUB_KEY_ID,
          timestamp: Math.floor(this.nowMs / 1000) + (answer.signWith?.timestampOffsetSeconds ?? 0),
          nonce: `NONCE${this.seq}`,
        }),
      );
    }
    Object.assign(headers, answer.headersAfterSigning);
    return { status: answer.status, headers, body: answer.tamper ? answer.tamper(body) : body };
  }

  client(overrides: Partial<PayScoreClientOptions> = {}): PayScoreClient {
    return new PayScoreClient({
      mchid: MCHID,
      merchantSerialNo: MERCHANT_SERIAL,
      merchantPrivateKey: this.merchant.privateKey,
      platformKeys: { [PUB_KEY_ID]: this.platform.publicKey },
      appid: APPID,
      serviceId: SERVICE_ID,
      notifyUrl: 'https://zizhu.example/payscore/notify',
      baseUrl: 'http://127.0.0.1:4010',
      transport: this.transport,
      now: () => this.nowMs,
      random: () => 0.5,
      sleep: async (ms) => {
        this.sleeps.push(ms);
      },
      ...overrides,
    });
  }
}

/** A service order as WeChat would answer it. */
export function serviceOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: APPID,
    mchid: MCHID,
    out_order_no: 'zzORDER0001',
    service_id: SERVICE_ID,
    service_introduction: '智能售货柜',
    state: 'CREATED',
    risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 10000 },
    time_range: { start_time: 'OnAccept' },
    notify_url: 'https://zizhu.example/payscore/notify',
    order_id: '15646546545165651651',
    package: 'DJIOSQPYWDxsjdldeuwhdodwxasd_dDiodnwjh9we',
    ...overrides,
  };
}
