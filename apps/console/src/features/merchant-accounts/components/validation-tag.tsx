import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MERCHANT_ACCOUNTS_NS } from '../i18n';
import type { MerchantAccount } from './model';

/** Whether WeChat Pay accepted the credentials on their last check (never the credentials themselves). */
export function ValidationTag({ result }: { result: MerchantAccount['validationResult'] }) {
  const { t } = useTranslation(MERCHANT_ACCOUNTS_NS);
  return (
    <Tag color={result === 'ACCEPTED' ? 'success' : 'warning'} data-validation={result}>
      {t(`validation.${result}`)}
    </Tag>
  );
}
