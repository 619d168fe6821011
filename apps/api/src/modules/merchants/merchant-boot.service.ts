import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { EnvelopeKeyring } from '../../platform/crypto/envelope.js';
import { Transactions } from '../../platform/database/transactions.js';
import { MERCHANT_KEYRING, rewrapMerchantDek } from './merchant-credentials.js';
import { MerchantGateway } from './merchant-gateway.service.js';
import { merchantPublicKeyPem, PROBE_SERVICE_ID } from './merchant-probe.js';
import { findAccount, listAccounts, listServices, rowsOf, type MerchantAccountRecord } from './merchant-store.js';
import { registerWithSimulator, type SimMerchantRegistration, type SimPlatformKey } from './payscore-simulator.js';

const REWRAP_BATCH = 100;

/**
 * Boot-time upkeep of merchant accounts:
 * - master-key rotation: every account whose data key is still wrapped by MASTER_KEY_PREVIOUS is re-wrapped
 *   under MASTER_KEY (batched, FOR UPDATE SKIP LOCKED + a conditional update, so several processes may run it);
 * - with the local simulator: every enabled account is registered with it (it is in-memory and makes a new
 *   platform key per start) and the platform key it answers is stored; unreachable → retried in the background.
 * The demo seed runs after the application boots, so it calls {@link registerWithSimulator} again once seeded.
 */
