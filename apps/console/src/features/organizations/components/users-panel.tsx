import { useState } from 'react';
import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Can } from '@/components/can';
import { ConfirmAction } from '@/components/confirm-action';
import { ListPage } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Time } from '@/components/time';
import { useCan, useMe } from '@/lib/me';
import { usersQuery } from '../api/get-users';
import { useCreateUser, useSetUserEnabled } from '../api/users';
import { ORGANIZATIONS_NS } from '../i18n';
import { rolesFor, type OrganizationNode, type Role, type User } from './model';

const stateOf = (user: User) => (user.disabledAt ? 'DISABLED' : 'ACTIVE');

/** The logins of one organisation: who they are, their role, and (with users.write) create, disable, enable. */
export function UsersPanel({ organization }: { organization: OrganizationNode }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const users = useQuery(usersQuery(organization.id));
  const writable = useCan('users.write');
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [toggling, setToggling] = useState<User | null>(null);
  const contact = (user: User) => [user.email, user.phone].filter(Boolean).join(' · ') || '—';
  // nobody disables the login they are signed in with
  const toggle = (user: User) =>
    writable && user.id !== me?.user.id ? (
      <Button size="small" danger={!user.disabledAt} onClick={() => setToggling(user)} aria-label={t(user.disabledAt ? 'users.enableNamed' : 'users.disableNamed', { name: user.displayName })}>
        {t(user.disabledAt ? 'users.enable' : 'users.disable')}
      </Button>
    ) : null;
  const columns: TableProps<User>['columns'] = [
    { key: 'displayName', title: t('users.displayName'), render: (_, user) => <Typography.Text strong>{user.displayName}</Typography.Text> },
    { key: 'contact', title: t('users.contact'), render: (_, user) => contact(user) },
    { key: 'role', title: t('users.role'), render: (_, user) => <Tag>{t(`role.${user.role}`)}</Tag> },
    { key: 'state', title: t('users.state'), render: (_, user) => <StateTag state={stateOf(user)} /> },
    { key: 'createdAt', title: t('users.createdAt'), render: (_, user) => <Time value={user.createdAt} seconds={false} /> },
    ...(writable ? [{ key: 'actions', title: t('users.actions'), render: (_: unknown, user: User) => toggle(user) }] : []),
  ];
  return (
    <>
      <ListPage<User>
        testId="users-panel"
        title={t('users.title', { name: organization.name })}
        extra={
          <Can permission="users.write">
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          </Can>
        }
        columns={columns}
        rows={users.data}
        rowKey="id"
        loading={users.isLoading}
        error={users.error}
        onRetry={() => void users.refetch()}
        renderCard={(user) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Tag>{t(`role.${user.role}`)}</Tag>
              <StateTag state={stateOf(user)} />
            </Space>
            <Typography.Text type="secondary">{contact(user)}</Typography.Text>
            {toggle(user)}
          </Space>
        )}
      />
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} organization={organization} />
      {toggling ? (
        <ToggleUserDialog user={toggling} onClose={() => setToggling(null)} />
      ) : null}
    </>
  );
}

function ToggleUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const enable = Boolean(user.disabledAt);
  const mutation = useSetUserEnabled(enable);
  return (
    <ConfirmAction
      open
      onClose={onClose}
      danger={!enable}
      reason="none"
      title={t(enable ? 'users.enableTitle' : 'users.disableTitle', { name: user.displayName })}
      consequences={t(enable ? 'users.enableConsequences' : 'users.disableConsequences', { name: user.displayName })}
      okText={t(enable ? 'users.enable' : 'users.disable')}
      onConfirm={async () => mutation.mutateAsync({ params: { path: { id: user.id } } })}
    />
  );
}

interface NewUser {
  displayName: string;
  email?: string;
  phone?: string;
  password: string;
  role: Role;
}

/** A new login of `organization`: a name, an email or a phone, an initial password and a role its kind allows. */
export function CreateUserDialog({ open, onClose, organization }: { open: boolean; onClose: () => void; organization: OrganizationNode }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const create = useCreateUser();
  const roles = rolesFor(organization.kind);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('fields.required', { field }) });
  return (
    <ConfirmAction<NewUser>
      open={open}
      onClose={onClose}
      reason="none"
      title={t('users.createTitle', { name: organization.name })}
      consequences={t('users.createConsequences', { name: organization.name })}
      okText={t('users.create')}
      initialValues={{ role: roles[0] }}
      onConfirm={async (values) =>
        create.mutateAsync({
            body: {
              organizationId: organization.id,
              displayName: values.displayName.trim(),
              password: values.password,
              role: values.role,
              ...(values.email?.trim() ? { email: values.email.trim() } : {}),
              ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
            },
          })
      }
    >
      <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName'))]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('users.email')}
        dependencies={['phone']}
        rules={[
          { type: 'email', message: t('users.emailInvalid') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value?: string) => {
              if (!value?.trim() && !String(getFieldValue('phone') ?? '').trim()) throw new Error(t('users.emailOrPhone'));
            },
          }),
        ]}
      >
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('users.phone')}>
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label={t('users.password')} rules={[required(t('users.password')), { min: 10, message: t('users.passwordLength') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('fields.required', { field: t('users.role') }) }]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
    </ConfirmAction>
  );
}
