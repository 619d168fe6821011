import { Injectable, Logger } from '@nestjs/common';
import { isPayScoreError, type PayScoreNotification } from '@zizhu/payscore';
import { Transactions } from '../../platform/database/transactions.js';
import { defineErrors } from '../../platform/errors/domain-error.js';
import { jobPrincipal } from '../../platform/jobs/job-principal.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { MerchantGateway } from '../merchants/merchant-gateway.service.js';
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
@Injectable()
export class PayscoreNotifications {
  private readonly logger = new Logger('PayscoreNotify');

  constructor(
    private readonly transactions: Transactions,
    private readonly merchants: MerchantGateway,
    private readonly jobs: JobsService,
  ) {}

  async receive(accountId: string, headers: Record<string, string | string[] | undefined>, rawBody: Buffer | undefined): Promise<{ duplicate: boolean }> {
    const handle = await this.transactions.asSystem((m) => this.merchants.forAccount(m, accountId)).catch((error: unknown) => {
      this.logger.warn({ accountId, err: error }, 'callback for an unknown or disabled merchant account');
      throw notifyErrors.PAYSCORE_NOTIFY_UNKNOWN_ACCOUNT();
    });
    let notification: PayScoreNotification;
    try {
      notification = await handle.verifyNotification(headers, rawBody ?? Buffer.alloc(0));
    } catch (error) {
      if (isPayScoreError(error, 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT')) return { duplicate: false }; // authentic, not ours to act on: acknowledged
      const code = isPayScoreError(error) ? error.code : 'PAYSCORE_NOTIFY_MALFORMED';
      this.logger.warn({ accountId, code }, 'callback rejected');
      throw notifyErrors.PAYSCORE_NOTIFY_REJECTED(`The callback was rejected: ${code}.`);
    }
    const businessKey = notification.eventType.startsWith('REFUND.')
      ? (notification as Extract<PayScoreNotification, { refund: unknown }>).refund.out_refund_no
      : (notification as Extract<PayScoreNotification, { order: unknown }>).order.out_order_no;
    const resource = 'refund' in notification ? notification.refund : notification.order;
    const inserted = await this.transactions.asTenant(jobPrincipal(handle.tenantId), async (m) => {
      const rows = (await m.query(
        `INSERT INTO payscore_notifications (id, tenant_id, merchant_account_id, event_type, business_key, resource)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [notification.id, handle.tenantId, accountId, notification.eventType, businessKey, JSON.stringify(resource)],
      )) as { id: string }[];
      if (rows.length > 0) await this.jobs.enqueue(applyNotificationJob, { tenantId: handle.tenantId, notificationId: notification.id }, { key: notification.id });
      return rows.length > 0;
    });
    return { duplicate: !inserted };
  }
}
