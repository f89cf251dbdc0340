import { SearchOutlined, TagOutlined } from '@ant-design/icons';
import { CUSTOMER_CLASSES, CUSTOMER_STATUSES, RELATIONSHIPS, type TCustomField } from '@clientela/contract';
import { Button, Flex, Input, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { customColumnId } from '../customer-list/columns.ts';
import { isFiltered } from './list-query.ts';
import type { ListFiltersState } from './use-list-filters.ts';
import { UserSelect } from './user-select.tsx';

type Props = { filters: ListFiltersState; fields?: readonly TCustomField[]; children?: ReactNode };

/** A custom field's filter: a choice for select, multi-select and yes/no fields, a text box for text. */
function CustomFilter({ field, filters }: { field: TCustomField; filters: ListFiltersState }) {
  const { t } = useTranslation('customers');
  const name = customColumnId(field.key);
  const value = filters.value(name);
  if (field.type === 'text') {
    return (
      <Input
        allowClear
        prefix={<Typography.Text type="secondary">{field.label}:</Typography.Text>}
        aria-label={field.label}
        value={filters.text(name)}
        onChange={(event) => filters.type(name, event.target.value)}
        style={{ width: 200 }}
      />
    );
  }
  const options =
    field.type === 'boolean'
      ? [
          { value: 'true', label: t('customFields.yes') },
          { value: 'false', label: t('customFields.no') },
        ]
      : field.options;
  return (
    <Select<string>
      allowClear
      // Once a value is chosen the placeholder is gone: the label says what the value filters.
      prefix={value && <Typography.Text type="secondary">{field.label}:</Typography.Text>}
      placeholder={field.label}
      aria-label={field.label}
      value={value}
      onChange={(next) => filters.set(name, next)}
      options={options}
      popupMatchSelectWidth={false}
      style={{ minWidth: 150 }}
    />
  );
}

const FILTERABLE = new Set<TCustomField['type']>(['text', 'select', 'multiselect', 'boolean']);

/** Search box and filters of a customer list, the custom fields' ones included. */
export function ListFilters({ filters, fields = [], children }: Props) {
  const { t } = useTranslation('customers');
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('list.search')}
        aria-label={t('list.search')}
        value={filters.text('q')}
        onChange={(event) => filters.type('q', event.target.value)}
        style={{ flex: '1 1 240px' }}
      />
      <Select
        allowClear
        placeholder={t('list.allStatuses')}
        aria-label={t('fields.status')}
        value={filters.value('status')}
        onChange={(status?: string) => filters.set('status', status)}
        options={CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        style={{ width: 150 }}
      />
      <Select
        allowClear
        placeholder={t('list.allRelationships')}
        aria-label={t('fields.relationships')}
        value={filters.value('relationship')}
        onChange={(relationship?: string) => filters.set('relationship', relationship)}
        options={RELATIONSHIPS.map((relationship) => ({ value: relationship, label: t(`relationship.${relationship}`) }))}
        style={{ width: 170 }}
      />
      <Select
        allowClear
        placeholder={t('list.allClasses')}
        aria-label={t('fields.class')}
        value={filters.value('class')}
        onChange={(customerClass?: string) => filters.set('class', customerClass)}
        options={CUSTOMER_CLASSES.map((customerClass) => ({ value: customerClass, label: t('classTag', { class: customerClass }) }))}
        style={{ width: 120 }}
      />
      <Input
        allowClear
        placeholder={t('list.city')}
        aria-label={t('list.city')}
        value={filters.text('city')}
        onChange={(event) => filters.type('city', event.target.value)}
        style={{ width: 130 }}
      />
      <UserSelect
        placeholder={t('listFilters.owner')}
        aria-label={t('fields.ownerId')}
        value={filters.value('ownerId') ?? null}
        onChange={(ownerId) => filters.set('ownerId', ownerId ?? undefined)}
        style={{ width: 190 }}
      />
      <Input
        allowClear
        prefix={<TagOutlined />}
        placeholder={t('listFilters.tag')}
        aria-label={t('listFilters.tag')}
        value={filters.text('tag')}
        onChange={(event) => filters.type('tag', event.target.value)}
        style={{ width: 130 }}
      />
      {fields
        .filter((field) => FILTERABLE.has(field.type))
        .map((field) => (
          <CustomFilter key={field.key} field={field} filters={filters} />
        ))}
      {children}
      {isFiltered(filters.ownQuery) && (
        <Button type="link" onClick={filters.clear} style={{ paddingInline: 4 }}>
          {t('list.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
