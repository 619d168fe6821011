import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { Problem } from '@/components/problem';
import { Time } from '@/components/time';
import { useCan, useMe } from '@/lib/me';
import { organizationTreeQuery } from '../api/get-tree';
import { ORGANIZATIONS_NS } from '../i18n';
import { CreateOrganizationDialog, RenameOrganizationDialog } from '../components/organization-dialogs';
import { OrganizationTree } from '../components/organization-tree';
import { UsersPanel } from '../components/users-panel';
import { BrandingCard } from '../components/branding-card';
import { childKindOf, findNode } from '../components/model';

/** `/organizations`: the tree on the left, the chosen organisation and its logins beside it (below on a phone). */
export function OrganizationsPage({ organizationId, onSelect }: { organizationId?: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const tree = useQuery(organizationTreeQuery());
  const canReadUsers = useCan('users.read');
  const [dialog, setDialog] = useState<'create' | 'rename' | null>(null);
  const nodes = tree.data ?? [];
  const selected = findNode(nodes, organizationId) ?? nodes[0];
  const me = useMe();
  // the API lets only the platform, or the admins of the parent itself, add children to it
  const mayCreateHere = Boolean(selected && me && (me.organizationKind === 'PLATFORM' || me.organizationId === selected.id));
  const childKind = selected && mayCreateHere ? childKindOf(selected) : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {tree.error ? <Problem error={tree.error} onRetry={() => void tree.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9}>
          <Card size="small" title={t('tree.title')} loading={tree.isLoading}>
            {nodes.length ? <OrganizationTree nodes={nodes} {...(selected ? { selectedId: selected.id } : {})} onSelect={onSelect} /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} md={15}>
          {selected ? (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card
                size="small"
                title={
                  <Space wrap>
                    <span data-testid="selected-organization">{selected.name}</span>
                    <Tag>{t(`kind.${selected.kind}`)}</Tag>
                  </Space>
                }
                extra={
                  <Space wrap>
                    <Can permission="organizations.write">
                      <Button onClick={() => setDialog('rename')}>{t('rename.open')}</Button>
                    </Can>
                    {childKind ? (
                      <Can permission="organizations.create">
                        <Button type="primary" onClick={() => setDialog('create')}>
                          {t('create.open', { kind: t(`kind.${childKind}`) })}
                        </Button>
                      </Can>
                    ) : null}
                  </Space>
                }
              >
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('fields.kind')}>{t(`kind.${selected.kind}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('fields.operatingModel')}>{selected.operatingModel ? t(`model.${selected.operatingModel}`) : '—'}</Descriptions.Item>
                  {selected.kind === 'PLATFORM' ? null : (
                    <Descriptions.Item label={t('fields.legalName')}>
                      <span data-testid="selected-legal-name">{selected.legalName ?? <Typography.Text type="secondary">{t('fields.legalNameMissing')}</Typography.Text>}</span>
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('fields.children')}>{selected.children.length}</Descriptions.Item>
                  <Descriptions.Item label={t('fields.createdAt')}>
                    <Time value={selected.createdAt} seconds={false} />
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              {canReadUsers && selected.userCount !== null ? (
                <UsersPanel key={selected.id} organization={selected} />
              ) : (
                <Typography.Text type="secondary">{t('users.notYours')}</Typography.Text>
              )}
              {selected.kind === 'PLATFORM' ? null : <BrandingCard key={`branding-${selected.id}`} organization={selected} />}
              <CreateOrganizationDialog open={dialog === 'create'} onClose={() => setDialog(null)} parent={selected} onCreated={onSelect} />
              <RenameOrganizationDialog open={dialog === 'rename'} onClose={() => setDialog(null)} organization={selected} />
            </Space>
          ) : null}
        </Col>
      </Row>
    </Space>
  );
}
