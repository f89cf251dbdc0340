import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TPriceList } from '@clientela/contract';
import { App, Button, Card, Flex, Popconfirm, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../auth/api.ts';
import { useDeletePriceList, usePriceLists } from './api.ts';
import { mayEditCatalogue } from './permissions.ts';
import { PriceListModal } from './price-list-modal.tsx';

/** `/price-lists`: the workspace's price lists, each in one currency; the default one starts every quote. */
export function PriceListsPage() {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const editable = mayEditCatalogue(useMe());
  const priceLists = usePriceLists();
  const remove = useDeletePriceList();
  const [editing, setEditing] = useState<{ priceList?: TPriceList } | null>(null);

  const removeList = async (priceList: TPriceList) => {
    try {
      await remove.mutateAsync(priceList.id);
      message.success(t('priceLists.removed', { name: priceList.name }));
    } catch {
      // Shown by the alert above the table.
    }
  };

  const columns: ColumnsType<TPriceList> = [
    {
      key: 'name',
      title: t('fields.name'),
      render: (_value, list) => (
        <Flex gap={8} align="center">
          <Link to={`/price-lists/${list.id}`}>{list.name}</Link>
          {list.isDefault && <Tag color="blue">{t('priceLists.defaultTag')}</Tag>}
        </Flex>
      ),
    },
    { key: 'currency', title: t('fields.currency'), dataIndex: 'currency' },
    {
      key: 'active',
      title: t('fields.active'),
      render: (_value, list) => (list.active ? <Tag color="green">{t('products.activeTag')}</Tag> : <Tag>{t('products.inactiveTag')}</Tag>),
    },
    {
      key: 'products',
      title: t('priceLists.products'),
      align: 'right',
      render: (_value, list) => t('priceLists.productCount', { count: list.productCount }),
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: tc('common.actions'),
      render: (_value, list) => (
        <Flex gap={4}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('priceLists.editNamed', { name: list.name })}
            onClick={() => setEditing({ priceList: list })}
          />
          <Popconfirm title={t('priceLists.removeConfirm', { name: list.name })} onConfirm={() => removeList(list)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('priceLists.removeNamed', { name: list.name })} />
          </Popconfirm>
        </Flex>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('priceLists.title')}
        subtitle={t('priceLists.subtitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('priceLists.create')}
            </Button>
          )
        }
      />
      <Card>
        <ErrorAlert error={priceLists.error ?? remove.error} />
        <Table<TPriceList>
          rowKey="id"
          columns={columns}
          dataSource={priceLists.data ?? []}
          loading={priceLists.isPending}
          pagination={false}
          locale={{ emptyText: t('priceLists.empty') }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <PriceListModal open={editing !== null} priceList={editing?.priceList} onClose={() => setEditing(null)} />
    </>
  );
}
