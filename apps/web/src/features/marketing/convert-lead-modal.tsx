import type { TConvertLeadInput, TLead } from '@clientela/contract';
import { Button, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Radio, Result, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { DECIMAL_SEPARATOR } from '../../lib/format.ts';
import { currencyCodes, useCurrencySettings, usePipelines } from '../deals/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { moneyInput } from './campaign-payload.ts';
import { showRenamedFieldErrors } from './form-errors.ts';
import { leadName, useConvertLead, useLeadMatches } from './leads-api.ts';

type Values = {
  contact: string;
  company: string;
  withDeal: boolean;
  title?: string;
  amount?: number | null;
  currency?: string | null;
  pipelineId?: string;
  stageId?: string;
};

const NEW = 'new';
const NONE = 'none';

/** The form's choices as the conversion's input: existing records by id, or new ones made from the lead. */
export function toConvertInput(values: Values): TConvertLeadInput {
  return {
    ...(values.contact === NEW ? { createContact: true } : { contactId: values.contact }),
    ...(values.company === NEW
      ? { createCompany: true }
      : values.company === NONE
        ? { createCompany: false }
        : { companyId: values.company }),
    ...(values.withDeal
      ? {
          deal: {
            title: values.title?.trim() ?? '',
            amount: moneyInput(values.amount),
            currency: values.amount === null || values.amount === undefined ? null : (values.currency ?? null),
            ...(values.pipelineId ? { pipelineId: values.pipelineId } : {}),
            ...(values.stageId ? { stageId: values.stageId } : {}),
          },
        }
      : {}),
  };
}

type Props = { lead: TLead; open: boolean; onClose: () => void };

/** Converts a lead: pick an existing contact and company or make new ones, and maybe open a deal; then links to what was made. */
export function ConvertLeadModal({ lead, open, onClose }: Props) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const matches = useLeadMatches(lead.id, open);
  const convert = useConvertLead();
  const pipelines = usePipelines();
  const currencies = useCurrencySettings();
  const [done, setDone] = useState<TLead | null>(null);
  const withDeal = Form.useWatch('withDeal', form);
  const pipelineId = Form.useWatch('pipelineId', form);
  const leadNow = useRef(lead);
  leadNow.current = lead;
  const activePipelines = (pipelines.data ?? []).filter((pipeline) => pipeline.active);
  const stages = activePipelines.find((pipeline) => pipeline.id === pipelineId)?.stages.filter((stage) => stage.kind === 'open') ?? [];

  useEffect(() => {
    if (!open) return;
    const current = leadNow.current;
    setDone(null);
    convert.reset();
    form.resetFields();
    form.setFieldsValue({
      contact: NEW,
      company: current.companyName ? NEW : NONE,
      withDeal: false,
      title: current.companyName || leadName(current),
    });
  }, [open, form, convert.reset]);

  useEffect(() => {
    if (!withDeal || form.getFieldValue('pipelineId')) return;
    const pipeline = activePipelines.find((one) => one.isDefault) ?? activePipelines[0];
    form.setFieldsValue({
      pipelineId: pipeline?.id,
      stageId: pipeline?.stages.find((stage) => stage.kind === 'open')?.id,
      currency: currencies.data?.baseCurrency,
    });
  }, [withDeal, activePipelines, currencies.data, form]);

  const submit = async (values: Values) => {
    try {
      setDone(await convert.mutateAsync({ id: lead.id, ...toConvertInput(values) }));
    } catch (error) {
      showRenamedFieldErrors(form, error, errorMessage(tc, error), { deal: 'title' });
    }
  };

  const contacts = matches.data?.contacts ?? [];
  const companies = matches.data?.companies ?? [];
  const conversion = done?.conversion;

  return (
    <Modal
      open={open}
      title={t('convert.title')}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={
        conversion ? (
          <Button onClick={onClose}>{t('convert.close')}</Button>
        ) : (
          <Flex gap={8} justify="flex-end">
            <Button onClick={onClose}>{tc('common.cancel')}</Button>
            <Button type="primary" loading={convert.isPending} onClick={() => form.submit()}>
              {t('convert.submit')}
            </Button>
          </Flex>
        )
      }
    >
      {conversion ? (
        <Result
          status="success"
          title={t('convert.done')}
          extra={
            <Flex gap={8} wrap justify="center">
              {conversion.contact && (
                <Link to={`/contacts/${conversion.contact.id}`}>
                  <Button type="primary">{t('convert.openContact')}</Button>
                </Link>
              )}
              {conversion.company && (
                <Link to={`/companies/${conversion.company.id}`}>
                  <Button>{t('convert.openCompany')}</Button>
                </Link>
              )}
              {conversion.deal && (
                <Link to={`/deals/${conversion.deal.id}`}>
                  <Button>{t('convert.openDeal')}</Button>
                </Link>
              )}
            </Flex>
          }
        />
      ) : (
        <>
          <ErrorAlert error={convert.error ?? matches.error} />
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('convert.title')}>
            {matches.isPending ? (
              <Skeleton active paragraph={{ rows: 3 }} />
            ) : (
              <>
                <Typography.Paragraph type="secondary">
                  {contacts.length + companies.length > 0 ? t('convert.matches') : t('convert.noMatches')}
                </Typography.Paragraph>
                <Form.Item name="contact" label={t('convert.contact')}>
                  <Radio.Group aria-label={t('convert.contact')}>
                    <Flex vertical gap={4}>
                      <Radio value={NEW}>{t('convert.createNew')}</Radio>
                      {contacts.map((contact) => (
                        <Radio key={contact.id} value={contact.id}>
                          {t('convert.useExisting', { name: contact.name })}
                          <Typography.Text type="secondary">
                            {' '}
                            {[contact.company?.name, contact.email, contact.phone].filter(Boolean).join(' · ')}
                          </Typography.Text>
                        </Radio>
                      ))}
                    </Flex>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="company" label={t('convert.company')}>
                  <Radio.Group aria-label={t('convert.company')}>
                    <Flex vertical gap={4}>
                      {lead.companyName && <Radio value={NEW}>{`${t('convert.createNew')}: ${lead.companyName}`}</Radio>}
                      {companies.map((company) => (
                        <Radio key={company.id} value={company.id}>
                          {t('convert.useExisting', { name: company.name })}
                          {company.city && <Typography.Text type="secondary"> {company.city}</Typography.Text>}
                        </Radio>
                      ))}
                      <Radio value={NONE}>{t('convert.noCompany')}</Radio>
                    </Flex>
                  </Radio.Group>
                </Form.Item>
              </>
            )}
            <Form.Item name="withDeal" valuePropName="checked">
              <Checkbox>{t('convert.deal')}</Checkbox>
            </Form.Item>
            {withDeal && (
              <Row gutter={16}>
                <Col span={24}>
                  <Form.Item
                    name="title"
                    label={t('convert.dealTitle')}
                    rules={[{ required: true, whitespace: true, message: t('convert.dealTitle') }]}
                  >
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="amount" label={t('convert.amount')}>
                    <InputNumber
                      min={0}
                      precision={2}
                      decimalSeparator={DECIMAL_SEPARATOR[locale]}
                      aria-label={t('convert.amount')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="currency" label={t('convert.currency')}>
                    <Select
                      aria-label={t('convert.currency')}
                      options={currencyCodes(currencies.data).map((code) => ({ value: code, label: code }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="pipelineId" label={t('convert.pipeline')}>
                    <Select
                      aria-label={t('convert.pipeline')}
                      options={activePipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
                      onChange={(id: string) =>
                        form.setFieldValue(
                          'stageId',
                          activePipelines.find((one) => one.id === id)?.stages.find((stage) => stage.kind === 'open')?.id,
                        )
                      }
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="stageId" label={t('convert.stage')}>
                    <Select aria-label={t('convert.stage')} options={stages.map((stage) => ({ value: stage.id, label: stage.name }))} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}
