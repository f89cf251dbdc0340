import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { CustomerList } from '../customer-list/customer-list.tsx';
import { useList, useUpdateList } from './api.ts';
import { ListFormModal, type ListValues } from './list-form-modal.tsx';
import { SharingTag } from './lists-page.tsx';
import { useConfirmDeleteList } from './use-list-actions.tsx';

/** `/lists/:id`: a static list's members, in the same table as the customer lists. */
export function ListPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useList(id);
  const update = useUpdateList();
  const [editing, setEditing] = useState(false);
  const back = list.data?.entity === 'contact' ? '/lists?entity=contact' : '/lists';
  const confirmDelete = useConfirmDeleteList(() => navigate(back));

  if (list.isPending) return <Skeleton active />;
  if (list.error || !list.data) {
    return (
      <Result
        status={isApiError(list.error) && list.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, list.error)}
        extra={<Link to="/lists">{t('lists.back')}</Link>}
      />
    );
  }
  const data = list.data;

  const save = async (values: ListValues) => {
    await update.mutateAsync({ id: data.id, ...values });
    message.success(t('lists.updated', { name: values.name }));
  };

  return (
    <>
      <Link to={back}>
        <ArrowLeftOutlined /> {t('lists.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <div>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {data.name}
            </Typography.Title>
            <SharingTag shared={data.shared} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }} data-testid="list-summary">
            {t(`lists.summary.${data.entity}`, { count: data.memberCount, owner: data.owner?.name ?? '—' })}
          </Typography.Text>
          {data.notes && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0', maxWidth: 720 }}>{data.notes}</Typography.Paragraph>
          )}
        </div>
        {data.editable && (
          <Flex gap={8}>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('lists.edit')}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(data)}>
              {t('lists.delete')}
            </Button>
          </Flex>
        )}
      </Flex>
      <CustomerList key={data.id} entity={data.entity} listId={data.id} emptyText={t(`lists.noMembers.${data.entity}`)} />
      <ListFormModal
        open={editing}
        title={t('lists.editTitle')}
        list={data}
        saving={update.isPending}
        error={update.error}
        onSubmit={save}
        onClose={() => {
          setEditing(false);
          update.reset();
        }}
      />
    </>
  );
}
