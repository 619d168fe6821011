import type { PayscoreScenario } from '@zizhu/pricing';
import type { ServiceMode } from './merchant-store.js';

/** Body of the simulator's `POST /sim/merchants` (contracts.md §5). */
export interface SimMerchantRegistration {
  readonly mchid: string;
  readonly serialNo: string;
  readonly publicKeyPem: string;
  readonly apiV3Key: string;
  readonly apiV2Key: string;
  readonly appids: readonly string[];
  readonly services: readonly { serviceId: string; scenario: PayscoreScenario; mode: ServiceMode; riskCapFen: number }[];
}

export interface SimPlatformKey {
  readonly platformPublicKeyId: string;
  readonly platformPublicKeyPem: string;
}

/**
 * Registers a merchant with the local Pay Score simulator (only ever called when config.payscore.simulated):
 * the simulator is in-memory and makes a new platform key per start, so this runs on every start.
 */
export async function registerWithSimulator(apiBaseUrl: string, body: SimMerchantRegistration, timeoutMs = 3000): Promise<SimPlatformKey> {
  const response = await fetch(`${apiBaseUrl}/sim/merchants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the simulator refused merchant ${body.mchid}: HTTP ${response.status} ${text.slice(0, 200)}`);
  const answer = JSON.parse(text) as Partial<SimPlatformKey>;
  if (typeof answer.platformPublicKeyId !== 'string' || typeof answer.platformPublicKeyPem !== 'string') {
    throw new Error(`the simulator answered merchant ${body.mchid} without a platform key`);
  }
  return { platformPublicKeyId: answer.platformPublicKeyId, platformPublicKeyPem: answer.platformPublicKeyPem };
}
