import { randomBytes } from 'node:crypto';
import { generateRsaKeyPair } from '@zizhu/payscore';
import type { EntityManager } from 'typeorm';
import type { EnvelopeKeyring } from '../../platform/crypto/envelope.js';
import { sealMerchantSecrets } from '../merchants/merchant-credentials.js';
import { insertAccount, insertService } from '../merchants/merchant-store.js';
import { DEMO_APPID, DEMO_MERCHANTS, DEMO_ORGS } from './demo-data.js';

/** A random 32-character key (APIv3 / APIv2 keys are 32 ASCII characters). */
const key32 = () => randomBytes(16).toString('hex');

/**
 * Seeds the demo merchant accounts (fixed ids, fresh RSA keys and APIv3/APIv2 keys, sealed under the
 * keyring) and their Pay Score services, in the seed's transaction. No platform key yet and no call to
 * the simulator here: with the simulator, the accounts are registered with it after the seed commits
 * (MerchantBootService.registerWithSimulator), and on every start after that.
 */
export async function seedDemoMerchants(m: EntityManager, keyring: EnvelopeKeyring): Promise<number> {
  // one mini-program for the whole demo: every account lists it, with the same secret
  const appSecret = key32();
  for (const merchant of Object.values(DEMO_MERCHANTS)) {
    const tenantId = DEMO_ORGS[merchant.org].id;
    const { privateKeyPem } = generateRsaKeyPair();
    const sealed = sealMerchantSecrets(keyring, merchant.id, 1, { privateKeyPem, apiV3Key: key32(), apiV2Key: key32(), appSecrets: { [DEMO_APPID]: appSecret } });
    await insertAccount(m, {
      id: merchant.id,
      tenantId,
      name: merchant.name,
      mchid: merchant.mchid,
      appids: [DEMO_APPID],
      serialNo: randomBytes(20).toString('hex').toUpperCase(),
      platformPublicKeyId: null,
      platformPublicKeyPem: null,
      platformCertificates: null,
      credentialsCiphertext: sealed.ciphertext,
      dekCiphertext: sealed.dekCiphertext,
      masterKeyId: sealed.masterKeyId,
      validatedAt: null,
    });
    for (const service of merchant.services) {
      await insertService(m, { ...service, tenantId, merchantAccountId: merchant.id });
    }
  }
  return Object.keys(DEMO_MERCHANTS).length;
}
