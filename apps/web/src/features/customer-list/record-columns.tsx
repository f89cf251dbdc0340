import type { COMPANY_COLUMNS, CONTACT_COLUMNS, TCustomField, TLocale } from '@clientela/contract';
import type { TableColumnsType } from 'antd';
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { customValueText } from '../custom-fields/custom-values.ts';
import { ClassTag, RelationshipTags, StatusTag } from '../customers/customer-tags.tsx';
import { isSortable, sortOrder } from '../customers/sort.ts';
import type { CustomerRecord } from './api.ts';
import { customKeyOf } from './columns.ts';

type StandardColumn = (typeof COMPANY_COLUMNS)[number] | (typeof CONTACT_COLUMNS)[number];

/** How one standard column shows a record. */
export type ColumnSpec<T> = { render: (record: T) => ReactNode; nowrap?: boolean };

/** What the column renderers need: messages, the user's formats, unit names. */
export type ColumnContext = {
  t: TFunction<'customers'>;
  locale: TLocale;
  formatDate: (iso: string) => string;
  formatDay: (ymd: string) => string;
  unitNames: Map<string, string>;
};

/** A long text cut to one line, whole in a tooltip. */
export const clipped = (text: string | null) =>
  text ? (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 260 }}>
      {text}
    </Typography.Text>
  ) : null;

function firstOf(points: { value: string }[], href: (value: string) => string) {
  const [first, ...more] = points;
  if (!first) return null;
  return (
    <>
      <a href={href(first.value)}>{first.value}</a>
      {more.length > 0 && <Typography.Text type="secondary">{` +${more.length}`}</Typography.Text>}
    </>
  );
}

/** Renderers of the columns companies and contacts share. */
export function customerColumnSpecs<T extends CustomerRecord>({ formatDate, unitNames }: ColumnContext) {
  return {
    status: { render: (record) => <StatusTag status={record.status} />, nowrap: true },
    class: { render: (record) => <ClassTag value={record.class} /> },
    relationships: { render: (record) => <RelationshipTags values={record.relationships} /> },
    region: { render: (record) => record.region },
    city: { render: (record) => record.city },
    address: { render: (record) => clipped(record.address) },
    phones: { render: (record) => firstOf(record.phones, (value) => `tel:${value.replace(/[^\d+]/g, '')}`), nowrap: true },
    emails: { render: (record) => firstOf(record.emails, (value) => `mailto:${value}`) },
    leadSource: { render: (record) => record.leadSource },
    owner: { render: (record) => record.owner?.name, nowrap: true },
    unit: { render: (record) => (record.unitId ? unitNames.get(record.unitId) : null) },
    tags: {
      render: (record) =>
        record.tags.map((tag) => (
          <Tag key={tag} variant="outlined">
            {tag}
          </Tag>
        )),
    },
    notes: { render: (record) => clipped(record.notes) },
    createdAt: { render: (record) => formatDate(record.createdAt), nowrap: true },
    updatedAt: { render: (record) => formatDate(record.updatedAt), nowrap: true },
  } satisfies Record<string, ColumnSpec<T>>;
}

/** A column's heading: the standard field's name or the custom field's label. */
export function columnLabel(t: TFunction<'customers'>, id: string, fields: readonly TCustomField[]): string {
  const key = customKeyOf(id);
  if (key) return fields.find((field) => field.key === key)?.label ?? key;
  return t(`listColumns.${id as StandardColumn}`);
}

function customCell(field: TCustomField, value: unknown, { t, locale }: ColumnContext): ReactNode {
  const text = customValueText(field, value, { t, locale });
  if (field.type === 'link' && text) {
    return (
      <a href={text} target="_blank" rel="noreferrer">
        {text}
      </a>
    );
  }
  return field.type === 'text' ? clipped(text) : text;
}

type Options<T> = {
  ids: readonly string[];
  specs: Record<string, ColumnSpec<T>>;
  fields: readonly TCustomField[];
  sort: string;
  context: ColumnContext;
};

/** The table's columns, in the chosen order; sorting happens on the server. */
export function tableColumns<T extends CustomerRecord>({ ids, specs, fields, sort, context }: Options<T>): TableColumnsType<T> {
  const columns: TableColumnsType<T> = [];
  for (const id of ids) {
    const key = customKeyOf(id);
    const field = key ? fields.find((one) => one.key === key) : undefined;
    const spec = specs[id];
    if (field) {
      const numeric = field.type === 'number' || field.type === 'money';
      columns.push({
        key: id,
        title: field.label,
        align: numeric ? 'right' : undefined,
        className: numeric || field.type === 'date' ? 'nowrap' : undefined,
        render: (_, record) => customCell(field, record.custom[field.key], context),
      });
    } else if (spec) {
      columns.push({
        key: id,
        title: columnLabel(context.t, id, fields),
        className: spec.nowrap ? 'nowrap' : undefined,
        sorter: isSortable(id),
        sortOrder: isSortable(id) ? sortOrder(sort, id) : undefined,
        render: (_, record) => spec.render(record),
      });
    }
  }
  return columns;
}
