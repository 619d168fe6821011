import type { EntityManager } from 'typeorm';
import type { PayscoreScenario } from '@zizhu/pricing';
import type { TransferSceneReportInfo } from './transfer-scene.js';
import { allTenantsKnown, recordAllTenants } from '../../platform/database/transactions.js';

/**
 * Rows of merchant_accounts and payscore_services, read and written through the caller's transaction
 * (row-level security applies unless the caller opened it: see {@link systemRead}).
 */

export type ServiceMode = 'DEPOSIT_WAIVED' | 'USE_FIRST';
export const PAYSCORE_SCENARIOS = ['VENDING', 'POWERBANK_RENTAL', 'EV_CHARGING', 'WATER'] as const satisfies readonly PayscoreScenario[];
export const SERVICE_MODES = ['DEPOSIT_WAIVED', 'USE_FIRST'] as const satisfies readonly ServiceMode[];

export interface PlatformCertificate {
  readonly serialNo: string;
  readonly pem: string;
}

export interface MerchantAccountRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly mchid: string;
  readonly appids: readonly string[];
  readonly serialNo: string;
  readonly platformPublicKeyId: string | null;
  readonly platformPublicKeyPem: string | null;
  readonly platformCertificates: readonly PlatformCertificate[] | null;
  readonly credentialsCiphertext: string;
  readonly dekCiphertext: string;
  readonly masterKeyId: string;
  readonly credentialsVersion: number;
  readonly validatedAt: Date | null;
  /** When WeChat was seen signing with the platform keys above; null: none of them is trusted (issue 10, item 5). */
  readonly platformKeysConfirmedAt: Date | null;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The merchant-transfer scene it pays franchisees under; null (both): the default (transfer-scene.ts). */
  readonly transferSceneId: string | null;
  readonly transferSceneReportInfos: readonly TransferSceneReportInfo[] | null;
  /** The complaint notification URL WeChat answered when it was last registered, and when (modules/complaints). */
  readonly complaintsNotifyUrl: string | null;
  readonly complaintsRegisteredAt: Date | null;
  /** The last registration attempt's failure (null once one succeeds), and when it was tried. */
  readonly complaintsRegistrationError: string | null;
  readonly complaintsRegistrationAttemptedAt: Date | null;
}

export interface PayscoreServiceRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly merchantAccountId: string;
  readonly serviceId: string;
  readonly name: string;
  readonly scenario: PayscoreScenario;
  readonly mode: ServiceMode;
  readonly riskCapFen: number;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

/** Rows of a query through TypeORM (UPDATE … RETURNING answers [rows, count] on the postgres driver). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const maybeDate = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));
const textArray = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.map(String);
  // a driver that hands arrays back as their text form: {a,b}
  const text = String(v ?? '');
  return text === '{}' || text === '' ? [] : text.replace(/^\{|\}$/g, '').split(',').map((s) => s.replace(/^"|"$/g, ''));
};
const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export const ACCOUNT_COLUMNS = `a.id, a.tenant_id, a.name, a.mchid, a.appids, a.serial_no, a.platform_public_key_id, a.platform_public_key_pem,
  a.platform_certificates, a.credentials_ciphertext, a.dek_ciphertext, a.master_key_id, a.credentials_version, a.validated_at,
  a.platform_keys_confirmed_at, a.disabled_at, a.created_at, a.updated_at, a.transfer_scene_id, a.transfer_scene_report_infos,
  a.complaints_notify_url, a.complaints_registered_at, a.complaints_registration_error, a.complaints_registration_attempted_at`;

export function toAccount(r: Record<string, unknown>): MerchantAccountRecord {
  return {
    id: String(r['id']),
    tenantId: String(r['tenant_id']),
    name: String(r['name']),
    mchid: String(r['mchid']),
    appids: textArray(r['appids']),
    serialNo: String(r['serial_no']),
    platformPublicKeyId: (r['platform_public_key_id'] as string | null) ?? null,
    platformPublicKeyPem: (r['platform_public_key_pem'] as string | null) ?? null,
    platformCertificates: json<PlatformCertificate[]>(r['platform_certificates']),
    credentialsCiphertext: String(r['credentials_ciphertext']),
    dekCiphertext: String(r['dek_ciphertext']),
    masterKeyId: String(r['master_key_id']),
    credentialsVersion: Number(r['credentials_version']),
    validatedAt: maybeDate(r['validated_at']),
    platformKeysConfirmedAt: maybeDate(r['platform_keys_confirmed_at']),
    disabledAt: maybeDate(r['disabled_at']),
    createdAt: date(r['created_at']),
    updatedAt: date(r['updated_at']),
    transferSceneId: (r['transfer_scene_id'] as string | null) ?? null,
    transferSceneReportInfos: json<TransferSceneReportInfo[]>(r['transfer_scene_report_infos']),
    complaintsNotifyUrl: (r['complaints_notify_url'] as string | null) ?? null,
    complaintsRegisteredAt: maybeDate(r['complaints_registered_at']),
    complaintsRegistrationError: (r['complaints_registration_error'] as string | null) ?? null,
    complaintsRegistrationAttemptedAt: maybeDate(r['complaints_registration_attempted_at']),
  };
}

export const SERVICE_COLUMNS = `s.id, s.tenant_id, s.merchant_account_id, s.service_id, s.name, s.scenario, s.mode, s.risk_cap_fen, s.created_at, s.disabled_at`;

export function toService(r: Record<string, unknown>): PayscoreServiceRecord {
  return {
    id: String(r['id']),
    tenantId: String(r['tenant_id']),
    merchantAccountId: String(r['merchant_account_id']),
    serviceId: String(r['service_id']),
    name: String(r['name']),
    scenario: r['scenario'] as PayscoreScenario,
    mode: r['mode'] as ServiceMode,
    riskCapFen: Number(r['risk_cap_fen']),
    createdAt: date(r['created_at']),
    disabledAt: maybeDate(r['disabled_at']),
  };
}

export async function findAccount(m: EntityManager, id: string): Promise<MerchantAccountRecord | null> {
  const rows = rowsOf<Record<string, unknown>>(await m.query(`SELECT ${ACCOUNT_COLUMNS} FROM merchant_accounts a WHERE a.id = $1`, [id]));
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function listAccounts(m: EntityManager, where = 'TRUE', params: unknown[] = []): Promise<MerchantAccountRecord[]> {
  const rows = rowsOf<Record<string, unknown>>(await m.query(`SELECT ${ACCOUNT_COLUMNS} FROM merchant_accounts a WHERE ${where} ORDER BY a.created_at, a.id`, params));
  return rows.map(toAccount);
}

export async function listServices(m: EntityManager, where = 'TRUE', params: unknown[] = []): Promise<PayscoreServiceRecord[]> {
  const rows = rowsOf<Record<string, unknown>>(await m.query(`SELECT ${SERVICE_COLUMNS} FROM payscore_services s WHERE ${where} ORDER BY s.created_at, s.id`, params));
  return rows.map(toService);
}

export interface NewAccountRow {
  id: string;
  tenantId: string;
  name: string;
  mchid: string;
  appids: readonly string[];
  serialNo: string;
  platformPublicKeyId: string | null;
  platformPublicKeyPem: string | null;
  platformCertificates: readonly PlatformCertificate[] | null;
  credentialsCiphertext: string;
  dekCiphertext: string;
  masterKeyId: string;
  validatedAt: Date | null;
  /** Set when the probe confirmed the platform keys (they verified WeChat's answers); see MerchantAccountRecord. */
  platformKeysConfirmedAt?: Date | null;
}

