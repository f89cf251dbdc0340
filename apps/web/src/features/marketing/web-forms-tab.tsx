import { DeleteOutlined, EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import type { TWebForm } from '@clientela/contract';
import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useDeleteWebForm, useWebForms } from './leads-api.ts';
import { WebFormEditor } from './web-form-editor.tsx';

/** The workspace's web forms, each opened in the editor. */
export function WebFormsTab() {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const forms = useWebForms();
  const remove = useDeleteWebForm();
  const [editing, setEditing] = useState<{ form: TWebForm | null } | null>(null);

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('forms.hint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ form: null })}>
          {t('forms.new')}
        </Button>
      </Flex>
      <ErrorAlert error={forms.error ?? remove.error} />
      <Table<TWebForm>
        rowKey="id"
        dataSource={forms.data ?? []}
        pagination={false}
        loading={forms.isPending}
        locale={{ emptyText: forms.isPending ? ' ' : t('forms.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('forms.name'),
            render: (_, form) => <Typography.Link onClick={() => setEditing({ form })}>{form.name}</Typography.Link>,
          },
          { key: 'language', title: t('forms.language'), render: (_, form) => tc(`languages.${form.language}`) },
          { key: 'source', title: t('fields.source'), render: (_, form) => form.source?.name ?? '—' },
          { key: 'campaign', title: t('fields.campaign'), render: (_, form) => form.campaign?.name ?? '—' },
          {
            key: 'submissions',
            title: t('forms.submissions'),
            align: 'right',
            render: (_, form) => formatNumber(form.submissions, locale),
          },
          {
            key: 'active',
            title: t('forms.active'),
            render: (_, form) => <Tag color={form.active ? 'green' : 'default'}>{form.active ? t('common.yes') : t('common.no')}</Tag>,
          },
          {
            key: 'actions',
            width: 150,
            render: (_, form) => (
              <Flex gap={4}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('forms.edit')}
                  onClick={() => setEditing({ form })}
                />
                <a href={form.publicUrl} target="_blank" rel="noreferrer" aria-label={t('forms.openForm')}>
                  <Button type="text" size="small" icon={<ExportOutlined />} />
                </a>
                {form.mayChange && (
                  <Popconfirm
                    title={t('forms.deleteConfirm')}
                    okText={tc('common.delete')}
                    cancelText={tc('common.cancel')}
                    onConfirm={() => remove.mutateAsync(form.id)}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('forms.delete')} />
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <WebFormEditor open={editing !== null} webForm={editing?.form ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
