// Verifies the merchant's Authorization on every /v3 request (payscore-protocol.md §2.2, §11.1).
import { AUTH_SCHEME, parseAuthorization, requestSignMessage, verifySha256Rsa } from './wechatpay-crypto.js';
import { WxError } from './wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';

export interface SignedRequest {
  readonly method: string;
  /** The raw request-target as received: path + '?' + raw query. */
  readonly url: string;
  readonly authorization: string | undefined;
  /** Exact body bytes as a string; '' for GET. */
  readonly body: string;
}

function signError(issue: string, req: SignedRequest, message?: string): WxError {
  const signMessage = message ?? '';
  return new WxError(401, 'SIGN_ERROR', '错误的签名，验签失败', {
    detail: { issue },
    field: 'signature',
    location: 'authorization',
    sign_information: {
      method: req.method,
      sign_message_length: Buffer.byteLength(signMessage, 'utf8'),
      truncated_sign_message: signMessage.slice(0, 128),
      url: req.url.split('?')[0] ?? req.url,
    },
  });
}

export function authenticate(
  req: SignedRequest,
  merchantOf: (mchid: string) => Merchant | undefined,
  realNowMs: number,
  windowSeconds: number,
): Merchant {
  const auth = parseAuthorization(req.authorization);
  if (typeof auth === 'string') {
    throw new WxError(401, 'SIGN_ERROR', `Authorization头格式错误：${auth}`, {
      detail: { issue: auth },
      field: 'authorization',
      location: 'header',
      expected: `${AUTH_SCHEME} mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`,
    });
  }
  const merchant = merchantOf(auth.mchid);
  if (!merchant) throw signError(`mchid ${auth.mchid} is not registered with the simulator`, req);
  if (merchant.serialNo.toUpperCase() !== auth.serialNo.toUpperCase()) {
    throw signError(`serial_no ${auth.serialNo} is not the registered merchant certificate serial`, req);
  }
  const message = requestSignMessage(req.method, req.url, auth.timestamp, auth.nonceStr, req.body);
  const ts = Number(auth.timestamp);
  if (!/^\d+$/.test(auth.timestamp) || Math.abs(realNowMs / 1000 - ts) > windowSeconds) {
    throw signError(`timestamp ${auth.timestamp} is more than ${windowSeconds}s away from now`, req, message);
  }
  if (!verifySha256Rsa(merchant.publicKey, message, auth.signature)) throw signError('sign not match', req, message);
  return merchant;
}
