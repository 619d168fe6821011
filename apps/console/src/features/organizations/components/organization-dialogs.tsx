import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { useCreateOrganization } from '../api/create-organization';
import { useRenameOrganization } from '../api/rename-organization';
import { ORGANIZATIONS_NS } from '../i18n';
import { childKindOf, type OrganizationNode } from './model';

const MODELS = ['SELF_RUN', 'FRANCHISE', 'HARDWARE_SALE'] as const;

/** Creates the one kind of organisation `parent` may have (operator, franchisee or customer). */
export function CreateOrganizationDialog({ open, onClose, parent, onCreated }: { open: boolean; onClose: () => void; parent: OrganizationNode; onCreated?: (id: string) => void }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const create = useCreateOrganization();
  const kind = childKindOf(parent);
  if (!kind) return null;
  return (
    <ConfirmAction<{ name: string; operatingModel?: (typeof MODELS)[number] }, { id: string }>
      open={open}
      onClose={onClose}
      title={t('create.title', { kind: t(`kind.${kind}`) })}
      consequences={t('create.consequences', { kind: t(`kind.${kind}`), parent: parent.name })}
      reason="none"
      okText={t('create.submit')}
      onConfirm={async (values) =>
        create.mutateAsync({
            body: { name: values.name.trim(), kind, parentId: parent.id, ...(kind === 'OPERATOR' && values.operatingModel ? { operatingModel: values.operatingModel } : {}) },
          })
      }
      {...(onCreated ? { onDone: (created: { id: string }) => onCreated(created.id) } : {})}
    >
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('fields.required', { field: t('fields.name') }) }]}>
        <Input maxLength={100} />
      </Form.Item>
      {kind === 'OPERATOR' ? (
        <Form.Item name="operatingModel" label={t('fields.operatingModel')} rules={[{ required: true, message: t('fields.required', { field: t('fields.operatingModel') }) }]}>
          <Select options={MODELS.map((m) => ({ value: m, label: t(`model.${m}`) }))} />
        </Form.Item>
      ) : null}
    </ConfirmAction>
  );
}

/** The longest legal name the API takes (its RenameOrganizationDto and the database check the same). */
const LEGAL_NAME_MAX = 100;

/**
 * Renames an organisation and edits its legal name (主体名称, the name on its business licence, which the Pay Score
 * application pack uses); logins, devices and money stay where they are. A blank legal name clears it (sent as null);
 * it is sent only when it changed.
 */
export function RenameOrganizationDialog({ open, onClose, organization }: { open: boolean; onClose: () => void; organization: OrganizationNode }) {
  const { t } = useTranslation(ORGANIZATIONS_NS);
  const rename = useRenameOrganization();
  const before = organization.legalName ?? null;
  return (
    <ConfirmAction<{ name: string; legalName?: string }>
      // a new form whenever the organisation or its names change: the form keeps the initial values it was made with
      key={`${organization.id}\n${organization.name}\n${before ?? ''}`}
      open={open}
      onClose={onClose}
      title={t('rename.title')}
      consequences={t('rename.consequences', { name: organization.name })}
      reason="none"
      okText={t('rename.submit')}
      initialValues={{ name: organization.name, legalName: before ?? '' }}
      onConfirm={async (values) => {
        const legalName = values.legalName?.trim() || null;
        return rename.mutateAsync({
          params: { path: { id: organization.id } },
          body: { name: values.name.trim(), ...(legalName !== before ? { legalName } : {}) },
        });
      }}
    >
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('fields.required', { field: t('fields.name') }) }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="legalName"
        label={t('fields.legalName')}
        extra={t('fields.legalNameHelp')}
        rules={[{ max: LEGAL_NAME_MAX, message: t('fields.legalNameTooLong', { max: LEGAL_NAME_MAX }) }]}
      >
        <Input maxLength={LEGAL_NAME_MAX} placeholder={t('fields.legalNamePlaceholder')} />
      </Form.Item>
    </ConfirmAction>
  );
}
