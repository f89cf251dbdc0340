import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { type TImportColumn, type TImportEntity, type TImportMapping, ZCreateImportTemplateInput } from '@clientela/contract';
import { App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { zodRule } from '../../lib/form.ts';
import { useCreateTemplate, useDeleteTemplate, useImportTemplates } from './api.ts';
import { applyTemplate, templateColumns, templateMatches } from './mapping.ts';

type Props = {
  entity: TImportEntity;
  headers: string[];
  columns: TImportColumn[];
  /** Decisions about values, saved with the columns so that the next file maps its values too. */
  values?: TImportMapping['values'];
  onApply: (columns: TImportColumn[]) => void;
};

/** Applies a saved mapping to the file's headers, saves the current one, or deletes one. */
export function TemplateBar({ entity, headers, columns, values, onApply }: Props) {
  const { t } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const templates = useImportTemplates(entity);
  const create = useCreateTemplate();
  const remove = useDeleteTemplate();
  const [chosenId, setChosenId] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const chosen = templates.data?.find((template) => template.id === chosenId);

  const options = (templates.data ?? [])
    .map((template) => ({ template, matched: templateMatches(headers, template) }))
    .sort((a, b) => b.matched - a.matched)
    .map(({ template, matched }) => ({
      value: template.id,
      label: t('templates.matches', { name: template.name, matched, total: headers.length }),
    }));

  const apply = (id: string) => {
    const template = templates.data?.find((one) => one.id === id);
    if (!template) return;
    setChosenId(id);
    const result = applyTemplate(headers, columns, template);
    if (result.matched === 0) {
      message.warning(t('templates.noneMatch', { name: template.name }));
      return;
    }
    onApply(result.columns);
    message.success(t('templates.applied', { name: template.name, matched: result.matched, total: headers.length }));
  };

  const confirmDelete = () => {
    if (!chosen) return;
    modal.confirm({
      title: t('templates.deleteConfirm', { name: chosen.name }),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(chosen.id);
          setChosenId(undefined);
          message.success(t('templates.deleted', { name: chosen.name }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });
  };

  const save = async ({ name }: { name: string }) => {
    const template = await create.mutateAsync({
      entity,
      name: name.trim(),
      columns: templateColumns(headers, columns),
      values: values ?? {},
    });
    message.success(t('templates.created', { name: template.name }));
    setSaving(false);
  };

  return (
    <Flex gap={8} wrap align="center">
      {options.length > 0 && (
        <>
          <Select
            aria-label={t('templates.apply')}
            placeholder={t('templates.applyPlaceholder')}
            value={chosenId}
            options={options}
            onChange={apply}
            loading={templates.isPending}
            style={{ minWidth: 260 }}
            popupMatchSelectWidth={false}
          />
          {chosen && (
            <Button icon={<DeleteOutlined />} aria-label={t('templates.delete')} title={t('templates.delete')} onClick={confirmDelete} />
          )}
        </>
      )}
      <Button
        icon={<SaveOutlined />}
        onClick={() => {
          create.reset();
          form.resetFields();
          setSaving(true);
        }}
      >
        {t('templates.save')}
      </Button>
      <Modal
        open={saving}
        title={t('templates.saveTitle')}
        okText={tc('common.save')}
        cancelText={tc('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setSaving(false)}
        confirmLoading={create.isPending}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('templates.saveHint')}</Typography.Paragraph>
        <ErrorAlert error={create.error} />
        <Form
          form={form}
          name="import-template"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => save(values).catch(() => undefined)}
        >
          <Form.Item
            name="name"
            label={t('templates.name')}
            rules={[zodRule(tc, ZCreateImportTemplateInput.shape.name)]}
            style={{ marginBottom: 0 }}
          >
            <Input maxLength={120} placeholder={t('templates.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