@Injectable()
export class MerchantBootService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Merchants');
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = 1000;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MERCHANT_KEYRING) readonly keyring: EnvelopeKeyring,
    private readonly transactions: Transactions,
    private readonly gateway: MerchantGateway,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { rewrapped, unknownKeyIds } = await this.rewrapAll();
    if (rewrapped > 0) this.logger.log(`re-wrapped ${rewrapped} merchant data key(s) under master key ${this.keyring.currentKeyId}`);
    if (unknownKeyIds.length > 0) {
      this.logger.error(`merchant accounts are wrapped by master key(s) ${unknownKeyIds.join(', ')}, which are not configured: set MASTER_KEY_PREVIOUS to that key`);
    }
    await this.ensureRegisteredWithSimulator();
    await this.warnUnconfirmedKeys();
  }

  /** Accounts whose platform keys WeChat was never seen signing with trust none of them: they must save their credentials again. */
  private async warnUnconfirmedKeys(): Promise<void> {
    if (this.config.payscore.simulated) return; // registered with the simulator above, which confirms its key
    const rows = await this.transactions.asSystem(async (m) =>
      rowsOf<{ id: string; mchid: string }>(
        await m.query(
          `SELECT id, mchid FROM merchant_accounts WHERE disabled_at IS NULL AND platform_keys_confirmed_at IS NULL
              AND (platform_public_key_id IS NOT NULL OR platform_certificates IS NOT NULL)`,
        ),
      ),
    );
    for (const r of rows) {
      this.logger.error(
        `merchant account ${r.id} (${r.mchid}) holds platform keys WeChat was never seen signing with: it trusts none of them (its answers and callbacks cannot be verified) until its credentials are saved again`,
      );
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  /**
   * Re-wraps every data key still under a configured non-current master key (the previous one) with the
   * current one. Only dek_ciphertext / master_key_id change. Safe with several processes at once.
   */
  async rewrapAll(): Promise<{ rewrapped: number; unknownKeyIds: string[] }> {
    const previous = this.keyring.previousKeyId;
    let rewrapped = 0;
    if (previous && previous !== this.keyring.currentKeyId) {
      for (;;) {
        const done = await this.transactions.asSystem(async (m) => {
          const rows = rowsOf<{ id: string; dek_ciphertext: string; master_key_id: string }>(
            await m.query(
              `SELECT id, dek_ciphertext, master_key_id FROM merchant_accounts WHERE master_key_id = $1 ORDER BY id LIMIT ${REWRAP_BATCH} FOR UPDATE SKIP LOCKED`,
              [previous],
            ),
          );
          let count = 0;
          for (const row of rows) {
            const wrapped = rewrapMerchantDek(this.keyring, { id: row.id, dekCiphertext: row.dek_ciphertext, masterKeyId: row.master_key_id });
            const updated = rowsOf<{ id: string }>(
              await m.query(`UPDATE merchant_accounts SET dek_ciphertext = $2, master_key_id = $3 WHERE id = $1 AND master_key_id = $4 RETURNING id`, [
                row.id,
                wrapped.dekCiphertext,
                wrapped.masterKeyId,
                row.master_key_id,
              ]),
            );
            count += updated.length;
          }
          return { seen: rows.length, count };
        });
        rewrapped += done.count;
        if (done.seen < REWRAP_BATCH) break;
      }
    }
    const unknown = await this.transactions.asSystem(async (m) =>
      rowsOf<{ master_key_id: string }>(
        await m.query(`SELECT DISTINCT master_key_id FROM merchant_accounts WHERE NOT (master_key_id = ANY ($1::text[]))`, [
          [this.keyring.currentKeyId, ...(previous ? [previous] : [])],
        ]),
      ).map((r) => r.master_key_id),
    );
    return { rewrapped, unknownKeyIds: unknown };
  }

  /**
   * With the local simulator: registers every enabled account and stores the platform key it answers.
   * Returns how many were registered; throws when the simulator cannot be reached. No-op against WeChat.
   */
  async registerWithSimulator(): Promise<number> {
    if (!this.config.payscore.simulated) return 0;
    const registrations = await this.transactions.asSystem(async (m) => {
      const accounts = await listAccounts(m, 'a.disabled_at IS NULL');
      const result: { account: MerchantAccountRecord; body: SimMerchantRegistration }[] = [];
      for (const account of accounts) {
        try {
          result.push({ account, body: await this.registrationOf(m, account) });
        } catch (error) {
          this.logger.error(`merchant account ${account.id} (${account.mchid}) not registered with the simulator: ${(error as Error).message}`);
        }
      }
      return result;
    });
    if (registrations.length === 0) return 0;
    // the HTTP calls run outside any transaction: never hold the (embedded) connection while waiting on the network
    const keys: { id: string; key: SimPlatformKey }[] = [];
    for (const { account, body } of registrations) keys.push({ id: account.id, key: await registerWithSimulator(this.config.payscore.apiBaseUrl, body) });
    await this.transactions.asSystem(async (m) => {
      for (const { id, key } of keys) await storePlatformKey(m, id, key);
    });
    this.logger.log(`registered ${keys.length} merchant account(s) with the Pay Score simulator (platform key ${keys[0]?.key.platformPublicKeyId})`);
    return keys.length;
  }

  /**
   * After services or credentials change through the API (simulator only): registers that one account
   * again, in the caller's transaction. Best effort: a simulator that is down is caught up at the next start.
   */
  async syncAccountWithSimulator(m: EntityManager, accountId: string): Promise<void> {
    if (!this.config.payscore.simulated) return;
    const account = await findAccount(m, accountId);
    if (!account || account.disabledAt) return;
    try {
      const key = await registerWithSimulator(this.config.payscore.apiBaseUrl, await this.registrationOf(m, account));
      await storePlatformKey(m, account.id, key);
    } catch (error) {
      this.logger.warn(`merchant account ${account.id} (${account.mchid}) not re-registered with the simulator: ${(error as Error).message}`);
    }
  }

  /**
   * {@link registerWithSimulator}, and when the simulator cannot be reached, a warning and retries in the
   * background (1 s doubling to 30 s) until it can: never fails the boot.
   */
  async ensureRegisteredWithSimulator(): Promise<void> {
    if (!this.config.payscore.simulated || this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    try {
      await this.registerWithSimulator();
      this.retryDelayMs = 1000;
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(
        `the Pay Score simulator at ${this.config.payscore.apiBaseUrl} is not reachable (${(error as Error).message}); merchant accounts will be registered when it is (retry in ${this.retryDelayMs / 1000} s)`,
      );
      this.retryTimer = setTimeout(() => void this.ensureRegisteredWithSimulator(), this.retryDelayMs);
      this.retryTimer.unref();
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
    }
  }

  private async registrationOf(m: EntityManager, account: MerchantAccountRecord): Promise<SimMerchantRegistration> {
    const secrets = this.gateway.secretsOf(account);
    const services = await listServices(m, 's.merchant_account_id = $1 AND s.disabled_at IS NULL', [account.id]);
    return {
      mchid: account.mchid,
      serialNo: account.serialNo,
      publicKeyPem: merchantPublicKeyPem(secrets.privateKeyPem),
      apiV3Key: secrets.apiV3Key,
      apiV2Key: secrets.apiV2Key,
      appids: account.appids,
      // the simulator wants at least one service; an account without any gets the probe's placeholder
      services: services.length
        ? services.map((s) => ({ serviceId: s.serviceId, scenario: s.scenario, mode: s.mode, riskCapFen: s.riskCapFen }))
        : [{ serviceId: PROBE_SERVICE_ID, scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 1 }],
    };
  }
}

async function storePlatformKey(m: EntityManager, accountId: string, key: SimPlatformKey): Promise<void> {
  await m.query(
    // the simulator (playing WeChat) answered with this key: it is the account's one confirmed platform key
    `UPDATE merchant_accounts SET platform_public_key_id = $2, platform_public_key_pem = $3, platform_certificates = NULL,
         platform_keys_confirmed_at = now(), updated_at = now()
      WHERE id = $1 AND (platform_public_key_id IS DISTINCT FROM $2 OR platform_public_key_pem IS DISTINCT FROM $3
        OR platform_certificates IS NOT NULL OR platform_keys_confirmed_at IS NULL)`,
    [accountId, key.platformPublicKeyId, key.platformPublicKeyPem],
  );
}
