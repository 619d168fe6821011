import type { ReactNode } from 'react';
import { Card, Flex, Grid, Empty, Pagination, Space, Spin, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Problem } from './problem';

export interface ListPagination {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly onChange: (page: number, pageSize: number) => void;
}

export interface ListPageProps<Row> {
  readonly title: ReactNode;
  readonly subtitle?: ReactNode;
  /** Buttons of the page header (create, export…). */
  readonly extra?: ReactNode;
  /** A FilterBar. */
  readonly filters?: ReactNode;
  readonly columns: TableProps<Row>['columns'];
  readonly rows: readonly Row[] | undefined;
  readonly rowKey: keyof Row & string;
  readonly loading: boolean;
  readonly error?: unknown;
  readonly onRetry?: () => void;
  readonly pagination?: ListPagination;
  /** How a row looks on a phone (below 768 px): a card with the natural key as its title. */
  readonly renderCard: (row: Row) => ReactNode;
  readonly filtered?: boolean;
  readonly emptyAction?: ReactNode;
  /** Batch actions for the selected rows, shown in a footer. */
  readonly testId?: string;
}

/** The console's list page: header, filters, a server-paginated table that becomes cards on a phone. */
export function ListPage<Row extends object>(props: ListPageProps<Row>) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const empty = (
    <Empty description={props.filtered ? t('list.emptyFiltered') : t('list.empty')}>{props.filtered ? null : props.emptyAction}</Empty>
  );
  const pagination = props.pagination;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={props.testId}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
          {props.subtitle ? <Typography.Text type="secondary">{props.subtitle}</Typography.Text> : null}
        </div>
        {props.extra ? <Space wrap>{props.extra}</Space> : null}
      </Flex>
      {props.filters}
      {props.error ? <Problem error={props.error} {...(props.onRetry ? { onRetry: props.onRetry } : {})} /> : null}
      {phone ? (
        <>
          <Spin spinning={props.loading}>
            <Flex vertical gap={8} role="list">
              {(props.rows ?? []).length === 0 && !props.loading ? empty : null}
              {(props.rows ?? []).map((row) => (
                <Card key={String(row[props.rowKey])} size="small" role="listitem">
                  {props.renderCard(row)}
                </Card>
              ))}
            </Flex>
          </Spin>
          {pagination ? (
            <Pagination
              simple
              current={pagination.page}
              pageSize={pagination.pageSize}
              total={pagination.total}
              onChange={pagination.onChange}
              style={{ alignSelf: 'center' }}
            />
          ) : null}
        </>
      ) : (
        <Table<Row>
          size="middle"
          columns={props.columns}
          dataSource={props.rows as Row[] | undefined}
          rowKey={props.rowKey}
          loading={props.loading}
          locale={{ emptyText: empty }}
          scroll={{ x: 'max-content' }}
          pagination={
            pagination
              ? {
                  current: pagination.page,
                  pageSize: pagination.pageSize,
                  total: pagination.total,
                  showSizeChanger: true,
                  pageSizeOptions: [20, 50, 100],
                  showTotal: (count) => t('list.total', { count }),
                  onChange: pagination.onChange,
                }
              : false
          }
        />
      )}
    </Space>
  );
}