export async function insertAccount(m: EntityManager, row: NewAccountRow): Promise<void> {
  await m.query(
    `INSERT INTO merchant_accounts (id, tenant_id, name, mchid, appids, serial_no, platform_public_key_id, platform_public_key_pem,
       platform_certificates, credentials_ciphertext, dek_ciphertext, master_key_id, credentials_version, validated_at, platform_keys_confirmed_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9::jsonb, $10, $11, $12, 1, $13, $14)`,
    [
      row.id,
      row.tenantId,
      row.name,
      row.mchid,
      [...row.appids],
      row.serialNo,
      row.platformPublicKeyId,
      row.platformPublicKeyPem,
      row.platformCertificates ? JSON.stringify(row.platformCertificates) : null,
      row.credentialsCiphertext,
      row.dekCiphertext,
      row.masterKeyId,
      row.validatedAt,
      row.platformKeysConfirmedAt ?? null,
    ],
  );
}

export interface NewServiceRow {
  id: string;
  tenantId: string;
  merchantAccountId: string;
  serviceId: string;
  name: string;
  scenario: PayscoreScenario;
  mode: ServiceMode;
  riskCapFen: number;
}

export async function insertService(m: EntityManager, row: NewServiceRow): Promise<void> {
  await m.query(
    `INSERT INTO payscore_services (id, tenant_id, merchant_account_id, service_id, name, scenario, mode, risk_cap_fen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.tenantId, row.merchantAccountId, row.serviceId, row.name, row.scenario, row.mode, row.riskCapFen],
  );
}

/**
 * Runs `fn` with row-level security lifted for the rest of `fn` only, in the caller's own transaction.
 *
 * Used for the few reads that are cross-tenant by nature and explicitly narrowed by the caller (a
 * franchisee's device resolved against its brand's services; an appid looked up for consumer login). A
 * second (system) transaction is not an option here: a request already holds its tenant transaction, and
 * the embedded database has one connection, so opening another would wait on itself. Every query inside
 * `fn` must name the tenant it reads; the setting is restored before returning (on failure the
 * transaction is rolled back anyway).
 */
export async function systemRead<T>(m: EntityManager, fn: () => Promise<T>): Promise<T> {
  // a transaction opened by the platform knows its setting (a system one has it on); any other is asked
  const known = allTenantsKnown(m);
  const on = known ?? rowsOf<{ on: string | null }>(await m.query(`SELECT current_setting('app.all_tenants', true) AS on`))[0]?.on === 'on';
  if (on) return fn();
  await m.query(`SELECT set_config('app.all_tenants', 'on', true)`);
  recordAllTenants(m, true);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    // restore if the transaction is still usable; if the query failed the transaction is aborted and rolls back
    await m.query(`SELECT set_config('app.all_tenants', 'off', true)`).catch(() => undefined);
    recordAllTenants(m, false);
    throw error;
  }
  await m.query(`SELECT set_config('app.all_tenants', 'off', true)`);
  recordAllTenants(m, false);
  return result;
}
