import { GiftOutlined } from '@ant-design/icons';
import type { TRecordEntity } from '@clientela/contract';
import { Button, Card, Checkbox, Flex, Table, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportButton } from '../../components/export-button.tsx';
import { useMe } from '../auth/api.ts';
import { companyColumnSpecs } from '../companies/company-columns.tsx';
import { contactColumnSpecs } from '../contacts/contact-columns.tsx';
import { useCustomFields } from '../custom-fields/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { ListFilters } from '../customers/list-filters.tsx';
import { hasCustomFilter, withoutUnknownCustomFilters } from '../customers/list-query.ts';
import { sortOf } from '../customers/sort.ts';
import { useListFilters } from '../customers/use-list-filters.ts';
import { DuplicatesLink } from '../duplicates/duplicates-link.tsx';
import { ImportButton } from '../imports/import-button.tsx';
import { BuildListButton } from '../lists/build-list-button.tsx';
import { useUnits } from '../units/api.ts';
import { unitNames } from '../units/unit-tree.ts';
import { useViews } from '../views/api.ts';
import { ViewBar } from '../views/view-bar.tsx';
import { type CustomerRecord, RESOURCE, useRecordPages } from './api.ts';
import { BulkBar } from './bulk-bar.tsx';
import { ColumnChooser } from './column-chooser.tsx';
import { columnChoices, visibleColumns } from './columns.ts';
import { type ColumnContext, type ColumnSpec, tableColumns } from './record-columns.tsx';
import { useColumns } from './use-columns.ts';

type Props = {
  entity: TRecordEntity;
  /** A static list whose members are shown: they can be taken off it, and views do not apply. */
  listId?: string;
  emptyText: ReactNode;
};

/**
 * A list of companies or contacts: saved views, search and filters in the address, chosen
 * columns, selection with bulk actions, export; paged on the server ("load more").
 */
export function CustomerList({ entity, listId, emptyText }: Props) {
  const { t } = useTranslation('customers');
  const format = useFormatters();
  const fixed = useMemo(() => (listId ? { 'filter[listId]': listId } : undefined), [listId]);
  const filters = useListFilters(entity, fixed);
  const rights = useMe().permissions?.[RESOURCE[entity]];
  const views = useViews(entity, !listId);
  const view = listId ? undefined : views.data?.find((one) => one.id === filters.viewId);
  const fields = useCustomFields(entity);
  const columns = useColumns(entity, view);
  const units = useUnits();
  // Filters on custom fields wait for their definitions, so that deleted fields can be left out.
  const customFiltered = hasCustomFilter(filters.query);
  const fieldKeys = (fields.data ?? []).map((field) => field.key);
  const query = customFiltered ? withoutUnknownCustomFilters(filters.query, fieldKeys) : filters.query;
  const records = useRecordPages(entity, query, !customFiltered || !fields.isPending);
  const rows: CustomerRecord[] = useMemo(() => records.data?.pages.flatMap((page) => page.data) ?? [], [records.data]);
  const total = records.data?.pages[0]?.total ?? 0;

  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const queryKey = JSON.stringify(filters.query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts a new selection.
  useEffect(() => setSelectedIds([]), [queryKey]);
  const selected = rows.filter((row) => selectedIds.includes(row.id));

  const customFields = fields.data ?? [];
  const shown = visibleColumns(columns.ids, columnChoices(entity, customFields));
  const context: ColumnContext = {
    t,
    locale: format.locale,
    formatDate: format.date,
    formatDay: format.calendarDate,
    unitNames: unitNames(units.data),
  };
  // The rows are of `entity`, so its renderers fit them.
  const specs = (entity === 'company' ? companyColumnSpecs(context) : contactColumnSpecs(context)) as Record<
    string,
    ColumnSpec<CustomerRecord>
  >;
  const birthdayMonth = String(new Date().getMonth() + 1);

  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
        {listId ? (
          <span />
        ) : (
          <ViewBar
            entity={entity}
            views={views.data ?? []}
            loading={views.isPending}
            current={view}
            filters={filters}
            columns={shown}
            onResetColumns={columns.resetDraft}
          />
        )}
        <Flex gap={8} wrap>
          <ColumnChooser entity={entity} fields={customFields} value={shown} onChange={columns.set} />
          {rights?.export !== 'none' && (
            <ExportButton
              resource={RESOURCE[entity]}
              query={query}
              columns={shown}
              // Address books read vCard: people only.
              formats={entity === 'contact' ? ['csv', 'xlsx', 'vcf'] : ['csv', 'xlsx']}
            />
          )}
          {!listId && rights?.import !== 'none' && <ImportButton entity={entity} />}
          {!listId && <DuplicatesLink entity={entity} />}
          {!listId && (
            <BuildListButton
              entity={entity}
              query={customFiltered ? withoutUnknownCustomFilters(filters.ownQuery, fieldKeys) : filters.ownQuery}
              total={total}
            />
          )}
        </Flex>
      </Flex>
      <ListFilters filters={filters} fields={customFields}>
        {entity === 'contact' && (
          <Checkbox
            checked={filters.value('birthdayMonth') === birthdayMonth}
            onChange={(event) => filters.set('birthdayMonth', event.target.checked ? birthdayMonth : undefined)}
            style={{ alignSelf: 'center' }}
          >
            <GiftOutlined /> {t('contacts.birthdaysThisMonth')}
          </Checkbox>
        )}
      </ListFilters>
      <ErrorAlert error={records.error ?? views.error ?? fields.error} />
      <BulkBar
        entity={entity}
        selected={selected}
        listId={listId}
        onDone={() => setSelectedIds([])}
        onDeselect={(ids) => setSelectedIds((current) => current.filter((id) => !ids.includes(id)))}
      />
      <Table<CustomerRecord>
        rowKey="id"
        columns={tableColumns({ ids: shown, specs, fields: customFields, sort: filters.sort, context })}
        dataSource={rows}
        pagination={false}
        rowSelection={{
          selectedRowKeys: selectedIds,
          onChange: (keys) => setSelectedIds(keys.map(String)),
          // antd's own labels are English only.
          getCheckboxProps: (record) => ({ 'aria-label': t('bulk.selectRow', { name: record.name }) }),
          getTitleCheckboxProps: () => ({ 'aria-label': t('bulk.selectPage') }),
        }}
        loading={records.isPending || (records.isFetching && !records.isFetchingNextPage)}
        locale={{ emptyText }}
        scroll={{ x: 'max-content' }}
        tableLayout="auto"
        onChange={(_pagination, _filters, sorter) => filters.setSort(sortOf(sorter))}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="list-total">
          {t('list.shown', { shown: rows.length, total })}
        </Typography.Text>
        {records.hasNextPage && (
          <Button onClick={() => records.fetchNextPage()} loading={records.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
