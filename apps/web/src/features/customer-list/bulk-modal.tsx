import {
  CUSTOMER_STATUSES,
  type TBulkAction,
  type TCustomerStatus,
  type TRecordEntity,
  type TStaticList,
  ZCreateListInput,
} from '@clientela/contract';
import { Alert, App, AutoComplete, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { zodRule } from '../../lib/form.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useCreateList, useLists, useRemoveListMembers } from '../lists/api.ts';
import { type CustomerRecord, useBulkAction } from './api.ts';
import { refusedIds } from './refused.ts';

export type BulkKind = TBulkAction['type'] | 'removeFromList';

type Values = {
  ownerId?: string;
  tag?: string;
  status?: TCustomerStatus;
  listChoice?: 'existing' | 'new';
  listId?: string;
  listName?: string;
};

type Props = {
  kind: BulkKind;
  entity: TRecordEntity;
  records: CustomerRecord[];
  listId?: string;
  onClose: () => void;
  onDone: () => void;
  onDeselect: (ids: string[]) => void;
};

/** Asks what the bulk action needs (an owner, a tag, a status, a list), runs it, and names any record refused. */
export function BulkModal({ kind, entity, records, listId, onClose, onDone, onDeselect }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const bulk = useBulkAction(entity);
  const removeMembers = useRemoveListMembers(entity);
  const createList = useCreateList();
  const lists = useLists(entity, kind === 'addToList');
  // Kept when the action fails after the list was made, so that trying again does not make a second one.
  const [newList, setNewList] = useState<TStaticList | null>(null);
  const listChoice = Form.useWatch('listChoice', form);

  const ids = records.map((record) => record.id);
  const failure = bulk.error ?? removeMembers.error;
  const refused = refusedIds(failure, ids);
  const refusedNames = refused.map((id) => records.find((record) => record.id === id)?.name ?? id);
  const editableLists = (lists.data ?? []).filter((list) => list.editable);
  const tags = [...new Set(records.flatMap((record) => record.tags))].sort().map((tag) => ({ value: tag }));

  const actionOf = async (values: Values): Promise<{ action: TBulkAction; list?: TStaticList }> => {
    switch (kind) {
      case 'assignOwner':
        return { action: { type: 'assignOwner', ownerId: values.ownerId ?? '' } };
      case 'addTag':
      case 'removeTag':
        return { action: { type: kind, tag: (values.tag ?? '').trim() } };
      case 'setStatus':
        return { action: { type: 'setStatus', status: values.status ?? 'active' } };
      default: {
        if (values.listChoice === 'new') {
          const list = newList ?? (await createList.mutateAsync({ entity, name: (values.listName ?? '').trim() }));
          setNewList(list);
          return { action: { type: 'addToList', listId: list.id }, list };
        }
        const list = editableLists.find((one) => one.id === values.listId);
        return { action: { type: 'addToList', listId: values.listId ?? '' }, list };
      }
    }
  };

  const submit = async (values: Values) => {
    try {
      if (kind === 'removeFromList') {
        const result = await removeMembers.mutateAsync({ id: listId ?? '', ids });
        message.success(t('bulk.removed', { count: result.changed }));
      } else {
        const { action, list } = await actionOf(values);
        const result = await bulk.mutateAsync({ ids, action });
        message.success(
          list ? t('bulk.addedToList', { name: list.name, count: result.changed }) : t('bulk.changed', { count: result.changed }),
        );
      }
      onDone();
    } catch {
      // Shown in the dialog: which records were refused, or why it failed.
    }
  };

  const required = { required: true, message: tc('validation.required') };
  return (
    <Modal
      open
      title={t(`bulk.${kind}`)}
      okText={kind === 'removeFromList' ? t('bulk.removeFromList') : t('bulk.apply')}
      okButtonProps={{ danger: kind === 'removeFromList' }}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={bulk.isPending || removeMembers.isPending || createList.isPending}
    >
      <Typography.Paragraph type="secondary">
        {kind === 'removeFromList' ? t('bulk.removeHint', { count: records.length }) : t('bulk.appliesTo', { count: records.length })}
      </Typography.Paragraph>
      {refused.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('bulk.refusedTitle', { count: refused.length })}
          description={
            <>
              <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }} data-testid="bulk-refused">
                {refusedNames.map((name, index) => (
                  <li key={refused[index]}>{name}</li>
                ))}
              </ul>
              {refused.length < records.length && (
                <Button
                  size="small"
                  onClick={() => {
                    onDeselect(refused);
                    bulk.reset();
                    removeMembers.reset();
                  }}
                >
                  {t('bulk.deselect')}
                </Button>
              )}
            </>
          }
        />
      ) : (
        <ErrorAlert error={failure ?? createList.error} />
      )}
      <Form
        form={form}
        name="bulk-action"
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        aria-label={t(`bulk.${kind}`)}
        initialValues={{ listChoice: 'existing' }}
      >
        {kind === 'assignOwner' && (
          <Form.Item name="ownerId" label={t('bulk.owner')} rules={[required]}>
            <UserSelect />
          </Form.Item>
        )}
        {(kind === 'addTag' || kind === 'removeTag') && (
          <Form.Item name="tag" label={t('bulk.tag')} rules={[required, { max: 60, message: tc('validation.tooLong', { count: 60 }) }]}>
            <AutoComplete
              options={tags}
              filterOption={(input, option) => option?.value.toLowerCase().includes(input.toLowerCase()) ?? false}
            >
              <Input maxLength={60} />
            </AutoComplete>
          </Form.Item>
        )}
        {kind === 'setStatus' && (
          <Form.Item name="status" label={t('bulk.status')} rules={[required]}>
            <Select options={CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} />
          </Form.Item>
        )}
        {kind === 'addToList' && (
          <>
            <Form.Item name="listChoice">
              <Radio.Group
                options={[
                  { value: 'existing', label: t('bulk.existingList') },
                  { value: 'new', label: t('bulk.newList') },
                ]}
              />
            </Form.Item>
            {listChoice === 'new' ? (
              <Form.Item name="listName" label={t('bulk.listName')} rules={[zodRule(tc, ZCreateListInput.shape.name)]}>
                <Input maxLength={120} placeholder={t('lists.namePlaceholder')} />
              </Form.Item>
            ) : (
              <Form.Item name="listId" label={t('bulk.list')} rules={[required]}>
                <Select
                  loading={lists.isPending}
                  placeholder={t('bulk.chooseList')}
                  notFoundContent={t('bulk.noLists')}
                  options={editableLists.map((list) => ({ value: list.id, label: list.name }))}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
