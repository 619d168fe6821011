import type { MigrationInterface, QueryRunner } from 'typeorm';

const TRIGGERS = ['zizhu_webhook_session_trigger', 'zizhu_webhook_refund_trigger', 'zizhu_webhook_complaint_trigger', 'zizhu_webhook_device_trigger'];
const EMIT = 'zizhu_webhook_emit(uuid, text, text, text, jsonb, timestamptz)';

/**
 * `zizhu_webhook_emit` (SECURITY DEFINER, all tenants) was executable by PUBLIC: any role could queue a forged event to
 * any organisation's endpoints. Only the outbox triggers may call it now: they become SECURITY DEFINER themselves (a
 * trigger function cannot be called directly, only fired by its trigger), so they call it as its owner, and PUBLIC
 * (zizhu_app included) loses EXECUTE on it.
 */
export class RevokeWebhookEmit1764338100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const fn of TRIGGERS) await q.query(`ALTER FUNCTION ${fn}() SECURITY DEFINER SET search_path = public, pg_temp`);
    await q.query(`REVOKE ALL ON FUNCTION ${EMIT} FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT EXECUTE ON FUNCTION ${EMIT} TO PUBLIC`);
    for (const fn of TRIGGERS) await q.query(`ALTER FUNCTION ${fn}() SECURITY INVOKER RESET search_path`);
  }
}
