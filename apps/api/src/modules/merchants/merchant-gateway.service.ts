import { createPrivateKey } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  createFetchTransport,
  decryptComplaintPayerPhone,
  isPayScoreError,
  PayScoreClient,
  platformKeyLookup,
  verifyAndDecryptComplaintNotification,
  verifyAndDecryptNotification,
  type ComplaintEvent,
  type PayScoreNotification,
  type PlatformKeyLookup,
} from '@zizhu/payscore';
import type { PayscoreScenario } from '@zizhu/pricing';
import type { DataSource, EntityManager } from 'typeorm';
import { systemStatement } from '../../platform/database/transactions.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Clock, SystemClock } from '../../platform/clock/clock.js';
import type { EnvelopeKeyring } from '../../platform/crypto/envelope.js';
import { MetricsService } from '../../platform/observability/metrics.service.js';
import { observedTransport } from '../../platform/observability/wechat-metrics.js';
import type { DeviceType } from '../fleet/fleet.entities.js';
import { MERCHANT_KEYRING, openMerchantSecrets, type MerchantSecrets } from './merchant-credentials.js';
import {
  ACCOUNT_COLUMNS,
  findAccount,
  rowsOf,
  SERVICE_COLUMNS,
  systemRead,
  toAccount,
  toService,
  type MerchantAccountRecord,
  type ServiceMode,
} from './merchant-store.js';
import { merchantErrors } from './merchants.errors.js';

export type { PayscoreScenario } from '@zizhu/pricing';

/** The enabled accounts that list an appid, oldest first (consumer login). */
const APPID_ACCOUNTS = `SELECT ${ACCOUNT_COLUMNS} FROM merchant_accounts a WHERE $1 = ANY (a.appids) AND a.disabled_at IS NULL ORDER BY a.created_at, a.id`;

/** A merchant account ready to call WeChat with: its decrypted credentials stay inside. */
export interface MerchantHandle {
  readonly accountId: string;
  readonly tenantId: string;
  readonly mchid: string;
  readonly appids: readonly string[];
  /** Signs with this merchant's key and serial, verifies with its platform key(s); baseUrl config.payscore.apiBaseUrl. */
  readonly client: PayScoreClient;
  /** For openBusinessViewForConfirm (APIv2 HMAC — never the v3 key). */
  readonly apiV2Key: string;
  /** `${config.payscore.publicBaseUrl}/v1/payscore/notify/${accountId}` (no query string: WeChat refuses those). */
  readonly notifyUrl: string;
  /** verifyAndDecryptNotification with this account's APIv3 key and platform key(s); throws its PayScoreError rejection. */
  verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: Buffer | string): Promise<PayScoreNotification>;
  /** verifyAndDecryptComplaintNotification (COMPLAINT.*) with the same keys; throws its PayScoreError rejection. */
  verifyComplaintNotification(headers: Record<string, string | string[] | undefined>, rawBody: Buffer | string): ComplaintEvent;
  /** A complaint's payer_phone, decrypted with the merchant's private key (only when an operator opens it). */
  decryptPayerPhone(ciphertext: string): string;
}

/** A Pay Score service id as registered with its approval: the scenario, mode and risk cap WeChat granted. */
export interface ServiceBinding {
  readonly id: string;
  readonly serviceId: string;
  readonly name: string;
  readonly scenario: PayscoreScenario;
  readonly mode: ServiceMode;
  readonly riskCapFen: number;
  readonly merchantAccountId: string;
  readonly merchantTenantId: string;
  /**
   * The franchisee collects (issue 12, FRANCHISEE_COLLECTS): this is the franchisee's own service, its orders are
   * completed with `profit_sharing: true` and the brand's commission arrives by a split. False otherwise.
   */
  readonly profitSharing?: boolean;
}

const SCENARIO_OF_DEVICE: Record<DeviceType, PayscoreScenario> = {
  FRIDGE: 'VENDING',
  POWERBANK_CABINET: 'POWERBANK_RENTAL',
  EV_CHARGER: 'EV_CHARGING',
  WATER_VALVE: 'WATER',
};

/** The Pay Score scenario a device's vertical is charged under. */
export function scenarioOfDeviceType(type: DeviceType): PayscoreScenario {
  return SCENARIO_OF_DEVICE[type];
}

