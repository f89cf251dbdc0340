import type { TContract, TLocale } from '@clientela/contract';
import { Flex, type TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { formatMoney, formatNumber } from '../../lib/format.ts';
import { BindingTag, EndDate, RenewalTag } from './contract-tags.tsx';

/** A contract's value in its currency, for the user's language; nothing when it has none. */
export function contractValue(contract: Pick<TContract, 'value' | 'currency'>, locale: TLocale): string | null {
  if (contract.value === null) return null;
  const amount = Number(contract.value);
  return contract.currency ? formatMoney(amount, contract.currency, locale) : formatNumber(amount, locale);
}

const orderOf = (sort: string | undefined, field: string): SortOrder =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;

type Options = {
  t: TFunction<'contracts'>;
  locale: TLocale;
  /** The list's sort (`endDate`, `-number`…), shown on the sortable columns. */
  sort?: string;
  /** Leaves the company out: the list is one company's. */
  withoutCompany?: boolean;
};

/** The columns of a contracts table. */
export function contractColumns({ t, locale, sort, withoutCompany }: Options): TableColumnsType<TContract> {
  return [
    {
      key: 'number',
      title: t('fields.number'),
      sorter: true,
      sortOrder: orderOf(sort, 'number'),
      className: 'nowrap',
      render: (_, contract) => <Link to={`/contracts/${contract.id}`}>{contract.number}</Link>,
    },
    { key: 'subject', title: t('fields.subject'), render: (_, contract) => contract.subject },
    ...(withoutCompany
      ? []
      : [
          {
            key: 'company',
            title: t('fields.company'),
            render: (_: unknown, contract: TContract) => <Link to={`/companies/${contract.company.id}`}>{contract.company.name}</Link>,
          },
        ]),
    {
      key: 'endDate',
      title: t('fields.endDate'),
      sorter: true,
      sortOrder: orderOf(sort, 'endDate'),
      render: (_, contract) => <EndDate contract={contract} stacked />,
    },
    {
      key: 'renewal',
      title: t('fields.renewal'),
      render: (_, contract) => (
        <Flex vertical gap={4} align="flex-start">
          <RenewalTag renewal={contract.renewal} />
          <BindingTag count={contract.bindingAgreements} />
        </Flex>
      ),
    },
    {
      key: 'value',
      title: t('fields.value'),
      align: 'right',
      className: 'nowrap',
      render: (_, contract) => contractValue(contract, locale),
    },
    ...(withoutCompany
      ? []
      : [{ key: 'responsible', title: t('fields.responsible'), render: (_: unknown, contract: TContract) => contract.responsible?.name }]),
  ];
}
