import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Problem } from '@/components/problem';
import { useCan } from '@/lib/me';
import { maintenanceSettingsKey } from '../api/keys';
import { maintenanceSettingsQuery, saveMaintenanceSettings } from '../api/tickets';
import { NS } from '../i18n';

/** The admins' choice of device alert kinds that open tickets by themselves (as for the alert rules: `alerts.write`). */
export function AutoTickets() {
  const allowed = useCan('alerts.write');
  return allowed ? <AutoTicketsCard /> : null;
}

function AutoTicketsCard() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery(maintenanceSettingsQuery());
  const [kinds, setKinds] = useState<string[]>([]);
  useEffect(() => setKinds(query.data?.autoTicketKinds ?? []), [query.data]);
  const save = useMutation({
    mutationFn: () => saveMaintenanceSettings(kinds),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: maintenanceSettingsKey() });
      void message.success(t('auto.saved'));
    },
  });
  if (query.error) return <Problem error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card size="small" title={t('auto.title')} loading={query.isLoading} data-testid="auto-tickets">
      <Space orientation="vertical">
        <Typography.Text type="secondary">{t('auto.help')}</Typography.Text>
        <Checkbox.Group value={kinds} onChange={(v) => setKinds(v as string[])} options={(query.data?.available ?? []).map((k) => ({ value: k, label: t(`auto.kinds.${k}`) }))} />
        {save.error ? <Problem error={save.error} /> : null}
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
          {t('auto.save')}
        </Button>
      </Space>
    </Card>
  );
}
