import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { createFetchTransport, isPayScoreError, PayScoreClient, platformKeyLookup, type PlatformKeyLookup } from '@zizhu/payscore';
import { merchantErrors } from './merchants.errors.js';

/** A service id no merchant has: the probe's query on a fresh account (WeChat answers NO_AUTH or ORDER_NOT_EXIST). */
export const PROBE_SERVICE_ID = '00000000000000000000000000000000';

export interface ProbeInput {
  readonly baseUrl: string;
  readonly mchid: string;
  readonly serialNo: string;
  readonly privateKeyPem: string;
  readonly appids: readonly string[];
  readonly platformKeys: Readonly<Record<string, string>>;
  readonly platformPublicKeyId: string | null;
  /** A service id of the account, when it has one (credentials replaced); else {@link PROBE_SERVICE_ID}. */
  readonly serviceId?: string | undefined;
  readonly timeoutMs?: number;
}

const invalid = (detail: string) => merchantErrors.MERCHANT_CREDENTIALS_INVALID(`${detail} Nothing was stored.`);

/** The merchant private key, parsed; MERCHANT_CREDENTIALS_INVALID when it is not an RSA private key. */
export function parseMerchantPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw invalid('privateKeyPem is not a PEM private key (apiclient_key.pem).');
  }
  if (key.asymmetricKeyType !== 'rsa') throw invalid('privateKeyPem must be an RSA private key (apiclient_key.pem).');
  return key;
}

/** The public half of the merchant key, as the simulator (and WeChat's merchant platform) knows it. */
export function merchantPublicKeyPem(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * Validates credentials with a signed test call: a query for an order number that cannot exist, once per
 * appid. A **verified** ORDER_NOT_EXIST (or, for a service id the account is not yet bound to, a verified
 * NO_AUTH) proves WeChat accepted our signature (private key, serial, mchid) and that its answer verifies under
 * the platform key given. Every platform key given must be one WeChat signed a probe answer with: a key WeChat
 * never used (a certificate the merchant typed, whoever made it) is refused, so the account trusts only WeChat's. Anything else — SIGN_ERROR, an unsigned or unverifiable answer, an appid not bound
 * to the mchid, a network failure — is MERCHANT_CREDENTIALS_INVALID naming what failed.
 * The APIv3 / APIv2 keys cannot be checked by a call (they only decrypt callbacks and sign mini-program data).
 */
export async function probeCredentials(input: ProbeInput): Promise<void> {
  const key = parseMerchantPrivateKey(input.privateKeyPem);
  let platformKeys: PlatformKeyLookup;
  try {
    platformKeys = platformKeyLookup(input.platformKeys);
  } catch {
    throw invalid('platformPublicKeyPem / platformCertificates: not a PEM public key or certificate.');
  }
  // the serials WeChat signed its (verified) answers under: only those keys are trusted afterwards (issue 10, item 5)
  const confirmed = new Set<string>();
  let lastSerial: string | undefined;
  const recordingKeys: PlatformKeyLookup = (serial) => {
    lastSerial = serial;
    return platformKeys(serial);
  };
  for (const appid of input.appids) {
    lastSerial = undefined;
    const client = new PayScoreClient({
      mchid: input.mchid,
      merchantSerialNo: input.serialNo,
      merchantPrivateKey: key,
      platformKeys: recordingKeys,
      requireSignedErrors: true,
      appid,
      serviceId: input.serviceId ?? PROBE_SERVICE_ID,
      baseUrl: input.baseUrl,
      transport: createFetchTransport({ timeoutMs: input.timeoutMs ?? 5000 }),
      retry: { maxAttempts: 1 },
      ...(input.platformPublicKeyId ? { wechatpaySerial: input.platformPublicKeyId } : {}),
    });
    try {
      await client.queryOrder({ out_order_no: `zzprobe${randomBytes(12).toString('hex')}` });
    } catch (error) {
      if (isPayScoreError(error) && error.verified === true && (error.code === 'PAYSCORE_ORDER_NOT_FOUND' || error.code === 'PAYSCORE_NO_AUTH')) {
        if (lastSerial !== undefined) confirmed.add(normalisedSerial(lastSerial));
        continue;
      }
      throw invalid(describeFailure(error, input, appid));
    }
    throw invalid('The test query for an order that cannot exist answered an order: this is not WeChat Pay.');
  }
  // a key WeChat never signed with is not WeChat's to trust: whoever typed it could sign "WeChat's" callbacks with it
  const unconfirmed = Object.keys(input.platformKeys).filter((serial) => !confirmed.has(normalisedSerial(serial)));
  if (unconfirmed.length > 0) {
    const errors = unconfirmed.map((serial) =>
      serial.startsWith('PUB_KEY_ID_')
        ? { field: 'platformPublicKeyId', messages: [`WeChat Pay did not sign its answers with ${serial}`] }
        : { field: 'platformCertificates', messages: [`WeChat Pay did not sign its answers with the certificate ${serial}`] },
    );
    throw merchantErrors.MERCHANT_CREDENTIALS_INVALID(
      `Only platform keys WeChat Pay itself signs its answers with are trusted; WeChat Pay answered the test call under ` +
        `${[...confirmed].join(', ') || 'no key given'}, not under ${unconfirmed.join(', ')}. Remove ${unconfirmed.length === 1 ? 'it' : 'them'}. Nothing was stored.`,
      { errors },
    );
  }
}

const normalisedSerial = (serial: string): string => (serial.startsWith('PUB_KEY_ID_') ? serial : serial.toUpperCase());

function describeFailure(error: unknown, input: ProbeInput, appid: string): string {
  if (!isPayScoreError(error)) return `The test call to WeChat Pay failed: ${error instanceof Error ? error.message : String(error)}.`;
  const wechat = error.wechatCode ? ` (WeChat: ${error.wechatCode}${error.wechatMessage ? ` ${error.wechatMessage}` : ''})` : '';
  switch (error.code) {
    case 'PAYSCORE_SIGN_ERROR':
      return `WeChat Pay refused the request signature (SIGN_ERROR)${wechat}: the private key, the certificate serial number ${input.serialNo} or the mchid ${input.mchid} do not match what WeChat Pay has for this merchant.`;
    case 'PAYSCORE_RESPONSE_UNKNOWN_SERIAL':
      return `WeChat Pay signed its answer under a key that was not given (platformPublicKeyId / platformCertificates): ${error.message}.`;
    case 'PAYSCORE_RESPONSE_BAD_SIGNATURE':
      return 'WeChat Pay’s answer does not verify with the platform public key given: check platformPublicKeyPem / platformCertificates.';
    case 'PAYSCORE_RESPONSE_UNSIGNED':
      return `WeChat Pay’s answer carried no signature, so it cannot be trusted${wechat}.`;
    case 'PAYSCORE_RESPONSE_STALE':
      return 'WeChat Pay’s answer is signed with a timestamp more than 5 minutes off: check this server’s clock.';
    case 'PAYSCORE_TIMEOUT':
    case 'PAYSCORE_NETWORK_ERROR':
    case 'PAYSCORE_UNAVAILABLE':
    case 'PAYSCORE_SYSTEM_ERROR':
      return `WeChat Pay could not be reached for the test call (${error.code}); try again.`;
    default:
      if (error.wechatCode === 'APPID_MCHID_NOT_MATCH') return `appid ${appid} is not bound to mchid ${input.mchid}${wechat}.`;
      return `The test call to WeChat Pay failed with ${error.code}${wechat}${error.verified === false ? ' (unsigned answer)' : ''}.`;
  }
}
