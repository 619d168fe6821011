import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/me';
import { merchantAccountsQuery } from '../api/onboarding';
import { NS } from '../i18n';
import { readableAccounts } from '../pack-text';

/** The merchant accounts whose onboarding this login may read, by name and mchid. */
export function AccountSelect({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useTranslation(NS);
  const me = useMe();
  const accounts = useQuery(merchantAccountsQuery());
  const options = readableAccounts(me, accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.mchid})` }));
  return (
    <Select
      data-testid="account-select"
      aria-label={t('account.label')}
      style={{ minWidth: 240, maxWidth: '100%' }}
      loading={accounts.isLoading}
      value={value}
      placeholder={t('account.placeholder')}
      options={options}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
