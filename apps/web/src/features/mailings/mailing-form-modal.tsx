import { PER_MINUTE_MAX, type TMailing, type TMailingInput } from '@clientela/contract';
import { App, Button, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useCampaignOptions, useSaveMailing, useTemplates } from './api.ts';
import { type Audience, AudiencePicker } from './audience-picker.tsx';

type Props = { open: boolean; onClose: () => void; onSaved: (mailing: TMailing, queue: boolean) => void };

type Values = { name: string; templateId?: string; campaignId?: string; perMinute: number; trackOpens: boolean; trackClicks: boolean };

const INITIAL: Values = { name: '', perMinute: 600, trackOpens: false, trackClicks: false };

/** A new mailing: its template, its audience (a saved view or a static list), its pace and tracking; saved as a draft, or queued at once. */
export function MailingFormModal({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation('mailings');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [audience, setAudience] = useState<Audience>({ entity: 'contact', kind: 'view', id: null });
  const [audienceMissing, setAudienceMissing] = useState(false);
  const templates = useTemplates();
  const campaigns = useCampaignOptions();
  const save = useSaveMailing();

  const submit = async (queue: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!audience.id) setAudienceMissing(true);
    if (!values || !audience.id) return;
    const input: TMailingInput = {
      name: values.name.trim(),
      templateId: values.templateId as string,
      campaignId: values.campaignId ?? null,
      ...(audience.kind === 'view' ? { viewId: audience.id } : { listId: audience.id }),
      perMinute: values.perMinute,
      trackOpens: values.trackOpens,
      trackClicks: values.trackClicks,
    };
    try {
      const saved = await save.mutateAsync(input);
      if (!queue) message.success(t('form.savedDraft', { name: saved.name }));
      form.resetFields();
      setAudience({ entity: 'contact', kind: 'view', id: null });
      onSaved(saved, queue);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('form.title')}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {tc('common.cancel')}
        </Button>,
        <Button key="draft" loading={save.isPending} onClick={() => submit(false)}>
          {t('form.saveDraft')}
        </Button>,
        <Button key="queue" type="primary" loading={save.isPending} onClick={() => submit(true)}>
          {t('form.queue')}
        </Button>,
      ]}
    >
      <ErrorAlert error={save.error} />
      <Form<Values> form={form} layout="vertical" initialValues={INITIAL} preserve={false}>
        <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, message: tc('validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="templateId" label={t('form.template')} rules={[{ required: true, message: tc('validation.required') }]}>
          <Select
            loading={templates.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(templates.data?.data ?? []).map((template) => ({
              value: template.id,
              label: `${template.name} · ${t(`purpose.${template.purpose}`)}`,
            }))}
            notFoundContent={t('form.noTemplates')}
          />
        </Form.Item>
        <Form.Item
          label={t('form.audience')}
          required
          validateStatus={audienceMissing && !audience.id ? 'error' : undefined}
          help={audienceMissing && !audience.id ? t('form.audienceRequired') : t('form.audienceHint')}
        >
          <AudiencePicker value={audience} onChange={setAudience} />
        </Form.Item>
        <Form.Item name="campaignId" label={t('form.campaign')}>
          <Select
            allowClear
            loading={campaigns.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))}
          />
        </Form.Item>
        <Form.Item
          name="perMinute"
          label={t('form.perMinute')}
          extra={t('form.perMinuteHint')}
          rules={[{ required: true, message: tc('validation.required') }]}
        >
          <InputNumber min={1} max={PER_MINUTE_MAX} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="trackOpens" label={t('form.trackOpens')} valuePropName="checked" style={{ marginBottom: 8 }}>
          <Switch />
        </Form.Item>
        <Form.Item name="trackClicks" label={t('form.trackClicks')} valuePropName="checked" style={{ marginBottom: 8 }}>
          <Switch />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('form.trackingNote')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
