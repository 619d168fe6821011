import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/mutations';
import { DEVICES_NS } from '../i18n';

type PreviewRow = ImportPreview['rows'][number];

/** The import's preview: every row as it would be stored, each with its problems (line, field, message). */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation(DEVICES_NS);
  // problems of the header (line 1) or of the whole file belong to no row
  const fileErrors = preview.errors.filter((e) => !preview.rows.some((r) => r.row === e.row));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-preview">
      <Alert
        type={preview.valid ? 'success' : 'error'}
        showIcon
        role={preview.valid ? 'status' : 'alert'}
        title={preview.valid ? t('import.valid', { count: preview.rows.length }) : t('import.invalid', { count: preview.errors.length })}
        description={
          fileErrors.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {fileErrors.map((e) => (
                <li key={`${e.row}-${e.field}-${e.message}`}>{`${t('import.row')} ${e.row} · ${e.field}: ${e.message}`}</li>
              ))}
            </ul>
          ) : undefined
        }
      />
      {preview.rows.length > 0 ? (
        <Table<PreviewRow>
          size="small"
          rowKey="row"
          dataSource={preview.rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          rowClassName={(row) => (row.errors.length > 0 ? 'zz-row-error' : '')}
          columns={[
            { key: 'row', title: t('import.row'), dataIndex: 'row', width: 64 },
            { key: 'code', title: t('list.code'), render: (_, row) => <Typography.Text code>{row.code}</Typography.Text> },
            { key: 'type', title: t('list.type'), dataIndex: 'type' },
            { key: 'site', title: t('list.site'), render: (_, row) => row.siteName ?? row.siteId },
            {
              key: 'errors',
              title: t('import.errors'),
              render: (_, row) =>
                row.errors.length === 0 ? (
                  <Tag color="success">{t('import.ok')}</Tag>
                ) : (
                  <Space orientation="vertical" size={0}>
                    {row.errors.map((e) => (
                      <Typography.Text key={`${e.field}-${e.message}`} type="danger" data-testid={`row-error-${row.row}`}>
                        {`${e.field}: ${e.message}`}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
      ) : null}
    </Space>
  );
}
