import type { AppConfig } from '../../config/app-config.js';
import { decodeMasterKey, EnvelopeError, EnvelopeKeyring, type SealedEnvelope } from '../../platform/crypto/envelope.js';
import { resolveMasterKey } from '../fleet/device-secrets.js';
import { merchantErrors } from './merchants.errors.js';

export const MERCHANT_KEYRING = Symbol('MERCHANT_KEYRING');

/** The secret part of a merchant account: sealed as one JSON document, never returned nor logged. */
export interface MerchantSecrets {
  readonly privateKeyPem: string;
  readonly apiV3Key: string;
  readonly apiV2Key: string;
  /** Mini-program secrets by appid (for the consumer login's code exchange). */
  readonly appSecrets: Readonly<Record<string, string>>;
}

/**
 * The keyring of merchant credentials: MASTER_KEY (or, embedded without one, the key device secrets use,
 * kept under DATA_DIR) and MASTER_KEY_PREVIOUS while a rotation is under way.
 */
export function merchantKeyring(config: AppConfig): EnvelopeKeyring {
  return new EnvelopeKeyring(resolveMasterKey(config), config.masterKeyPrevious ? decodeMasterKey(config.masterKeyPrevious) : null);
}

/** Associated data: a ciphertext opens only on its own account row and credentials version. */
const credentialsAad = (accountId: string, version: number) => `merchant-credentials:${accountId}:${version}`;
const dekContext = (accountId: string) => `merchant-account:${accountId}`;

export function sealMerchantSecrets(keyring: EnvelopeKeyring, accountId: string, version: number, secrets: MerchantSecrets): SealedEnvelope {
  return keyring.sealNew(JSON.stringify(secrets), credentialsAad(accountId, version), dekContext(accountId));
}

export function openMerchantSecrets(
  keyring: EnvelopeKeyring,
  account: { id: string; credentialsVersion: number; credentialsCiphertext: string; dekCiphertext: string; masterKeyId: string },
): MerchantSecrets {
  try {
    const text = keyring.openSealed(
      { ciphertext: account.credentialsCiphertext, dekCiphertext: account.dekCiphertext, masterKeyId: account.masterKeyId },
      credentialsAad(account.id, account.credentialsVersion),
      dekContext(account.id),
    );
    return JSON.parse(text) as MerchantSecrets;
  } catch (error) {
    if (error instanceof EnvelopeError) throw merchantErrors.MERCHANT_CREDENTIALS_UNREADABLE(`Merchant account ${account.id}: ${error.message}`);
    throw error;
  }
}

/** The DEK re-wrapped under the current master key; the sealed credentials are untouched. */
export function rewrapMerchantDek(keyring: EnvelopeKeyring, account: { id: string; dekCiphertext: string; masterKeyId: string }) {
  return keyring.rewrap({ dekCiphertext: account.dekCiphertext, masterKeyId: account.masterKeyId }, dekContext(account.id));
}
