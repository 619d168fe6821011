// Merchants registered through POST /sim/merchants (contracts.md §5).
import { type KeyObject } from 'node:crypto';
import { loadPublicKey } from '../platform/wechatpay-crypto.js';
import { SimControlError } from '../platform/wx-error.js';

export const SCENARIOS = ['VENDING', 'POWERBANK_RENTAL', 'EV_CHARGING', 'WATER'] as const;
export type Scenario = (typeof SCENARIOS)[number];
export const SERVICE_MODES = ['DEPOSIT_WAIVED', 'USE_FIRST'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export interface ServiceConfig {
  readonly serviceId: string;
  readonly scenario: Scenario;
  readonly mode: ServiceMode;
  readonly riskCapFen: number;
}

export interface Merchant {
  readonly mchid: string;
  /** The merchant's full legal name (主体名称), optional: a profit-sharing receiver added under this mchid must name it. */
  readonly name?: string;
  readonly serialNo: string;
  readonly publicKey: KeyObject;
  readonly apiV3Key: string;
  readonly apiV2Key: string;
  readonly appids: readonly string[];
  readonly services: ReadonlyMap<string, ServiceConfig>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function requireString(body: Record<string, unknown>, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || v === '') throw new SimControlError(400, 'INVALID_MERCHANT', `${field} must be a non-empty string`);
  return v;
}

export function parseMerchant(body: unknown): Merchant {
  if (!isRecord(body)) throw new SimControlError(400, 'INVALID_MERCHANT', 'body must be a JSON object');
  const mchid = requireString(body, 'mchid');
  const serialNo = requireString(body, 'serialNo');
  const publicKeyPem = requireString(body, 'publicKeyPem');
  const apiV3Key = requireString(body, 'apiV3Key');
  const apiV2Key = typeof body['apiV2Key'] === 'string' ? body['apiV2Key'] : '';
  if (Buffer.byteLength(apiV3Key, 'utf8') !== 32) throw new SimControlError(400, 'INVALID_MERCHANT', 'apiV3Key must be 32 bytes');
  let publicKey: KeyObject;
  try {
    publicKey = loadPublicKey(publicKeyPem);
  } catch {
    throw new SimControlError(400, 'INVALID_MERCHANT', 'publicKeyPem is not a PEM public key or certificate');
  }
  const appids = body['appids'];
  if (!Array.isArray(appids) || appids.length === 0 || !appids.every((a) => typeof a === 'string' && a !== '')) {
    throw new SimControlError(400, 'INVALID_MERCHANT', 'appids must be a non-empty array of strings');
  }
  const rawServices = body['services'];
  if (!Array.isArray(rawServices) || rawServices.length === 0) {
    throw new SimControlError(400, 'INVALID_MERCHANT', 'services must be a non-empty array');
  }
  const services = new Map<string, ServiceConfig>();
  for (const s of rawServices) {
    if (!isRecord(s)) throw new SimControlError(400, 'INVALID_MERCHANT', 'each service must be an object');
    const serviceId = requireString(s, 'serviceId');
    const scenario = s['scenario'];
    const mode = s['mode'];
    const riskCapFen = s['riskCapFen'];
    if (!SCENARIOS.includes(scenario as Scenario)) {
      throw new SimControlError(400, 'INVALID_MERCHANT', `scenario must be one of ${SCENARIOS.join(', ')}`);
    }
    if (!SERVICE_MODES.includes(mode as ServiceMode)) {
      throw new SimControlError(400, 'INVALID_MERCHANT', `mode must be one of ${SERVICE_MODES.join(', ')}`);
    }
    if (typeof riskCapFen !== 'number' || !Number.isInteger(riskCapFen) || riskCapFen <= 0) {
      throw new SimControlError(400, 'INVALID_MERCHANT', 'riskCapFen must be a positive integer');
    }
    services.set(serviceId, { serviceId, scenario: scenario as Scenario, mode: mode as ServiceMode, riskCapFen });
  }
  const name = body['name'];
  if (name !== undefined && (typeof name !== 'string' || name === '')) throw new SimControlError(400, 'INVALID_MERCHANT', 'name must be a non-empty string');
  return { mchid, ...(name === undefined ? {} : { name }), serialNo, publicKey, apiV3Key, apiV2Key, appids: [...(appids as string[])], services };
}

export class MerchantRegistry {
  private readonly merchants = new Map<string, Merchant>();

  /** Registering the same mchid again replaces its settings. */
  register(merchant: Merchant): void {
    this.merchants.set(merchant.mchid, merchant);
  }

  get(mchid: string): Merchant | undefined {
    return this.merchants.get(mchid);
  }

  all(): Merchant[] {
    return [...this.merchants.values()];
  }

  clear(): void {
    this.merchants.clear();
  }
}
