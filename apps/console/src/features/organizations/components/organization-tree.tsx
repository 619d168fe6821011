import { Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANIZATIONS_NS } from '../i18n';
import type { OrganizationNode } from './model';

/** The organisations the caller may see: a brand over its franchisees, a reseller over its customers. */
export function OrganizationTree({ nodes, selectedId, onSelect }: { nodes: readonly OrganizationNode[]; selectedId?: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const toData = (node: OrganizationNode): TreeDataNode => ({
    key: node.id,
    title: (
      <Space size={4} wrap data-testid={`org-${node.id}`}>
        <Typography.Text strong={node.id === selectedId}>{node.name}</Typography.Text>
        <Tag>{t(`kind.${node.kind}`)}</Tag>
        {node.userCount !== null ? <Typography.Text type="secondary">{t('tree.users', { count: node.userCount })}</Typography.Text> : null}
      </Space>
    ),
    children: node.children.map(toData),
  });
  const expanded: string[] = [];
  const collect = (list: readonly OrganizationNode[]) =>
    list.forEach((n) => {
      if (n.children.length) {
        expanded.push(n.id);
        collect(n.children);
      }
    });
  collect(nodes);
  return (
    <Tree
      aria-label={t('tree.label')}
      blockNode
      defaultExpandedKeys={expanded}
      selectedKeys={selectedId ? [selectedId] : []}
      treeData={nodes.map(toData)}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(String(key));
      }}
    />
  );
}