/**
 * The scenario guard: a service id may only charge the vertical WeChat approved it for, and never ask a
 * risk fund above its cap. Cross-scenario use gets the merchant's Pay Score revoked, so this is checked
 * before any call to WeChat. Throws PAYSCORE_SCENARIO_MISMATCH / PAYSCORE_RISK_CAP_EXCEEDED (422).
 */
export function assertServiceFits(binding: ServiceBinding, deviceType: DeviceType, riskFundFen: number): void {
  const scenario = scenarioOfDeviceType(deviceType);
  if (binding.scenario !== scenario) {
    throw merchantErrors.PAYSCORE_SCENARIO_MISMATCH(
      `Pay Score service ${binding.serviceId} (${binding.name}) is approved for ${binding.scenario}; using it for ${scenario} ` +
        `(a ${deviceType}) gets the merchant’s Pay Score revoked. Use a service approved for ${scenario}.`,
    );
  }
  if (riskFundFen > binding.riskCapFen) {
    throw merchantErrors.PAYSCORE_RISK_CAP_EXCEEDED(
      `The device’s pricing plan asks a risk fund of ${riskFundFen} fen (its total cap), but Pay Score service ${binding.serviceId} ` +
        `(${binding.name}) is approved for at most ${binding.riskCapFen} fen per order; WeChat refuses such orders. ` +
        `Lower the plan’s totalCapFen to ${binding.riskCapFen} or less, or use a service with a higher cap.`,
    );
  }
}

/**
 * The platform keys an account verifies WeChat's answers and callbacks with, by Wechatpay-Serial: only once WeChat
 * was seen signing with them (the credential probe, or the simulator's registration answer); before that none
 * (fail closed: a key nobody confirmed could sign "WeChat's" callbacks).
 */
export function platformKeysOf(account: MerchantAccountRecord): Record<string, string> {
  const keys: Record<string, string> = {};
  if (!account.platformKeysConfirmedAt) return keys;
  if (account.platformPublicKeyId && account.platformPublicKeyPem) keys[account.platformPublicKeyId] = account.platformPublicKeyPem;
  for (const cert of account.platformCertificates ?? []) keys[cert.serialNo] = cert.pem;
  return keys;
}

interface Cached {
  readonly stamp: string;
  readonly secrets: MerchantSecrets;
  handle?: MerchantHandle;
}

