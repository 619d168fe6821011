import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { riskFundFor, type PricingPlan } from '@zizhu/pricing';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { EnvelopeKeyring } from '../../platform/crypto/envelope.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { queueComplaintRegistration } from '../complaints/complaint-registration.job.js';
import { DeviceEntity } from '../fleet/fleet.entities.js';
import { findWritableDevice } from '../fleet/devices.service.js';
import { PayscoreServiceCheck, type DeviceServiceRequest } from '../fleet/payscore-service-check.js';
import { currentPlan } from '../fleet/pricing-plans.js';
import type {
  BindPayscoreServiceDto,
  ComplaintNotificationStatusDto,
  CreateMerchantAccountDto,
  CreatePayscoreServiceDto,
  DevicePayscoreBindingDto,
  MerchantAccountDetailDto,
  MerchantAccountDto,
  MerchantCredentialsDto,
  PayscoreServiceDto,
  TransferSceneDto,
} from './dto/merchants.dto.js';
import { MerchantBootService } from './merchant-boot.service.js';
import { MERCHANT_KEYRING, sealMerchantSecrets, type MerchantSecrets } from './merchant-credentials.js';
import { assertServiceFits, MerchantGateway, scenarioOfDeviceType, toBinding, type ServiceBinding } from './merchant-gateway.service.js';
import { probeCredentials } from './merchant-probe.js';
import {
  findAccount,
  insertAccount,
  insertService,
  listAccounts,
  listServices,
  rowsOf,
  SERVICE_COLUMNS,
  systemRead,
  toService,
  type MerchantAccountRecord,
  type PayscoreServiceRecord,
  type PlatformCertificate,
} from './merchant-store.js';
import { merchantErrors } from './merchants.errors.js';
import { transferSceneOf, transferSceneProblems } from './transfer-scene.js';

export function toAccountDto(a: MerchantAccountRecord): MerchantAccountDto {
  return {
    id: a.id,
    organizationId: a.tenantId,
    name: a.name,
    mchid: a.mchid,
    appids: [...a.appids],
    serialNo: a.serialNo,
    platformPublicKeyId: a.platformPublicKeyId,
    platformCertificateSerials: (a.platformCertificates ?? []).map((c) => c.serialNo),
    hasPrivateKey: true,
    hasApiV3Key: true,
    hasApiV2Key: true,
    credentialsVersion: a.credentialsVersion,
    masterKeyId: a.masterKeyId,
    status: a.disabledAt ? 'DISABLED' : 'ACTIVE',
    validationResult: a.validatedAt ? 'ACCEPTED' : 'NOT_VALIDATED',
    validatedAt: a.validatedAt?.toISOString() ?? null,
    disabledAt: a.disabledAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    transferScene: (() => {
      const scene = transferSceneOf(a);
      return { sceneId: scene.sceneId, reportInfos: scene.reportInfos.map((i) => ({ infoType: i.infoType, infoContent: i.infoContent })), isDefault: a.transferSceneId === null };
    })(),
    complaintNotification: complaintNotificationOf(a),
  };
}

/** The complaint notification URL's registration state (the `complaints.register-url` job, modules/complaints). */
export function complaintNotificationOf(a: MerchantAccountRecord): ComplaintNotificationStatusDto {
  const unavailableReason = a.disabledAt ? 'ACCOUNT_DISABLED' : a.platformKeysConfirmedAt ? null : 'PLATFORM_KEYS_UNCONFIRMED';
  const state = unavailableReason ? 'UNAVAILABLE' : a.complaintsRegistrationError ? 'FAILED' : a.complaintsRegisteredAt ? 'REGISTERED' : 'PENDING';
  return {
    state,
    url: a.complaintsNotifyUrl,
    registeredAt: a.complaintsRegisteredAt?.toISOString() ?? null,
    lastError: a.complaintsRegistrationError,
    lastAttemptAt: a.complaintsRegistrationAttemptedAt?.toISOString() ?? null,
    unavailableReason,
  };
}

export function toServiceDto(s: PayscoreServiceRecord): PayscoreServiceDto {
  return {
    id: s.id,
    merchantAccountId: s.merchantAccountId,
    organizationId: s.tenantId,
    serviceId: s.serviceId,
    name: s.name,
    scenario: s.scenario,
    mode: s.mode,
    riskCapFen: s.riskCapFen,
    createdAt: s.createdAt.toISOString(),
    disabledAt: s.disabledAt?.toISOString() ?? null,
  };
}

