import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { encryptAeadAes256Gcm } from './aead.js';
import { PayScoreError } from './errors.js';
import { buildSignedNotification, verifyAndDecryptNotification, type NotificationVerifyOptions } from './notification.js';
import { signWechatpayMessage } from './signature.js';
import { generateRsaKeyPair } from './testing.js';
import { APIV3_KEY, FIXED_NOW_MS, PUB_KEY_ID, serviceOrder } from './test-support/fake-wechat.js';

const platform = generateRsaKeyPair();
const verifyOptions: NotificationVerifyOptions = { platformKeys: { [PUB_KEY_ID]: platform.publicKey }, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS };
const buildOptions = { platformPrivateKey: platform.privateKey, platformSerial: PUB_KEY_ID, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS };

const confirmed = serviceOrder({ state: 'DOING', state_description: 'USER_CONFIRM', openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', package: undefined });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PayScoreError) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

/** Signs an arbitrary body as WeChat would (to reach the checks behind the signature). */
function signedRaw(body: string, now = FIXED_NOW_MS) {
  return { headers: signWechatpayMessage({ body, privateKey: platform.privateKey, serial: PUB_KEY_ID, timestamp: Math.floor(now / 1000), nonce: 'N0NCE' }), rawBody: body };
}

describe('notifications: verified over raw bytes, decrypted with the tag checked, parsed into typed events', () => {
  it('accepts PAYSCORE.USER_CONFIRM as a Buffer with lower-case Node headers, with associated_data ""', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed, id: 'EV-1' }, buildOptions);
    expect(n.envelope.resource.associated_data).toBe('');
    expect(n.envelope.create_time).toBe('2026-11-27T10:00:00+08:00');
    const headers = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const event = verifyAndDecryptNotification({ headers, rawBody: Buffer.from(n.body) }, verifyOptions);
    expect(event).toMatchObject({ eventType: 'PAYSCORE.USER_CONFIRM', id: 'EV-1', summary: '确认订单', serial: PUB_KEY_ID });
    if (event.eventType !== 'PAYSCORE.USER_CONFIRM') throw new Error('narrowing');
    expect(event.order.openid).toBe('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    expect(event.order.state_description).toBe('USER_CONFIRM');
  });

  it('accepts PAYSCORE.USER_PAID and REFUND.* with a fetch Headers bag and a string body', () => {
    const paid = serviceOrder({
      state: 'DONE',
      total_amount: 600,
      need_collection: true,
      collection: { state: 'USER_PAID', total_amount: 600, paying_amount: 0, paid_amount: 600, details: [{ seq: 1, amount: 600, paid_type: 'NEWTON', paid_time: '20261127101500', transaction_id: '4200000000202611271234567890' }] },
    });
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_PAID', resource: paid }, buildOptions);
    const event = verifyAndDecryptNotification({ headers: new Headers(n.headers), rawBody: n.body }, verifyOptions);
    if (event.eventType !== 'PAYSCORE.USER_PAID') throw new Error(`got ${event.eventType}`);
    expect(event.order.collection?.details?.[0]?.transaction_id).toBe('4200000000202611271234567890');

    for (const eventType of ['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED'] as const) {
      const refund = { mchid: '1230000109', transaction_id: '4200000000202611271234567890', refund_id: '50000000382019052709732678859', out_refund_no: 'R1', refund_status: eventType.slice(7), amount: { total: 600, refund: 300, payer_total: 600, payer_refund: 300 } };
      const r = buildSignedNotification({ eventType, resource: refund, associatedData: 'refund' }, buildOptions);
      expect(r.envelope.resource.original_type).toBe('refund');
      const e = verifyAndDecryptNotification({ headers: r.headers, rawBody: r.body }, verifyOptions);
      if (e.eventType === 'PAYSCORE.USER_CONFIRM' || e.eventType === 'PAYSCORE.USER_PAID') throw new Error('narrowing');
      expect(e.eventType).toBe(eventType);
      expect(e.refund.refund_status).toBe(eventType.slice(7));
    }
  });

  it('PAYSCORE_NOTIFY_BODY_NOT_RAW: a parsed object is refused before anything else', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, buildOptions);
    const parsed = JSON.parse(n.body) as unknown as string;
    expect(codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: parsed }, verifyOptions))).toBe('PAYSCORE_NOTIFY_BODY_NOT_RAW');
  });

  it('PAYSCORE_NOTIFY_MISSING_HEADERS: any of the four signature headers missing', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, buildOptions);
    for (const name of ['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial']) {
      const headers: Record<string, string> = { ...n.headers };
      delete headers[name];
      expect(codeOf(() => verifyAndDecryptNotification({ headers, rawBody: n.body }, verifyOptions))).toBe('PAYSCORE_NOTIFY_MISSING_HEADERS');
    }
  });

  it('PAYSCORE_NOTIFY_UNKNOWN_SERIAL: signed under a serial with no configured key', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, { ...buildOptions, platformSerial: 'PUB_KEY_ID_SOMEONE_ELSE' });
    expect(codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: n.body }, verifyOptions))).toBe('PAYSCORE_NOTIFY_UNKNOWN_SERIAL');
  });

  it('PAYSCORE_NOTIFY_STALE: more than 300 s old or ahead; 300 s is still accepted', () => {
    const at = (offsetSeconds: number) => {
      const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, { ...buildOptions, now: FIXED_NOW_MS + offsetSeconds * 1000 });
      return codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: n.body }, verifyOptions));
    };
    expect(at(-301)).toBe('PAYSCORE_NOTIFY_STALE');
    expect(at(301)).toBe('PAYSCORE_NOTIFY_STALE');
    expect(at(-300)).toBe('ACCEPTED');
    expect(at(300)).toBe('ACCEPTED');
    // a non-numeric timestamp is no timestamp
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, buildOptions);
    expect(codeOf(() => verifyAndDecryptNotification({ headers: { ...n.headers, 'Wechatpay-Timestamp': 'soon' }, rawBody: n.body }, verifyOptions))).toBe('PAYSCORE_NOTIFY_STALE');
  });

  it('PAYSCORE_NOTIFY_BAD_SIGNATURE: a tampered body, another signer, or a SIGNTEST probe', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, buildOptions);
    const tampered = n.body.replace('"summary":"确认订单"', '"summary":"确认订单!"');
    expect(tampered).not.toBe(n.body);
    expect(codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: tampered }, verifyOptions))).toBe('PAYSCORE_NOTIFY_BAD_SIGNATURE');
    const forged = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, { ...buildOptions, platformPrivateKey: generateRsaKeyPair().privateKey });
    expect(codeOf(() => verifyAndDecryptNotification({ headers: forged.headers, rawBody: forged.body }, verifyOptions))).toBe('PAYSCORE_NOTIFY_BAD_SIGNATURE');
    const probe = { ...n.headers, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/0123456789abcdef' };
    expect(codeOf(() => verifyAndDecryptNotification({ headers: probe, rawBody: n.body }, verifyOptions))).toBe('PAYSCORE_NOTIFY_BAD_SIGNATURE');
  });

  it('PAYSCORE_NOTIFY_BODY_RESERIALISED: the bytes were pretty-printed / re-escaped by a body parser', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, buildOptions);
    const pretty = JSON.stringify(JSON.parse(n.body), null, 2);
    expect(codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: pretty }, verifyOptions))).toBe('PAYSCORE_NOTIFY_BODY_RESERIALISED');
    const escaped = n.body.replace('确认订单', '\\u786e\\u8ba4\\u8ba2\\u5355');
    expect(escaped).not.toBe(n.body);
    expect(codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: escaped }, verifyOptions))).toBe('PAYSCORE_NOTIFY_BODY_RESERIALISED');
    // Reordered keys cannot be told apart from tampering: still refused, as a bad signature.
    const { id, ...rest } = JSON.parse(n.body) as Record<string, unknown>;
    const reordered = JSON.stringify({ ...rest, id });
    expect(codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: reordered }, verifyOptions))).toBe('PAYSCORE_NOTIFY_BAD_SIGNATURE');
  });

  it('PAYSCORE_NOTIFY_DECRYPT_FAILED: a validly signed envelope whose GCM tag or ciphertext was altered, or the wrong APIv3 key', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: confirmed }, buildOptions);
    const raw = Buffer.from(n.envelope.resource.ciphertext, 'base64');
    for (const index of [raw.length - 1, 0]) {
      const flipped = Buffer.from(raw);
      flipped[index] = (flipped[index] ?? 0) ^ 0x01;
      const body = JSON.stringify({ ...n.envelope, resource: { ...n.envelope.resource, ciphertext: flipped.toString('base64') } });
      expect(codeOf(() => verifyAndDecryptNotification(signedRaw(body), verifyOptions))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    }
    const wrongAad = JSON.stringify({ ...n.envelope, resource: { ...n.envelope.resource, associated_data: 'payscore' } });
    expect(codeOf(() => verifyAndDecryptNotification(signedRaw(wrongAad), verifyOptions))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
    expect(codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: n.body }, { ...verifyOptions, apiV3Key: 'b'.repeat(32) }))).toBe('PAYSCORE_NOTIFY_DECRYPT_FAILED');
  });

  it('PAYSCORE_NOTIFY_MALFORMED: signed but not an envelope, or a resource without the order fields', () => {
    expect(codeOf(() => verifyAndDecryptNotification(signedRaw('not json'), verifyOptions))).toBe('PAYSCORE_NOTIFY_MALFORMED');
    expect(codeOf(() => verifyAndDecryptNotification(signedRaw('{"id":"EV-1","event_type":"PAYSCORE.USER_CONFIRM"}'), verifyOptions))).toBe('PAYSCORE_NOTIFY_MALFORMED');
    const noOrder = buildSignedNotification({ eventType: 'PAYSCORE.USER_CONFIRM', resource: { hello: 'world' } }, buildOptions);
    expect(codeOf(() => verifyAndDecryptNotification({ headers: noOrder.headers, rawBody: noOrder.body }, verifyOptions))).toBe('PAYSCORE_NOTIFY_MALFORMED');
    const ciphertext = encryptAeadAes256Gcm('not json', { nonce: 'abcdefghijkl' }, APIV3_KEY);
    const body = JSON.stringify({ id: 'EV-2', create_time: '', resource_type: 'encrypt-resource', event_type: 'PAYSCORE.USER_PAID', summary: '', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce: 'abcdefghijkl', associated_data: '', original_type: 'payscore' } });
    expect(codeOf(() => verifyAndDecryptNotification(signedRaw(body), verifyOptions))).toBe('PAYSCORE_NOTIFY_MALFORMED');
  });

  it('PAYSCORE_NOTIFY_UNSUPPORTED_EVENT: authentic, decrypted, but not an event this library parses', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_OPEN_SERVICE', resource: { openid: 'o1' } }, buildOptions);
    try {
      verifyAndDecryptNotification({ headers: n.headers, rawBody: n.body }, verifyOptions);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ code: 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT', detail: { eventType: 'PAYSCORE.USER_OPEN_SERVICE', resource: { openid: 'o1' } } });
    }
  });

  it('never accepts a body with any single byte changed (property)', () => {
    const n = buildSignedNotification({ eventType: 'PAYSCORE.USER_PAID', resource: confirmed }, buildOptions);
    const bytes = Buffer.from(n.body);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, xor) => {
        const changed = Buffer.from(bytes);
        changed[index] = (changed[index] ?? 0) ^ xor;
        return codeOf(() => verifyAndDecryptNotification({ headers: n.headers, rawBody: changed }, verifyOptions)) !== 'ACCEPTED';
      }),
      { numRuns: 60 },
    );
  });
});
