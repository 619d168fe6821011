import type { ReactNode } from 'react';
import { Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListPagination } from '@/components/list-page';
import { StateTag } from '@/components/state-tag';
import { Money } from '@/components/time';
import type { Organization } from '../api/get-counterparties';
import { NS } from '../i18n';
import { PAGE_SIZES, type SettlementSearch } from '../search';

// The pieces the settlement lists (statements, payouts, splits) share: the counterparty filter, the URL-driven
// pagination, and the phone card's head and figure rows.

/** The "franchisee" (or "customer") filter of a settlement list. */
export function CounterpartyFilter({ counterparties, label }: { counterparties: readonly Organization[]; label: string }) {
  const { t } = useTranslation(NS);
  return (
    <Form.Item name="organizationId" label={label}>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 180 }} options={counterparties.map((o) => ({ value: o.id, label: o.name }))} placeholder={t('filters.all')} />
    </Form.Item>
  );
}

/** A settlement list's pagination, kept in the URL (a new page size goes back to page 1). */
export function urlPagination(search: SettlementSearch, onSearchChange: (search: SettlementSearch) => void, total: number | undefined): ListPagination {
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  return {
    page: search.page ?? 1,
    pageSize,
    total: total ?? 0,
    onChange: (page, size) => onSearchChange({ ...search, page: size === pageSize ? page : 1, pageSize: size }),
  };
}

/** The filters a list keeps when they change: its tab and page size (the page goes back to 1). */
export function keptOnFilter(search: SettlementSearch): SettlementSearch {
  return { ...(search.tab ? { tab: search.tab } : {}), ...(search.pageSize ? { pageSize: search.pageSize } : {}) };
}

/** A phone card's first line: its title and its state. */
export function CardHead({ title, state }: { title: ReactNode; state: string }) {
  return (
    <Flex justify="space-between" align="center" gap="small" wrap>
      {typeof title === 'string' ? <Typography.Text strong>{title}</Typography.Text> : title}
      <StateTag state={state} />
    </Flex>
  );
}

/** A phone card's figure: a label and an amount (bold for the one that matters). */
export function CardFigure({ label, fen, strong = false }: { label: ReactNode; fen: number; strong?: boolean }) {
  return (
    <Flex justify="space-between" gap="small" wrap>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {strong ? (
        <strong>
          <Money fen={fen} />
        </strong>
      ) : (
        <Money fen={fen} />
      )}
    </Flex>
  );
}
