import type { TCompany } from '@clientela/contract';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { RelationshipTags, StatusTag } from '../customers/customer-tags.tsx';
import { sortOrder } from '../customers/sort.ts';
import type { CustomerSort } from '../customers/types.ts';

type Options = { t: TFunction<'customers'>; sort: CustomerSort; formatDate: (iso: string) => string };

/** Columns of the companies table; sorting happens on the server. */
export function companyColumns({ t, sort, formatDate }: Options): TableColumnsType<TCompany> {
  return [
    {
      key: 'name',
      title: t('columns.name'),
      sorter: true,
      sortOrder: sortOrder(sort, 'name'),
      render: (_, company) => <Link to={`/companies/${company.id}`}>{company.name}</Link>,
    },
    { key: 'status', title: t('columns.status'), className: 'nowrap', render: (_, company) => <StatusTag status={company.status} /> },
    {
      key: 'relationships',
      title: t('columns.relationships'),
      responsive: ['lg'],
      render: (_, company) => <RelationshipTags values={company.relationships} />,
    },
    { key: 'city', title: t('columns.city'), render: (_, company) => company.city ?? '' },
    { key: 'phone', title: t('columns.phone'), className: 'nowrap', render: (_, company) => company.phones[0]?.value ?? '' },
    { key: 'owner', title: t('columns.owner'), responsive: ['md'], render: (_, company) => company.owner?.name ?? '' },
    {
      key: 'updatedAt',
      title: t('columns.updated'),
      className: 'nowrap',
      sorter: true,
      sortOrder: sortOrder(sort, 'updatedAt'),
      render: (_, company) => formatDate(company.updatedAt),
    },
  ];
}
