// Injected failures (contracts.md §5): POST /sim/faults {"rules": [{path, status, rate, delayMs, phase, signature}]}.
import { SimControlError } from '../platform/wx-error.js';
import { isObject } from '../platform/json.js';

export interface FaultRule {
  readonly path: string;
  readonly regex: RegExp;
  /** HTTP status to answer; absent or 0: only the delay applies. */
  readonly status?: number;
  /** Probability in [0, 1] that a matching request is hit (default 1). */
  readonly rate: number;
  readonly delayMs: number;
  /** 'before' (default): fail without processing. 'after': process the request, then answer the fault (lost answer). */
  readonly phase: 'before' | 'after';
  /**
   * What happens to the answer's signature (extra): 'invalid' — the headers are there but the signature does not
   * verify (tampered in transit); 'missing' — no Wechatpay-* signature headers (a proxy's page). Without `status`
   * the request is processed normally and only its answer's signature is spoiled: WeChat did the work, the
   * merchant cannot verify that it did.
   */
  readonly signature?: SignatureFault;
}

export type SignatureFault = 'invalid' | 'missing';

export interface FaultDecision {
  readonly delayMs: number;
  readonly status?: number;
  readonly phase: 'before' | 'after';
  readonly signature?: SignatureFault;
}

const CODES: Record<number, [string, string]> = {
  400: ['PARAM_ERROR', '参数错误'],
  401: ['SIGN_ERROR', '签名错误'],
  403: ['NO_AUTH', '商户无权限'],
  404: ['ORDER_NOT_EXIST', '订单不存在'],
  429: ['FREQUENCY_LIMITED', '请求过于频繁'],
  500: ['SYSTEM_ERROR', '系统异常，请稍后重试'],
  502: ['SERVICE_UNAVAILABLE', '服务不可用，请稍后重试'],
  503: ['SERVICE_UNAVAILABLE', '服务不可用，请稍后重试'],
};

export const faultBody = (status: number): { code: string; message: string } => {
  const [code, message] = CODES[status] ?? ['SYSTEM_ERROR', '系统异常，请稍后重试'];
  return { code, message };
};

export function parseFaultRules(body: unknown): FaultRule[] {
  if (!isObject(body) || !Array.isArray(body['rules'])) throw new SimControlError(400, 'INVALID_FAULTS', 'body must be {"rules": [...]}');
  return body['rules'].map((r, i) => {
    if (!isObject(r) || typeof r['path'] !== 'string') throw new SimControlError(400, 'INVALID_FAULTS', `rules[${i}].path must be a regex string`);
    let regex: RegExp;
    try {
      regex = new RegExp(r['path']);
    } catch {
      throw new SimControlError(400, 'INVALID_FAULTS', `rules[${i}].path is not a valid regex`);
    }
    const status = r['status'];
    if (status !== undefined && status !== 0 && (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)) {
      throw new SimControlError(400, 'INVALID_FAULTS', `rules[${i}].status must be an HTTP status`);
    }
    const rate = r['rate'] ?? 1;
    if (typeof rate !== 'number' || rate < 0 || rate > 1) throw new SimControlError(400, 'INVALID_FAULTS', `rules[${i}].rate must be in [0, 1]`);
    const delayMs = r['delayMs'] ?? 0;
    if (typeof delayMs !== 'number' || delayMs < 0) throw new SimControlError(400, 'INVALID_FAULTS', `rules[${i}].delayMs must be >= 0`);
    const phase = r['phase'] ?? 'before';
    if (phase !== 'before' && phase !== 'after') throw new SimControlError(400, 'INVALID_FAULTS', `rules[${i}].phase must be before|after`);
    const signature = r['signature'];
    if (signature !== undefined && signature !== 'invalid' && signature !== 'missing') {
      throw new SimControlError(400, 'INVALID_FAULTS', `rules[${i}].signature must be invalid|missing`);
    }
    return { path: r['path'], regex, ...(status ? { status: status as number } : {}), rate, delayMs, phase, ...(signature ? { signature } : {}) };
  });
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  constructor(private readonly random: () => number) {}

  set(rules: FaultRule[]): void {
    this.rules = rules;
  }

  list(): Array<Omit<FaultRule, 'regex'>> {
    return this.rules.map(({ regex: _regex, ...rest }) => rest);
  }

  /** The first matching rule that fires for this request target, if any. */
  decide(url: string): FaultDecision | undefined {
    for (const rule of this.rules) {
      if (!rule.regex.test(url)) continue;
      if (this.random() >= rule.rate) continue;
      return { delayMs: rule.delayMs, ...(rule.status ? { status: rule.status } : {}), phase: rule.phase, ...(rule.signature ? { signature: rule.signature } : {}) };
    }
    return undefined;
  }
}
