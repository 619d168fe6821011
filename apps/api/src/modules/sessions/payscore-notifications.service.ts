import { Injectable, Logger } from '@nestjs/common';
import { isPayScoreError, type PayScoreNotification } from '@zizhu/payscore';
import { Transactions } from '../../platform/database/transactions.js';
import { defineErrors } from '../../platform/errors/domain-error.js';
import { jobPrincipal } from '../../platform/jobs/job-principal.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
import { SessionEngine, type StoredNotification } from './session-engine.service.js';
import { SessionWatch } from './session-watch.js';
import { applyNotificationJob } from './sessions.jobs.js';

export const notifyErrors = defineErrors({
  PAYSCORE_NOTIFY_REJECTED: [401, 'The callback did not verify.'],
  PAYSCORE_NOTIFY_UNKNOWN_ACCOUNT: [404, 'No merchant account receives callbacks here.'],
});

/**
 * WeChat's callbacks (USER_CONFIRM, USER_PAID, REFUND.*). Launch checklist: the signature is verified
 * on the raw body before anything is decrypted or parsed (general 2, Pay Score 2); each callback is
 * stored once, by notification id and by business key + event type (general 3, Pay Score 3), and
 * applied by a job under the session's row lock after WeChat has its answer (23: answer within 5 s).
 */
/** How long applying a callback in its own transaction may wait for a lock before leaving it to the job. */
export const APPLY_LOCK_WAIT = '1s';

@Injectable()
export class PayscoreNotifications {
  private readonly logger = new Logger('PayscoreNotify');

  constructor(
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
    private readonly jobs: JobsService,
    private readonly engine: SessionEngine,
    private readonly watch: SessionWatch,
  ) {}

  /** The merchant-of-record tenant of each account that has received a callback here (it never changes; the account is read again each time). */
  private readonly tenantOfAccount = new Map<string, string>();

  async receive(accountId: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer | undefined): Promise<{ duplicate: boolean }> {
    const unknown = (error: unknown) => {
      this.logger.warn({ accountId, err: error }, 'callback for an unknown or disabled merchant account');
      return notifyErrors.PAYSCORE_NOTIFY_UNKNOWN_ACCOUNT();
    };
    let tenantId = this.tenantOfAccount.get(accountId);
    if (!tenantId) {
      const found = await this.transactions.asSystem((m) => this.merchants.forAccount(m, accountId)).catch((error: unknown) => {
        throw unknown(error);
      });
      tenantId = found.tenantId;
      this.tenantOfAccount.set(accountId, tenantId);
    }
    const merchantTenantId = tenantId;
    // one transaction as the merchant of record: the account read (disabled, keys), the signature checked, the callback stored and applied
    const stored = await this.transactions.asTenant(jobPrincipal(merchantTenantId), async (m) => {
      const handle = await this.merchants.forAccount(m, accountId).catch((error: unknown) => {
        throw unknown(error);
      });
      let notification: PayScoreNotification;
      try {
        notification = await handle.verifyNotification(headers, rawBody ?? Buffer.alloc(0));
      } catch (error) {
        if (isPayScoreError(error, 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT')) return { inserted: true }; // authentic, not ours to act on: acknowledged
        const code = isPayScoreError(error) ? error.code : 'PAYSCORE_NOTIFY_MALFORMED';
        this.logger.warn({ accountId, code }, 'callback rejected');
        throw notifyErrors.PAYSCORE_NOTIFY_REJECTED(`The callback was rejected: ${code}.`);
      }
      const businessKey = notification.eventType.startsWith('REFUND.')
        ? (notification as Extract<PayScoreNotification, { refund: unknown }>).refund.out_refund_no
        : (notification as Extract<PayScoreNotification, { order: unknown }>).order.out_order_no;
      const resource = 'refund' in notification ? notification.refund : notification.order;
      // the same statement bounds how long the rest of the transaction may wait for a lock (the session's)
      const rows = (await m.query(
        `INSERT INTO payscore_notifications (id, tenant_id, merchant_account_id, event_type, business_key, resource)
         SELECT $1, $2, $3, $4, $5, $6 FROM (SELECT set_config('lock_timeout', $7, true)) AS bound ON CONFLICT DO NOTHING RETURNING *`,
        [notification.id, handle.tenantId, accountId, notification.eventType, businessKey, JSON.stringify(resource), APPLY_LOCK_WAIT],
      )) as StoredNotification[];
      const row = rows[0];
      if (!row) return { inserted: false };
      await m.query('SAVEPOINT apply_notification');
      try {
        const touched = await this.engine.applyStoredNotification(m, row);
        return { inserted: true, touched }; // the commit commits the savepoint: no RELEASE round trip
      } catch (error) {
        await m.query('ROLLBACK TO SAVEPOINT apply_notification');
        this.logger.warn({ accountId, notificationId: notification.id, err: error }, 'callback stored but not applied at once: a job applies it');
        await this.jobs.enqueue(applyNotificationJob, { tenantId: handle.tenantId, notificationId: notification.id }, { key: notification.id });
        return { inserted: true };
      }
    });
    if (stored.touched) this.watch.changed(stored.touched);
    return { duplicate: !stored.inserted };
  }
}
