import { ExportOutlined } from '@ant-design/icons';
import { LEAD_FORM_FIELDS, LOCALES, type TWebForm } from '@clientela/contract';
import { App, Button, Checkbox, Col, Drawer, Flex, Form, Input, Row, Select, Switch, Table, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { showRenamedFieldErrors } from './form-errors.ts';
import { useCreateWebForm, useUpdateWebForm } from './leads-api.ts';
import { CampaignSelect, SourceSelect } from './marketing-pickers.tsx';
import { fieldLabelKey, toWebFormInput, toWebFormValues, type WebFormValues } from './web-form-payload.ts';

/** The form's public address to copy and open, and the code to paste into a site. */
export function WebFormEmbed({ form }: { form: TWebForm }) {
  const { t } = useTranslation('marketing');
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text strong>{t('forms.publicUrl')}</Typography.Text>
        <Flex gap={8} align="center" wrap>
          <Typography.Text
            copyable={{ text: form.publicUrl, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            data-testid="public-url"
          >
            {form.publicUrl}
          </Typography.Text>
          <a href={form.publicUrl} target="_blank" rel="noreferrer">
            <Button size="small" icon={<ExportOutlined />}>
              {t('forms.openForm')}
            </Button>
          </a>
        </Flex>
      </div>
      <div>
        <Typography.Text strong>{t('forms.embed')}</Typography.Text>
        <Tabs
          size="small"
          items={[
            { key: 'iframe', label: t('forms.embedIframe'), code: form.embedCode.iframe },
            { key: 'html', label: t('forms.embedLink'), code: form.embedCode.html },
          ].map((item) => ({
            key: item.key,
            label: item.label,
            children: (
              <Flex vertical gap={4}>
                <Input.TextArea
                  readOnly
                  value={item.code}
                  autoSize={{ minRows: 3, maxRows: 12 }}
                  aria-label={`${t('forms.embed')}: ${item.label}`}
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                />
                <Typography.Text copyable={{ text: item.code, tooltips: [t('common.copy'), t('common.copied')] }} type="secondary">
                  {t('common.copy')}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      </div>
    </Flex>
  );
}

type Props = { open: boolean; webForm: TWebForm | null; onClose: () => void };

/** Creates or changes a web form; once saved it shows the address and the embed code. */
export function WebFormEditor({ open, webForm, onClose }: Props) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WebFormValues>();
  const create = useCreateWebForm();
  const update = useUpdateWebForm();
  const [saved, setSaved] = useState<TWebForm | null>(webForm);
  const current = saved ?? webForm;
  const webFormNow = useRef(webForm);
  webFormNow.current = webForm;
  const error = create.error ?? update.error;

  useEffect(() => {
    if (!open) return;
    setSaved(webFormNow.current);
    create.reset();
    update.reset();
    form.resetFields();
    form.setFieldsValue(toWebFormValues(webFormNow.current));
  }, [open, form, create.reset, update.reset]);

  const submit = async (values: WebFormValues) => {
    const input = toWebFormInput(values);
    if (input.fields.length === 0) {
      form.setFields([{ name: 'fields', errors: [t('forms.noFields')] }]);
      return;
    }
    try {
      const result = current ? await update.mutateAsync({ id: current.id, ...input }) : await create.mutateAsync(input);
      setSaved(result);
      message.success(t('forms.saved'));
    } catch (failure) {
      showRenamedFieldErrors(form, failure, errorMessage(tc, failure));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={current ? t('forms.edit') : t('forms.new')}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {tc('common.save')}
          </Button>
        </Flex>
      }
    >
      {current && (
        <div style={{ marginBottom: 24 }}>
          <WebFormEmbed form={current} />
        </div>
      )}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} aria-label={current ? t('forms.edit') : t('forms.new')}>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('forms.name')} rules={[{ required: true, whitespace: true, message: t('forms.name') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="language" label={t('forms.language')}>
              <Select aria-label={t('forms.language')} options={LOCALES.map((value) => ({ value, label: tc(`languages.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fields" label={t('forms.fields')} style={{ marginBottom: 8 }}>
          <Table
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={LEAD_FORM_FIELDS.map((field) => ({ field }))}
            columns={[
              { key: 'field', title: t('forms.fields'), render: (_, row) => t(fieldLabelKey(row.field)) },
              {
                key: 'include',
                title: t('forms.include'),
                width: 90,
                render: (_, row) => (
                  <Form.Item name={['fields', row.field, 'include']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={`${t('forms.include')}: ${t(fieldLabelKey(row.field))}`} />
                  </Form.Item>
                ),
              },
              {
                key: 'required',
                title: t('forms.required'),
                width: 110,
                render: (_, row) => (
                  <Form.Item name={['fields', row.field, 'required']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={`${t('forms.required')}: ${t(fieldLabelKey(row.field))}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('forms.formTitle')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="thanks" label={t('forms.thanks')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2_000} />
        </Form.Item>
        <Form.Item name="consentText" label={t('forms.consentText')} extra={t('forms.consentHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2_000} />
        </Form.Item>
        <Form.Item name="redirectUrl" label={t('forms.redirectUrl')} extra={t('forms.redirectHint')}>
          <Input type="url" maxLength={2_000} placeholder="https://" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="sourceId" label={t('fields.source')}>
              <SourceSelect current={current?.source} aria-label={t('fields.source')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="campaignId" label={t('fields.campaign')}>
              <CampaignSelect current={current?.campaign} aria-label={t('fields.campaign')} placeholder={t('fields.campaign')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="ownerId" label={t('fields.owner')}>
              <UserSelect current={current?.owner} aria-label={t('fields.owner')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="active" label={t('forms.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