interface KeyMaterial {
  serialNo: string;
  platformPublicKeyId: string | null;
  platformPublicKeyPem: string | null;
  platformCertificates: PlatformCertificate[] | null;
  secrets: MerchantSecrets;
}

/**
 * Merchant accounts and their Pay Score services, for the operators of the merchant of record. The
 * account's tenant is always the caller's own organisation; secrets go in, never out.
 */
@Injectable()
export class MerchantAccountsService implements OnModuleInit {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly gateway: MerchantGateway,
    private readonly boot: MerchantBootService,
    @Inject(MERCHANT_KEYRING) private readonly keyring: EnvelopeKeyring,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly serviceCheck: PayscoreServiceCheck,
  ) {}

  /** Registration and the CSV import (fleet) set a device's service through the same guard as the bind route. */
  onModuleInit(): void {
    this.serviceCheck.attach(async (m, request) => {
      await this.fitService(m, request);
    });
  }

  private get manager(): EntityManager {
    return this.context.manager;
  }

  private async keyMaterial(input: MerchantCredentialsDto, appids: readonly string[]): Promise<KeyMaterial> {
    const problems: { field: string; messages: string[] }[] = [];
    if ((input.platformPublicKeyId === undefined) !== (input.platformPublicKeyPem === undefined)) {
      problems.push({ field: 'platformPublicKeyId', messages: ['platformPublicKeyId and platformPublicKeyPem go together'] });
    }
    if (input.platformPublicKeyId === undefined && !input.platformCertificates?.length) {
      problems.push({ field: 'platformPublicKeyId', messages: ['give the WeChat Pay public key (platformPublicKeyId + platformPublicKeyPem) or platformCertificates: WeChat’s answers must be verified'] });
    }
    const appSecrets = input.appSecrets ?? {};
    for (const [appid, secret] of Object.entries(appSecrets)) {
      if (!appids.includes(appid)) problems.push({ field: `appSecrets.${appid}`, messages: ['is not one of the account’s appids'] });
      if (typeof secret !== 'string' || secret.length < 1 || secret.length > 128) problems.push({ field: `appSecrets.${appid}`, messages: ['must be a string of 1–128 characters'] });
    }
    if (problems.length) throw merchantErrors.MERCHANT_INVALID(`Invalid fields: ${problems.map((p) => p.field).join(', ')}`, { errors: problems });
    return {
      serialNo: input.serialNo.toUpperCase(),
      platformPublicKeyId: input.platformPublicKeyId ?? null,
      platformPublicKeyPem: input.platformPublicKeyPem ?? null,
      platformCertificates: input.platformCertificates?.map((c) => ({ serialNo: c.serialNo.toUpperCase(), pem: c.pem })) ?? null,
      secrets: { privateKeyPem: input.privateKeyPem, apiV3Key: input.apiV3Key, apiV2Key: input.apiV2Key, appSecrets: { ...appSecrets } },
    };
  }

  private async probe(mchid: string, appids: readonly string[], k: KeyMaterial, serviceId?: string): Promise<void> {
    const platformKeys: Record<string, string> = {};
    if (k.platformPublicKeyId && k.platformPublicKeyPem) platformKeys[k.platformPublicKeyId] = k.platformPublicKeyPem;
    for (const c of k.platformCertificates ?? []) platformKeys[c.serialNo] = c.pem;
    await probeCredentials({
      baseUrl: this.config.payscore.apiBaseUrl,
      mchid,
      serialNo: k.serialNo,
      privateKeyPem: k.secrets.privateKeyPem,
      appids,
      platformKeys,
      platformPublicKeyId: k.platformPublicKeyId,
      serviceId,
    });
  }

  async create(input: CreateMerchantAccountDto): Promise<MerchantAccountDetailDto> {
    const tenantId = this.context.tenantId;
    const [org] = rowsOf<{ kind: string }>(await this.manager.query(`SELECT kind FROM organizations WHERE id = $1`, [tenantId]));
    // a franchisee may hold its own account: it charges through it once its agreement says FRANCHISEE_COLLECTS (issue 12)
    if (org?.kind !== 'OPERATOR' && org?.kind !== 'CUSTOMER' && org?.kind !== 'FRANCHISEE') throw merchantErrors.MERCHANT_NOT_MERCHANT_OF_RECORD();
    const k = await this.keyMaterial(input, input.appids);
    // mchids are unique platform-wide: checked across tenants before the test call (only existence is answered)
    const taken = await systemRead(this.manager, async () => rowsOf(await this.manager.query(`SELECT 1 FROM merchant_accounts WHERE mchid = $1`, [input.mchid])));
    if (taken.length) throw merchantErrors.MERCHANT_MCHID_TAKEN();
    await this.probe(input.mchid, input.appids, k);
    const id = randomUUID();
    const sealed = sealMerchantSecrets(this.keyring, id, 1, k.secrets);
    await insertAccount(this.manager, {
      id,
      tenantId,
      name: input.name,
      mchid: input.mchid,
      appids: input.appids,
      serialNo: k.serialNo,
      platformPublicKeyId: k.platformPublicKeyId,
      platformPublicKeyPem: k.platformPublicKeyPem,
      platformCertificates: k.platformCertificates,
      credentialsCiphertext: sealed.ciphertext,
      dekCiphertext: sealed.dekCiphertext,
      masterKeyId: sealed.masterKeyId,
      validatedAt: new Date(),
      platformKeysConfirmedAt: new Date(),
    });
    // complaints reach the platform only once WeChat knows where to send them: registered by a job that exists iff the account does
    await queueComplaintRegistration(this.jobs, id);
    const account = await this.get(id);
    await this.audit.record({ action: 'merchant-account.create', resourceType: 'merchant_account', resourceId: id, subjectTenantId: tenantId, after: withoutServices(account) });
    return account;
  }

  async list(): Promise<MerchantAccountDetailDto[]> {
    const accounts = await listAccounts(this.manager);
    const services = await listServices(this.manager);
    return accounts.map((a) => ({ ...toAccountDto(a), services: services.filter((s) => s.merchantAccountId === a.id).map(toServiceDto) }));
  }

  private async account(id: string): Promise<MerchantAccountRecord> {
    const account = await findAccount(this.manager, id);
    if (!account) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    return account;
  }

  async get(id: string): Promise<MerchantAccountDetailDto> {
    const account = await this.account(id);
    const services = await listServices(this.manager, 's.merchant_account_id = $1', [id]);
    return { ...toAccountDto(account), services: services.map(toServiceDto) };
  }

  async replaceCredentials(id: string, input: MerchantCredentialsDto): Promise<MerchantAccountDetailDto> {
    const [locked] = rowsOf<{ id: string }>(await this.manager.query(`SELECT id FROM merchant_accounts WHERE id = $1 FOR UPDATE`, [id]));
    if (!locked) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    const account = await this.account(id);
    if (account.disabledAt) throw merchantErrors.MERCHANT_ACCOUNT_DISABLED();
    const k = await this.keyMaterial(input, account.appids);
    const [service] = await listServices(this.manager, 's.merchant_account_id = $1 AND s.disabled_at IS NULL', [id]);
    await this.probe(account.mchid, account.appids, k, service?.serviceId);
    const version = account.credentialsVersion + 1;
    const sealed = sealMerchantSecrets(this.keyring, id, version, k.secrets);
    await this.manager.query(
      `UPDATE merchant_accounts SET serial_no = $2, platform_public_key_id = $3, platform_public_key_pem = $4, platform_certificates = $5::jsonb,
         credentials_ciphertext = $6, dek_ciphertext = $7, master_key_id = $8, credentials_version = $9, validated_at = now(),
         platform_keys_confirmed_at = now(), updated_at = now()
       WHERE id = $1`,
      [
        id,
        k.serialNo,
        k.platformPublicKeyId,
        k.platformPublicKeyPem,
        k.platformCertificates ? JSON.stringify(k.platformCertificates) : null,
        sealed.ciphertext,
        sealed.dekCiphertext,
        sealed.masterKeyId,
        version,
      ],
    );
    await this.audit.record({
      action: 'merchant-account.credentials.replace',
      resourceType: 'merchant_account',
      resourceId: id,
      subjectTenantId: account.tenantId,
      before: { credentialsVersion: account.credentialsVersion, serialNo: account.serialNo, platformPublicKeyId: account.platformPublicKeyId },
      after: { credentialsVersion: version, serialNo: k.serialNo, platformPublicKeyId: k.platformPublicKeyId },
    });
    await this.boot.syncAccountWithSimulator(this.manager, id);
    // credentials that work now may register what failed before (a no-op while a registration job is queued or running)
    if (!account.complaintsRegisteredAt || account.complaintsRegistrationError) await queueComplaintRegistration(this.jobs, id);
    return this.get(id);
  }

  /** The WeChat transfer scene (and report items) the account pays franchisees under; stored per account, audited. */
  async setTransferScene(id: string, input: TransferSceneDto): Promise<MerchantAccountDetailDto> {
    const [locked] = rowsOf<{ id: string }>(await this.manager.query(`SELECT id FROM merchant_accounts WHERE id = $1 FOR UPDATE`, [id]));
    if (!locked) throw merchantErrors.MERCHANT_ACCOUNT_NOT_FOUND();
    const account = await this.account(id);
    if (account.disabledAt) throw merchantErrors.MERCHANT_ACCOUNT_DISABLED();
    const reportInfos = input.reportInfos.map((i) => ({ infoType: i.infoType, infoContent: i.infoContent }));
    const problems = transferSceneProblems({ sceneId: input.sceneId, reportInfos });
    if (problems.length) throw merchantErrors.MERCHANT_INVALID(`Invalid fields: ${problems.map((p) => p.field).join(', ')}`, { errors: problems });
    await this.manager.query(`UPDATE merchant_accounts SET transfer_scene_id = $2, transfer_scene_report_infos = $3::jsonb, updated_at = now() WHERE id = $1`, [
      id,
      input.sceneId,
      JSON.stringify(reportInfos),
    ]);
    const before = toAccountDto(account).transferScene;
    await this.audit.record({
      action: 'merchant-account.transfer-scene.set',
      resourceType: 'merchant_account',
      resourceId: id,
      subjectTenantId: account.tenantId,
      before,
      after: { sceneId: input.sceneId, reportInfos, isDefault: false },
    });
    return this.get(id);
  }

  async disable(id: string): Promise<MerchantAccountDetailDto> {
    const account = await this.account(id);
    if (!account.disabledAt) {
      await this.manager.query(`UPDATE merchant_accounts SET disabled_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record({ action: 'merchant-account.disable', resourceType: 'merchant_account', resourceId: id, subjectTenantId: account.tenantId });
    }
    return this.get(id);
  }

  async addService(accountId: string, input: CreatePayscoreServiceDto): Promise<PayscoreServiceDto> {
    const account = await this.account(accountId);
    if (account.disabledAt) throw merchantErrors.MERCHANT_ACCOUNT_DISABLED();
    const existing = await listServices(this.manager, 's.merchant_account_id = $1 AND s.service_id = $2', [accountId, input.serviceId]);
    if (existing.length) throw merchantErrors.PAYSCORE_SERVICE_TAKEN();
    const id = randomUUID();
    await insertService(this.manager, { id, tenantId: account.tenantId, merchantAccountId: accountId, ...input });
    const [created] = await listServices(this.manager, 's.id = $1', [id]);
    const dto = toServiceDto(created!);
    await this.audit.record({ action: 'payscore-service.create', resourceType: 'payscore_service', resourceId: id, subjectTenantId: account.tenantId, after: dto });
    // the simulator learns the new service id (WeChat's own approval happens outside the platform)
    await this.boot.syncAccountWithSimulator(this.manager, accountId);
    return dto;
  }

  async listServices(): Promise<PayscoreServiceDto[]> {
    const m = this.manager;
    const merchantTenant = await this.gateway.merchantTenantOf(m, this.context.tenantId);
    if (merchantTenant !== this.context.tenantId) {
      // a franchisee binds its devices to its brand's services but cannot read them under RLS:
      // read them in place, restricted to its merchant of record, and only the enabled ones
      const services = await systemRead(m, () =>
        listServices(m, 's.tenant_id = $1 AND s.disabled_at IS NULL AND EXISTS (SELECT 1 FROM merchant_accounts a WHERE a.id = s.merchant_account_id AND a.disabled_at IS NULL)', [merchantTenant]),
      );
      return services.map(toServiceDto);
    }
    return (await listServices(m)).map(toServiceDto);
  }

  /**
   * The scenario guard for every write that sets a device's Pay Score service (the bind route, registration and the
   * CSV import through the fleet's {@link PayscoreServiceCheck}): the service must be an enabled service of the
   * device's merchant of record (a franchisee's is its brand's; read in place, since it cannot read them under RLS) or,
   * for a franchisee that collects itself, the own service it charges through for the device's scenario,
   * approved for the device's scenario, with the plan's risk fund under its cap. Errors name `request.field`.
   */
  async fitService(
    m: EntityManager,
    request: DeviceServiceRequest,
  ): Promise<{ binding: ServiceBinding; row: Record<string, unknown>; riskFundFen: number | null }> {
    const naming = (error: DomainError): DomainError =>
      new DomainError(error.code, error.status, error.message, { errors: [{ field: request.field, messages: [error.message] }] });
    const merchantTenantId = await this.gateway.merchantTenantOf(m, request.tenantId);
    // a franchisee that collects itself (issue 12) charges through its own service for the scenario: that one fits too
    const own =
      merchantTenantId !== request.tenantId ? await this.gateway.franchiseeCollectsService(m, request.tenantId, scenarioOfDeviceType(request.deviceType)) : null;
    const ownTenant = own?.serviceId === request.serviceId ? request.tenantId : null;
    // one narrow read in place, restricted to the device's merchant of record (or that own service) and this service id
    const rows = await systemRead(m, async () =>
      rowsOf<Record<string, unknown>>(
        await m.query(
          `SELECT ${SERVICE_COLUMNS} FROM payscore_services s JOIN merchant_accounts a ON a.id = s.merchant_account_id
            WHERE (s.tenant_id = $1 OR s.tenant_id = $3::uuid) AND s.service_id = $2 AND s.disabled_at IS NULL AND a.disabled_at IS NULL
            ORDER BY (s.tenant_id = $1) DESC, s.created_at LIMIT 1`,
          [merchantTenantId, request.serviceId, ownTenant],
        ),
      ),
    );
    const row = rows[0];
    if (!row) {
      throw naming(merchantErrors.PAYSCORE_SERVICE_NOT_FOUND(`Pay Score service ${request.serviceId} is not an enabled service of the device’s merchant of record.`));
    }
    const binding = toBinding(row);
    let riskFundFen: number | null = null;
    try {
      assertServiceFits(binding, request.deviceType, 0);
      if (request.plan) {
        const fund = riskFundFor(request.plan as unknown as PricingPlan, binding.scenario);
        if (!fund.ok) throw merchantErrors.PAYSCORE_RISK_CAP_EXCEEDED(`The device’s pricing plan gives no Pay Score risk fund: ${fund.error.message}.`);
        riskFundFen = fund.value.amountFen;
        assertServiceFits(binding, request.deviceType, riskFundFen);
      }
    } catch (error) {
      throw error instanceof DomainError ? naming(error) : error;
    }
    return { binding, row, riskFundFen };
  }

  async bindDevice(deviceId: string, input: BindPayscoreServiceDto): Promise<DevicePayscoreBindingDto> {
    const m = this.manager;
    // a reseller sees its customers' devices (fleet) but their Pay Score setup is the customer's: only the
    // device's operator (its merchant of record, or a franchise brand for its franchisee) binds a service
    const device = await findWritableDevice(m, deviceId);
    const plan = device.planId ? await currentPlan(m, device.planId) : null;
    const { binding, row, riskFundFen } = await this.fitService(m, {
      tenantId: device.tenantId,
      deviceType: device.type,
      plan: plan ? (plan.plan as unknown as Record<string, unknown>) : null,
      serviceId: input.serviceId,
      field: 'serviceId',
    });
    await m.update(DeviceEntity, { id: deviceId }, { payscoreServiceId: binding.serviceId });
    await this.audit.record({
      action: 'device.payscore-service.bind',
      resourceType: 'device',
      resourceId: deviceId,
      subjectTenantId: device.tenantId,
      before: { payscoreServiceId: device.payscoreServiceId },
      after: { payscoreServiceId: binding.serviceId, scenario: binding.scenario, riskFundFen },
    });
    return { deviceId, payscoreServiceId: binding.serviceId, service: toServiceDto(toService(row)), riskFundFen };
  }
}

const withoutServices = ({ services: _services, ...account }: MerchantAccountDetailDto) => account;
