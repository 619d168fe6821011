import { useDeferredValue, useState } from 'react';
import { Button, Form, Grid, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '@/components/filter-bar';
import { $api } from '@/lib/api';
import { NS } from '../i18n';
import { ANOMALY_KINDS, SESSION_STATES, VERTICALS, type SessionsFilters } from '../search';

const FIELD_WIDTH = { minWidth: 180 };
const DEVICE_OPTIONS_LIMIT = 50;

/**
 * The device filter: searched on the server by the start of the code (a fleet has thousands), within the chosen
 * site; the chosen device keeps its label even when it is not among the matches. Form.Item hands it `id` (its label's
 * target), `value` and `onChange`.
 */
function DeviceSelect({ id, siteId, value, onChange, placeholder }: { id?: string; siteId?: string | undefined; value?: string; onChange?: (value: string | undefined) => void; placeholder: string }) {
  const [term, setTerm] = useState('');
  const code = useDeferredValue(term.trim());
  const devices = useQuery(
    $api.queryOptions(
      'get',
      '/v1/devices',
      { params: { query: { limit: DEVICE_OPTIONS_LIMIT, ...(siteId ? { siteId } : {}), ...(code ? { code } : {}) } } },
      { staleTime: 60_000, placeholderData: (previous) => previous },
    ),
  );
  const chosen = useQuery({
    ...$api.queryOptions('get', '/v1/devices/{id}', { params: { path: { id: value ?? '' } } }, { staleTime: 60_000 }),
    enabled: Boolean(value) && !(devices.data?.items ?? []).some((d) => d.id === value),
  });
  const label = (d: { code: string; name?: string | null }) => (d.name ? `${d.code} ${d.name}` : d.code);
  const options = (devices.data?.items ?? []).map((d) => ({ value: d.id, label: label(d) }));
  if (value && chosen.data && !options.some((o) => o.value === value)) options.unshift({ value, label: label(chosen.data) });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTerm }}
      style={FIELD_WIDTH}
      loading={devices.isFetching}
      value={value}
      onChange={(next: string | undefined) => {
        setTerm('');
        onChange?.(next);
      }}
      options={options}
      placeholder={placeholder}
    />
  );
}

/** The list's filters; what they say is what the URL says. */
export function SessionsFilterBar({ values, onChange }: { values: SessionsFilters; onChange: (values: SessionsFilters) => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  // on a phone the less used filters fold away (kept in the form, so a search never drops them)
  const phone = Grid.useBreakpoint().md === false;
  const [more, setMore] = useState(false);
  const folded = (['vertical', 'organizationId', 'siteId', 'deviceId', 'anomalyKind', 'from', 'to'] as const).filter((k) => values[k] !== undefined).length;
  const hidden = phone && !more;
  const sites = useQuery($api.queryOptions('get', '/v1/sites', { params: { query: { limit: 200 } } }, { staleTime: 60_000 }));
  const organizations = useQuery($api.queryOptions('get', '/v1/organizations', {}, { staleTime: 60_000 }));
  return (
    <FilterBar<SessionsFilters> values={values} onChange={onChange} empty={{}} foldOnPhone={false}>
      <Form.Item name="q" label={t('filters.q')}>
        <Input allowClear placeholder={t('filters.qPlaceholder')} style={FIELD_WIDTH} />
      </Form.Item>
      <Form.Item name="state" label={t('filters.state')}>
        <Select mode="multiple" allowClear style={{ minWidth: 220 }} options={SESSION_STATES.map((s) => ({ value: s, label: tc(`state.${s}`) }))} placeholder={t('filters.all')} />
      </Form.Item>
      <Form.Item name="vertical" label={t('filters.vertical')} hidden={hidden}>
        <Select allowClear style={FIELD_WIDTH} options={VERTICALS.map((v) => ({ value: v, label: t(`vertical.${v}`) }))} placeholder={t('filters.all')} />
      </Form.Item>
      <Form.Item name="organizationId" label={t('filters.organization')} hidden={hidden}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={FIELD_WIDTH}
          loading={organizations.isLoading}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          placeholder={t('filters.all')}
        />
      </Form.Item>
      <Form.Item name="siteId" label={t('filters.site')} hidden={hidden}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={FIELD_WIDTH}
          loading={sites.isLoading}
          options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          placeholder={t('filters.all')}
        />
      </Form.Item>
      <Form.Item name="deviceId" label={t('filters.device')} hidden={hidden}>
        <DeviceSelect siteId={values.siteId} placeholder={t('filters.all')} />
      </Form.Item>
      <Form.Item name="anomaly" label={t('filters.anomaly')}>
        <Select
          allowClear
          style={{ minWidth: 140 }}
          options={[
            { value: true, label: t('filters.anomalyYes') },
            { value: false, label: t('filters.anomalyNo') },
          ]}
          placeholder={t('filters.all')}
        />
      </Form.Item>
      <Form.Item name="anomalyKind" label={t('filters.anomalyKind')} hidden={hidden}>
        <Select allowClear showSearch style={{ minWidth: 220 }} options={ANOMALY_KINDS.map((k) => ({ value: k, label: k }))} placeholder={t('filters.all')} />
      </Form.Item>
      <Form.Item name="from" label={t('filters.from')} hidden={hidden}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="to" label={t('filters.to')} hidden={hidden}>
        <Input type="date" />
      </Form.Item>
      {phone ? (
        <Form.Item>
          <Button type="link" onClick={() => setMore((m) => !m)} aria-expanded={more}>
            {more ? t('filters.fewer') : t('filters.more', { count: folded })}
          </Button>
        </Form.Item>
      ) : null}
    </FilterBar>
  );
}
