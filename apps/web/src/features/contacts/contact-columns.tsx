import type { TContact } from '@clientela/contract';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { StatusTag } from '../customers/customer-tags.tsx';
import { sortOrder } from '../customers/sort.ts';
import type { CustomerSort } from '../customers/types.ts';

type Options = { t: TFunction<'customers'>; sort: CustomerSort; formatDay: (ymd: string) => string };

/** Columns of the contacts table; sorting happens on the server. */
export function contactColumns({ t, sort, formatDay }: Options): TableColumnsType<TContact> {
  return [
    {
      key: 'name',
      title: t('columns.name'),
      sorter: true,
      sortOrder: sortOrder(sort, 'name'),
      render: (_, contact) => <Link to={`/contacts/${contact.id}`}>{contact.name}</Link>,
    },
    { key: 'position', title: t('columns.position'), responsive: ['lg'], render: (_, contact) => contact.position ?? '' },
    {
      key: 'companies',
      title: t('columns.companies'),
      render: (_, contact) =>
        contact.companies.map((company, index) => (
          <span key={company.id}>
            {index > 0 && ', '}
            <Link to={`/companies/${company.id}`}>{company.name}</Link>
          </span>
        )),
    },
    { key: 'phone', title: t('columns.phone'), className: 'nowrap', render: (_, contact) => contact.phones[0]?.value ?? '' },
    { key: 'city', title: t('columns.city'), responsive: ['md'], render: (_, contact) => contact.city ?? '' },
    { key: 'status', title: t('columns.status'), className: 'nowrap', render: (_, contact) => <StatusTag status={contact.status} /> },
    {
      key: 'birthday',
      title: t('columns.birthday'),
      className: 'nowrap',
      render: (_, contact) => (contact.birthday ? formatDay(contact.birthday) : ''),
    },
  ];
}
