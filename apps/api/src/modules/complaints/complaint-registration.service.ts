import { Inject, Injectable, Logger } from '@nestjs/common';
import { isPayScoreError, type PayScoreClient } from '@zizhu/payscore';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
import { complaintRegistrationJob, queueComplaintRegistration } from './complaint-registration.job.js';

/** Accounts the sweep queues at most per tick (the rest at the next one). */
const SWEEP_LIMIT = 100;

/** The account's complaint notification URL: `{publicBaseUrl}/v1/payscore/notify/{accountId}/complaints`. */
export const complaintNotifyUrl = (publicBaseUrl: string, accountId: string): string => `${publicBaseUrl}/v1/payscore/notify/${accountId}/complaints`;

/** A failure as stored and shown: WeChat's code when it answered one. */
export const describeRegistrationError = (error: unknown): string =>
  isPayScoreError(error) ? `${error.code}${error.wechatCode ? ` (${error.wechatCode})` : ''}: ${error.message}` : error instanceof Error ? error.message : String(error);

/** Whether a URL is one this platform registers for that account (any host: PUBLIC_BASE_URL may have changed). */
export const isOwnComplaintNotifyUrl = (url: string, accountId: string): boolean => {
  try {
    return new URL(url).pathname === `/v1/payscore/notify/${accountId}/complaints`;
  } catch {
    return false;
  }
};

/**
 * WeChat holds another system's URL for the merchant (WeChat keeps one per merchant id: a brand's own customer-service
 * system, say). The automatic registration never replaces it: only an operator does, with the button (audited, the
 * replaced URL in the audit row).
 */
export class ForeignComplaintUrl extends Error {
  constructor(readonly existing: string) {
    super(`WeChat Pay sends this merchant's complaints to another URL (${existing}); an operator replaces it with the button (登记投诉通知地址)`);
  }
}

/**
 * Makes WeChat's complaint notification URL of the merchant `url`, idempotently: read first (none yet: WeChat answers
 * RESOURCE_NOT_EXISTS), the same URL is left alone, another one is updated (PUT) — unless it is not one of this
 * platform's for the account and `replaceForeign` is false (ForeignComplaintUrl) —, none is created (POST). A POST that
 * fails is checked by reading again: registered meanwhile by another attempt whose answer was lost is success.
 * Answers what WeChat holds now and the URL it replaced, if any.
 */
export async function ensureComplaintNotificationUrl(
  client: PayScoreClient,
  url: string,
  options: { accountId: string; replaceForeign: boolean },
): Promise<{ mchid: string; url: string; replaced?: string }> {
  const query = () =>
    client.queryComplaintNotificationUrl().catch((error: unknown) => {
      if (isPayScoreError(error, 'PAYSCORE_COMPLAINT_NOT_FOUND')) return null;
      throw error;
    });
  const existing = await query();
  if (existing?.url === url) return existing;
  if (existing) {
    if (!options.replaceForeign && !isOwnComplaintNotifyUrl(existing.url, options.accountId)) throw new ForeignComplaintUrl(existing.url);
    return { ...(await client.updateComplaintNotificationUrl(url)), replaced: existing.url };
  }
  try {
    return await client.createComplaintNotificationUrl(url);
  } catch (error) {
    const now = await query().catch(() => null);
    if (now?.url === url) return now;
    throw error;
  }
}

/** Records a successful registration: the URL WeChat answered, now; complaints switched on (the catch-up lists them). */
export async function recordComplaintRegistration(m: EntityManager, accountId: string, url: string): Promise<void> {
  await m.query(
    `UPDATE merchant_accounts SET complaints_enabled_at = coalesce(complaints_enabled_at, now()), complaints_notify_url = $2, complaints_registered_at = now(),
            complaints_registration_error = NULL, complaints_registration_attempted_at = now()
      WHERE id = $1`,
    [accountId, url],
  );
}

/**
 * The automatic registration of complaint notification URLs (issue 13): the `complaints.register-url` job queued when an
 * account is created or its credentials replaced, and the sweep the catch-up tick runs first (at boot and every interval):
 * enabled accounts with confirmed platform keys whose URL is not registered (or not the one this deployment would
 * register, PUBLIC_BASE_URL having changed), or whose last attempt failed, get the job. With the simulator (in-memory: it
 * forgets every URL when it restarts) every such account is checked, which costs one GET when nothing changed.
 */
@Injectable()
export class ComplaintRegistration {
  private readonly logger = new Logger('Complaints');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
    private readonly jobs: JobsService,
  ) {}

  async register(): Promise<void> {
    await this.jobs.register(complaintRegistrationJob, ({ accountId }) => this.run(accountId), { pollingIntervalSeconds: Math.max(this.config.jobs.pollingIntervalSeconds, 1) });
  }

  /**
   * One attempt. A disabled account, or one whose platform keys were never confirmed (WeChat's answers could not be
   * verified), is not tried: its state says why (UNAVAILABLE). A failure is recorded on the account and thrown (retried).
   */
  async run(accountId: string): Promise<void> {
    const [account] = await this.transactions.asSystem(
      async (m) => (await m.query(`SELECT id, disabled_at, platform_keys_confirmed_at FROM merchant_accounts WHERE id = $1`, [accountId])) as { id: string; disabled_at: Date | null; platform_keys_confirmed_at: Date | null }[],
    );
    if (!account || account.disabled_at || !account.platform_keys_confirmed_at) return;
    const url = complaintNotifyUrl(this.config.payscore.publicBaseUrl, accountId);
    try {
      const handle = await this.transactions.asSystem((m) => this.merchants.forAccount(m, accountId));
      const answer = await ensureComplaintNotificationUrl(handle.client, url, { accountId, replaceForeign: false });
      await this.transactions.asSystem((m) => recordComplaintRegistration(m, accountId, answer.url));
    } catch (error) {
      const message = describeRegistrationError(error).slice(0, 500);
      const foreign = error instanceof ForeignComplaintUrl;
      this.logger.warn({ accountId, error: message }, foreign ? 'complaint notification URL left to an operator: another system has it' : 'complaint notification URL not registered (retried)');
      await this.transactions.asSystem((m) =>
        m.query(`UPDATE merchant_accounts SET complaints_registration_error = $2, complaints_registration_attempted_at = now() WHERE id = $1`, [accountId, message]),
      );
      if (!foreign) throw error; // a foreign URL is not retried: it stays FAILED, saying why, until an operator decides
    }
  }

  /** One bounded query; each account found gets the job (keyed by the account: nothing is queued twice). Answers how many were queued. */
  async sweep(): Promise<number> {
    return this.transactions.asSystem(async (m) => {
      const rows = (await m.query(
        `SELECT id FROM merchant_accounts
          WHERE disabled_at IS NULL AND platform_keys_confirmed_at IS NOT NULL
            AND ($2::boolean OR complaints_registered_at IS NULL OR complaints_registration_error IS NOT NULL
                 OR complaints_notify_url IS DISTINCT FROM $1::text || '/v1/payscore/notify/' || id::text || '/complaints')
          ORDER BY complaints_registration_attempted_at NULLS FIRST, created_at, id LIMIT ${SWEEP_LIMIT}`,
        [this.config.payscore.publicBaseUrl, this.config.payscore.simulated],
      )) as { id: string }[];
      let queued = 0;
      for (const { id } of rows) if (await queueComplaintRegistration(this.jobs, id)) queued += 1;
      return queued;
    });
  }
}
