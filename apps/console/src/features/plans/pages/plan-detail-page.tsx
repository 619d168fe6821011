import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Collapse, Flex, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import '../i18n';
import { usePlan, type PlanDetail } from '../api/get-plan';
import { PlanPublisher } from '../components/plan-publisher';
import { PlanTypeTag } from '../components/plan-type-tag';
import { RuleText } from '../components/rule-text';

export interface PlanDetailPageProps {
  readonly planId: string;
  readonly onBack: () => void;
  readonly onOpenDevice: (deviceId: string) => void;
}

/** One plan: its rule now, every version with who published it and when, the devices using it; publishing a new version. */
export function PlanDetailPage({ planId, onBack, onOpenDevice }: PlanDetailPageProps) {
  const { t } = useTranslation('plans');
  const query = usePlan(planId);
  const [editing, setEditing] = useState(false);
  // remounts the editor on a reload so it starts from the latest version
  const [editorKey, setEditorKey] = useState(0);
  const [published, setPublished] = useState<number | null>(null);
  const plan = query.data;
  return (
    <Flex vertical gap="middle" data-testid="plan-detail">
      <Flex align="center" gap="small" wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('detail.back')} onClick={onBack} />
        <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {plan ? (editing ? t('edit.editTitle', { name: plan.name }) : plan.name) : t('title')}
        </Typography.Title>
        {plan ? <PlanTypeTag type={plan.type} /> : null}
        {plan ? <Tag>{t('list.versionValue', { version: plan.currentVersion })}</Tag> : null}
        {plan && !editing ? (
          <Can permission="plans.write">
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                setPublished(null);
                setEditing(true);
              }}
              style={{ marginLeft: 'auto' }}
            >
              {t('detail.edit')}
            </Button>
          </Can>
        ) : null}
      </Flex>
      {query.error ? <Problem error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!plan && query.isPending ? <Skeleton active /> : null}
      {published !== null ? <Alert type="success" showIcon closable title={t('edit.published', { version: published })} onClose={() => setPublished(null)} /> : null}
      {plan && editing ? (
        <PlanPublisher
          key={`${editorKey}`}
          plan={plan}
          onCancel={() => setEditing(false)}
          onPublished={(version) => {
            setEditing(false);
            setPublished(version);
          }}
          onReload={() =>
            void query.refetch().then(() => {
              setEditorKey((k) => k + 1);
            })
          }
        />
      ) : null}
      {plan && !editing ? <PlanOverview plan={plan} onOpenDevice={onOpenDevice} /> : null}
    </Flex>
  );
}

function PlanOverview({ plan, onOpenDevice }: { plan: PlanDetail; onOpenDevice: (deviceId: string) => void }) {
  const { t } = useTranslation('plans');
  // on a phone the version history is a list to open, not a table to scroll sideways
  const phone = Grid.useBreakpoint().md === false;
  return (
    <>
      <Card size="small" title={t('detail.currentRule')}>
        <RuleText plan={plan.plan} testId="current-rule" />
      </Card>
      <Card size="small" title={t('detail.versions')}>
        {phone ? (
          <Collapse
            size="small"
            items={plan.versions.map((v) => ({
              key: v.version,
              label: (
                <Flex vertical gap={2} data-version={v.version}>
                  <span>
                    {t('list.versionValue', { version: v.version })}
                    {v.version === plan.currentVersion ? (
                      <Tag color="green" style={{ marginLeft: 8 }}>
                        {t('detail.current')}
                      </Tag>
                    ) : null}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.createdBy?.displayName ?? t('detail.unknownAuthor')} · <Time value={v.createdAt} />
                  </Typography.Text>
                </Flex>
              ),
              children: <RuleText plan={v.plan} testId={`rule-v${v.version}`} />,
            }))}
          />
        ) : (
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={plan.versions}
            onRow={(v) => ({ 'data-version': v.version }) as HTMLAttributes<HTMLElement>}
            expandable={{ expandedRowRender: (v) => <RuleText plan={v.plan} testId={`rule-v${v.version}`} /> }}
            columns={[
              {
                key: 'version',
                title: t('detail.version'),
                render: (_, v) => (
                  <>
                    {t('list.versionValue', { version: v.version })}
                    {v.version === plan.currentVersion ? <Tag color="green" style={{ marginLeft: 8 }}>{t('detail.current')}</Tag> : null}
                  </>
                ),
              },
              { key: 'type', title: t('list.type'), render: (_, v) => <PlanTypeTag type={v.type} /> },
              { key: 'by', title: t('detail.publishedBy'), render: (_, v) => v.createdBy?.displayName ?? t('detail.unknownAuthor') },
              { key: 'at', title: t('detail.publishedAt'), render: (_, v) => <Time value={v.createdAt} /> },
            ]}
          />
        )}
      </Card>
      <Card
        size="small"
        title={`${t('detail.devices')} (${plan.deviceCount})`}
        extra={plan.deviceCount > plan.devices.length ? t('detail.devicesMore', { shown: plan.devices.length, count: plan.deviceCount }) : undefined}
      >
        <Table
          size="small"
          rowKey="id"
          scroll={{ x: 'max-content' }}
          dataSource={plan.devices}
          pagination={plan.devices.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('detail.noDevices') }}
          columns={[
            {
              key: 'code',
              title: t('detail.deviceCode'),
              render: (_, d) => (
                <a
                  href={`/devices/${d.id}`}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    onOpenDevice(d.id);
                  }}
                >
                  {d.code}
                </a>
              ),
            },
            { key: 'name', title: t('detail.deviceName'), render: (_, d) => d.name ?? '—' },
            { key: 'type', title: t('detail.deviceType'), render: (_, d) => t(`deviceType.${d.type}`) },
          ]}
        />
      </Card>
    </>
  );
}
