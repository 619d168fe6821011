import { useState } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import type { SessionDetail } from '../api/get-session';
import { NS } from '../i18n';
import { CollectAction } from './collect-action';
import { EndAction } from './end-action';
import { ModifyAction } from './modify-action';
import { RefundAction } from './refund-action';

type Which = 'end' | 'modify' | 'collect' | 'refund' | null;

/** What an operator may do with the session in its state; hidden from logins without `sessions.act`. */
export function SessionActions({ session }: { session: SessionDetail }) {
  const { t } = useTranslation(NS);
  const [which, setWhich] = useState<Which>(null);
  const close = () => setWhich(null);
  const canEnd = session.state === 'STARTING' || session.state === 'IN_USE';
  const unpaid = session.state === 'AWAITING_PAYMENT';
  const canRefund = session.state === 'PAID' && (session.refundableFen ?? 0) > 0;
  if (!canEnd && !unpaid && !canRefund) return null;
  return (
    <Can permission="sessions.act">
      <Space wrap>
        {canEnd ? (
          <Button danger onClick={() => setWhich('end')}>
            {t('end.button')}
          </Button>
        ) : null}
        {unpaid ? (
          <>
            <Button type="primary" onClick={() => setWhich('collect')}>
              {t('collect.button')}
            </Button>
            {(session.totalFen ?? 0) > 0 ? <Button onClick={() => setWhich('modify')}>{t('modify.button')}</Button> : null}
          </>
        ) : null}
        {canRefund ? (
          <Button danger onClick={() => setWhich('refund')}>
            {t('refund.button')}
          </Button>
        ) : null}
      </Space>
      <EndAction session={session} open={which === 'end'} onClose={close} />
      <ModifyAction session={session} open={which === 'modify'} onClose={close} />
      <CollectAction session={session} open={which === 'collect'} onClose={close} />
      <RefundAction session={session} open={which === 'refund'} onClose={close} />
    </Can>
  );
}
