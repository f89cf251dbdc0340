import { SearchOutlined } from '@ant-design/icons';
import { CUSTOMER_CLASSES, CUSTOMER_STATUSES, RELATIONSHIPS } from '@clientela/contract';
import { Flex, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerClass, CustomerStatus, Relationship } from './types.ts';

/** The filter values as typed, before debouncing. */
export type FilterState = {
  search: string;
  status?: CustomerStatus;
  relationship?: Relationship;
  class?: CustomerClass;
  city: string;
};

type Props = { value: FilterState; onChange: (value: FilterState) => void; children?: ReactNode };

/** Search box and filters of a customer list. */
export function ListFilters({ value, onChange, children }: Props) {
  const { t } = useTranslation('customers');
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('list.search')}
        aria-label={t('list.search')}
        value={value.search}
        onChange={(event) => set({ search: event.target.value })}
        style={{ flex: '1 1 240px' }}
      />
      <Select<CustomerStatus>
        allowClear
        placeholder={t('list.allStatuses')}
        aria-label={t('fields.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        style={{ width: 150 }}
      />
      <Select<Relationship>
        allowClear
        placeholder={t('list.allRelationships')}
        aria-label={t('fields.relationships')}
        value={value.relationship}
        onChange={(relationship) => set({ relationship })}
        options={RELATIONSHIPS.map((relationship) => ({ value: relationship, label: t(`relationship.${relationship}`) }))}
        style={{ width: 170 }}
      />
      <Select<CustomerClass>
        allowClear
        placeholder={t('list.allClasses')}
        aria-label={t('fields.class')}
        value={value.class}
        onChange={(customerClass) => set({ class: customerClass })}
        options={CUSTOMER_CLASSES.map((customerClass) => ({ value: customerClass, label: t('classTag', { class: customerClass }) }))}
        style={{ width: 120 }}
      />
      <Input
        allowClear
        placeholder={t('list.city')}
        aria-label={t('list.city')}
        value={value.city}
        onChange={(event) => set({ city: event.target.value })}
        style={{ width: 130 }}
      />
      {children}
    </Flex>
  );
}
