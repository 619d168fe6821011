import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { formatFen } from '@/lib/format';
import type { Schemas } from '@zizhu/api-client';
import { collectReceivable, useReceivableChanged } from '../api/collect';
import { NS } from '../i18n';

/** 催收 from the receivables list: WeChat tries the debit again now. */
export function CollectReceivable({ receivable, onClose }: { receivable: Schemas['ReceivableDto'] | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const changed = useReceivableChanged();
  return (
    <ConfirmAction
      open={receivable !== null}
      onClose={onClose}
      reason="none"
      title={t('collect.title', { outOrderNo: receivable?.outOrderNo ?? '' })}
      okText={t('collect.ok')}
      consequences={t('collect.consequences', { total: formatFen(receivable?.totalFen), device: receivable?.deviceCode ?? '' })}
      onConfirm={(_values, key) => collectReceivable(receivable!.id, key)}
      onDone={() => void (receivable ? changed(receivable.id) : undefined)}
    />
  );
}