/** What the rest of the API (sessions, consumer login) uses of merchant accounts. */
@Injectable()
export class MerchantGateway {
  private readonly cache = new Map<string, Cached>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MERCHANT_KEYRING) private readonly keyring: EnvelopeKeyring,
    private readonly clock: Clock = new SystemClock(),
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /**
   * Decrypted handle, cached in memory per (account, credentials version, platform key); reads through
   * `manager` (the caller's open transaction). Throws MERCHANT_ACCOUNT_NOT_FOUND / MERCHANT_ACCOUNT_DISABLED.
   */
  async forAccount(manager: EntityManager, accountId: string): Promise<MerchantHandle> {
    const account = await findAccount(manager, accountId);
    if (!account) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    if (account.disabledAt) throw merchantErrors.MERCHANT_ACCOUNT_DISABLED(`Merchant account ${account.mchid} is disabled; it cannot charge.`);
    const cached = this.cached(account);
    cached.handle ??= this.buildHandle(account, cached.secrets);
    return cached.handle;
  }

  /**
   * forAccount read in place with row-level security lifted, for a caller that has already decided the request may use
   * this account (a franchisee opening an image of a complaint on its session, which its brand's account received).
   */
  async forAccountInPlace(manager: EntityManager, accountId: string): Promise<MerchantHandle> {
    return systemRead(manager, () => this.forAccount(manager, accountId));
  }

  /** The decrypted secrets of an account row (cached like handles); for this module only. */
  secretsOf(account: MerchantAccountRecord): MerchantSecrets {
    return this.cached(account).secrets;
  }

  /** The merchant-of-record tenant of an org (its parent brand for a FRANCHISEE, itself otherwise). */
  async merchantTenantOf(manager: EntityManager, orgId: string): Promise<string> {
    const [org] = rowsOf<{ kind: string; parent_id: string | null }>(await manager.query(`SELECT kind, parent_id FROM organizations WHERE id = $1`, [orgId]));
    if (!org) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND('No such organisation.');
    return org.kind === 'FRANCHISEE' && org.parent_id ? org.parent_id : orgId;
  }

  /**
   * The device's bound service, resolved against its merchant of record; throws PAYSCORE_SERVICE_NOT_CONFIGURED
   * (422) when the device has none or it is unknown / disabled (or its account is). The manager may be a system transaction.
   */
  async resolveService(manager: EntityManager, device: { tenantId: string; payscoreServiceId: string | null; type?: DeviceType }): Promise<ServiceBinding> {
    const [org] = rowsOf<{ kind: string; parent_id: string | null }>(await manager.query(`SELECT kind, parent_id FROM organizations WHERE id = $1`, [device.tenantId]));
    if (!org) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND('No such organisation.');
    // only a franchisee may collect itself (issue 12): one more query for franchisees, none for anyone else
    if (device.type && org.kind === 'FRANCHISEE') {
      const own = await this.franchiseeCollectsService(manager, device.tenantId, scenarioOfDeviceType(device.type));
      if (own) return own;
    }
    if (!device.payscoreServiceId) {
      throw merchantErrors.PAYSCORE_SERVICE_NOT_CONFIGURED('The device is bound to no Pay Score service; bind one (POST /v1/devices/{id}/payscore-service).');
    }
    const merchantTenantId = org.kind === 'FRANCHISEE' && org.parent_id ? org.parent_id : device.tenantId;
    // a franchisee cannot see its brand's services under RLS: read them in place, restricted to the merchant of record
    const rows = await systemRead(manager, async () =>
      rowsOf<Record<string, unknown>>(
        await manager.query(
          `SELECT ${SERVICE_COLUMNS} FROM payscore_services s JOIN merchant_accounts a ON a.id = s.merchant_account_id
            WHERE s.tenant_id = $1 AND s.service_id = $2 AND s.disabled_at IS NULL AND a.disabled_at IS NULL
            ORDER BY s.created_at LIMIT 1`,
          [merchantTenantId, device.payscoreServiceId],
        ),
      ),
    );
    if (!rows[0]) {
      throw merchantErrors.PAYSCORE_SERVICE_NOT_CONFIGURED(
        `Pay Score service ${device.payscoreServiceId} is not an enabled service of the device’s merchant of record.`,
      );
    }
    return toBinding(rows[0]);
  }

  /**
   * The merchant of record per franchisee (issue 12): a FRANCHISEE whose franchise agreement in force today says
   * FRANCHISEE_COLLECTS and that holds its own enabled, validated merchant account (platform keys confirmed) with an
   * enabled service of the device's scenario charges through that service; null otherwise (its brand's, as before).
   * One query, and only for franchisees (the core loop of other organisations pays nothing for it). Read in place as the
   * system: the caller may be a consumer session (no tenant). The scenario/risk-cap guard still runs on the result.
   */
  async franchiseeCollectsService(manager: EntityManager, orgId: string, scenario: PayscoreScenario): Promise<ServiceBinding | null> {
    const rows = await systemRead(manager, async () =>
      rowsOf<Record<string, unknown>>(
        await manager.query(
          `SELECT ${SERVICE_COLUMNS}
             FROM organizations o
             JOIN LATERAL (SELECT ag.collection FROM agreements ag
                            WHERE ag.tenant_id = o.id AND ag.kind = 'FRANCHISE'
                              AND ag.effective_from <= ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date -- today on the business clock
                            ORDER BY ag.version DESC LIMIT 1) ag ON ag.collection = 'FRANCHISEE_COLLECTS'
             JOIN payscore_services s ON s.tenant_id = o.id AND s.scenario = $2 AND s.disabled_at IS NULL
             JOIN merchant_accounts a ON a.id = s.merchant_account_id AND a.disabled_at IS NULL
                                     AND a.validated_at IS NOT NULL AND a.platform_keys_confirmed_at IS NOT NULL
            WHERE o.id = $1 AND o.kind = 'FRANCHISEE'
            ORDER BY s.created_at, s.id LIMIT 1`,
          [orgId, scenario, this.clock.now()],
        ),
      ),
    );
    return rows[0] ? { ...toBinding(rows[0]), profitSharing: true } : null;
  }

  /**
   * For consumer login: the mini-program secret registered for an appid on any enabled account (null if the
   * appid is known but has no secret); MERCHANT_APPID_UNKNOWN if no enabled account lists it. A system read, its one
   * statement alone (one round trip): consumer login acts for no tenant yet, the appid is the only key, and only its
   * secret leaves this method.
   */
  async appSecretFor(dataSource: DataSource, appid: string): Promise<string | null> {
    return this.secretAmong((await systemStatement(dataSource, { text: APPID_ACCOUNTS, values: [appid] })).rows.map(toAccount), appid);
  }

  private secretAmong(accounts: readonly MerchantAccountRecord[], appid: string): string | null {
    if (accounts.length === 0) throw merchantErrors.MERCHANT_APPID_UNKNOWN(`No enabled merchant account lists appid ${appid}.`);
    for (const account of accounts) {
      const secret = this.secretsOf(account).appSecrets[appid];
      if (secret) return secret;
    }
    return null;
  }

  private cached(account: MerchantAccountRecord): Cached {
    const stamp = `${account.credentialsVersion}|${account.platformPublicKeyId ?? ''}|${account.platformKeysConfirmedAt?.getTime() ?? ''}|${account.updatedAt.getTime()}`;
    const hit = this.cache.get(account.id);
    if (hit?.stamp === stamp) return hit;
    const entry: Cached = { stamp, secrets: openMerchantSecrets(this.keyring, account) };
    this.cache.set(account.id, entry);
    return entry;
  }

  /** Runs a callback's verification, counting a failure (sync or async) for the metrics. */
  private counted<T>(kind: string, verify: () => T): T {
    try {
      const result = verify();
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          countFailure(this.metrics, kind, error);
          throw error;
        }) as T;
      }
      return result;
    } catch (error) {
      countFailure(this.metrics, kind, error);
      throw error;
    }
  }

  private buildHandle(account: MerchantAccountRecord, secrets: MerchantSecrets): MerchantHandle {
    // parsed once per handle: every answer and callback of the account is verified against the same KeyObjects
    const platformKeys: PlatformKeyLookup = platformKeyLookup(platformKeysOf(account));
    const notifyUrl = `${this.config.payscore.publicBaseUrl}/v1/payscore/notify/${account.id}`;
    const clientOptions = {
      mchid: account.mchid,
      merchantSerialNo: account.serialNo,
      merchantPrivateKey: createPrivateKey(secrets.privateKeyPem),
      platformKeys,
      appid: account.appids[0] ?? '',
      // every call names its service: the account has several (one per scenario)
      serviceId: '',
      notifyUrl,
      refundNotifyUrl: notifyUrl,
      baseUrl: this.config.payscore.apiBaseUrl,
      ...(account.platformPublicKeyId ? { wechatpaySerial: account.platformPublicKeyId } : {}),
      // only a verified answer may move a session (issue 10, item 10): an unsigned error answer (a proxy's 404, a
      // gateway page) is refused as PAYSCORE_RESPONSE_UNSIGNED, an unknown outcome. Production and the simulator
      // alike: the simulator signs its error answers, so requiring it there too keeps the tests as strict.
      requireSignedErrors: true,
      // metrics (issue 15): every WeChat call of every merchant goes through this transport
      ...(this.metrics ? { transport: observedTransport(createFetchTransport(), this.metrics) } : {}),
    };
    const client = new PayScoreClient(clientOptions);
    const apiV3Key = secrets.apiV3Key;
    return {
      accountId: account.id,
      tenantId: account.tenantId,
      mchid: account.mchid,
      appids: [...account.appids],
      client,
      apiV2Key: secrets.apiV2Key,
      notifyUrl,
      verifyNotification: async (headers, rawBody) =>
        this.counted('payscore', () => verifyAndDecryptNotification({ headers, rawBody }, { platformKeys, apiV3Key, now: Date.now })),
      verifyComplaintNotification: (headers, rawBody) =>
        this.counted('complaint', () => verifyAndDecryptComplaintNotification({ headers, rawBody }, { platformKeys, apiV3Key, now: Date.now })),
      decryptPayerPhone: (ciphertext) => decryptComplaintPayerPhone(ciphertext, secrets.privateKeyPem),
    };
  }
}

/** Counts a callback that does not verify (metrics, issue 15); an authentic event that is not ours is no failure. */
function countFailure(metrics: MetricsService | undefined, kind: string, error: unknown): void {
  if (!metrics || isPayScoreError(error, 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT')) return;
  metrics.callbackFailures.inc({ kind, reason: isPayScoreError(error) ? error.code : 'MALFORMED' });
}

export function toBinding(row: Record<string, unknown>): ServiceBinding {
  const s = toService(row);
  return {
    id: s.id,
    serviceId: s.serviceId,
    name: s.name,
    scenario: s.scenario,
    mode: s.mode,
    riskCapFen: s.riskCapFen,
    merchantAccountId: s.merchantAccountId,
    merchantTenantId: s.tenantId,
  };
}
