import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen } from '@/lib/format';
import type { SessionDetail } from '../api/get-session';
import { giveUpHeldRefund, retryHeldRefund, useSessionChanged } from '../api/session-actions';
import { NS } from '../i18n';

type Refund = SessionDetail['refunds'][number];

/**
 * A refund WeChat refused for lack of money after the brand's commission was split off (issue 12) is HELD: shown with
 * its reason, and the two things an operator can do with it — send it again once the balance covers it, or give it up.
 */
export function HeldRefunds({ session }: { session: SessionDetail }) {
  const { t } = useTranslation(NS);
  const held = session.refunds.filter((r) => r.state === 'HELD');
  if (held.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="held-refunds">
      {held.map((refund) => (
        <Alert
          key={refund.id}
          type="error"
          showIcon
          title={t('held.title', { amount: formatFen(refund.amountFen), outRefundNo: refund.outRefundNo ?? '' })}
          description={
            <Space orientation="vertical">
              <span>{t('held.explain')}</span>
              <span data-testid="held-explained">{explainHeld(t, refund.error)}</span>
              <details>
                <summary>{t('held.rawReason')}</summary>
                <span data-testid="held-reason">{refund.error}</span>
              </details>
            </Space>
          }
          action={<HeldRefundButtons sessionId={session.id} refund={refund} />}
        />
      ))}
    </Space>
  );
}

/**
 * The server's reason (English, ProfitSharingService.heldRefundReason) read into the operator's language: whether the
 * split return failed, succeeded or was not needed, and its amount. An unknown text gets the general explanation only.
 */
export function explainHeld(t: TFunction, error: string | null): string {
  const text = error ?? '';
  const failed = /split return of (\d+) fen failed/.exec(text);
  if (failed) return t('held.reason.returnFailed', { amount: formatFen(Number(failed[1])) });
  const moved = /split return of (\d+) fen is SUCCEEDED/.exec(text);
  if (moved) return t('held.reason.returnSucceeded', { amount: formatFen(Number(moved[1])) });
  const other = /split return of (\d+) fen is (\w+)/.exec(text);
  if (other) return t('held.reason.returnOther', { amount: formatFen(Number(other[1])), state: other[2] });
  if (/nothing was returned/.test(text)) return t('held.reason.noReturn');
  return t('held.reason.unknown');
}

function HeldRefundButtons({ sessionId, refund }: { sessionId: string; refund: Refund }) {
  const { t } = useTranslation(NS);
  const changed = useSessionChanged();
  const [which, setWhich] = useState<'retry' | 'giveUp' | null>(null);
  const amount = formatFen(refund.amountFen);
  return (
    <Can permission="sessions.act">
      <Space orientation="vertical">
        <Button type="primary" onClick={() => setWhich('retry')}>
          {t('held.retry')}
        </Button>
        <Button danger onClick={() => setWhich('giveUp')}>
          {t('held.giveUp')}
        </Button>
      </Space>
      <ConfirmAction
        open={which === 'retry'}
        onClose={() => setWhich(null)}
        title={t('held.retryTitle')}
        okText={t('held.retry')}
        reason="none"
        consequences={t('held.retryConsequences', { amount, outRefundNo: refund.outRefundNo ?? '' })}
        onConfirm={(_values, key) => retryHeldRefund(sessionId, refund.id, key)}
        onDone={() => void changed(sessionId)}
      />
      <ConfirmAction
        open={which === 'giveUp'}
        onClose={() => setWhich(null)}
        danger
        title={t('held.giveUpTitle')}
        okText={t('held.giveUp')}
        reason="none"
        consequences={t('held.giveUpConsequences', { amount })}
        onConfirm={(_values, key) => giveUpHeldRefund(sessionId, refund.id, key)}
        onDone={() => void changed(sessionId)}
      />
    </Can>
  );
}
