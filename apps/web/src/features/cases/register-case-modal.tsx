import { CASE_CHANNELS, CASE_PRIORITIES, type TCase, ZCreateCaseInput } from '@clientela/contract';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { zodRule } from '../../lib/form.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { showApiFieldErrors } from '../activities/field-errors.ts';
import { useCaseTypes, useCreateCase } from './api.ts';
import { type CaseFormValues, toCreateCaseInput } from './case-payload.ts';
import { CaseOrderSelect, CaseProductSelect } from './case-pickers.tsx';

type Named = { id: string; name: string };

type Props = {
  open: boolean;
  onClose: () => void;
  /** The customer a new case is about at first. */
  customer?: { company?: Named; contact?: Named };
};

/** Where routing sent a new case, in words: a person, a unit's queue, or a process. */
export function routedText(t: TFunction<'cases'>, created: TCase): string {
  if (created.process) return t('register.routedProcess', { number: created.number, name: created.process.name });
  if (created.owner && created.unit)
    return t('register.routedPersonUnit', { number: created.number, name: created.owner.name, unit: created.unit.name });
  if (created.owner) return t('register.routedPerson', { number: created.number, name: created.owner.name });
  if (created.unit) return t('register.routedUnit', { number: created.number, unit: created.unit.name });
  return t('register.created', { number: created.number });
}

/** Registers a complaint, request or question; routing decides who handles it, and the case opens. */
export function RegisterCaseModal({ open, onClose, customer = {} }: Props) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CaseFormValues>();
  const create = useCreateCase();
  const types = useCaseTypes();
  const customerNow = useRef(customer);
  customerNow.current = customer;
  const typeId = Form.useWatch('typeId', form);
  const companyId = Form.useWatch('companyId', form);
  const activeTypes = (types.data ?? []).filter((type) => type.active);
  const categories = (types.data ?? []).find((type) => type.id === typeId)?.categories.filter((category) => category.active) ?? [];
  const known = { companies: customer.company ? [customer.company] : [], contacts: customer.contact ? [customer.contact] : [] };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      channel: 'phone',
      priority: 'normal',
      companyId: customerNow.current.company?.id ?? null,
      contactId: customerNow.current.contact?.id ?? null,
    });
    create.reset();
  }, [open, form, create.reset]);

  const submit = async (values: CaseFormValues) => {
    try {
      const created = await create.mutateAsync(toCreateCaseInput(values));
      message.success(routedText(t, created), 6);
      onClose();
      navigate(`/cases/${created.id}`);
    } catch (error) {
      showApiFieldErrors(form, error, errorMessage(tc, error), (field) =>
        field === 'companyId' || field === 'contactId' ? t('form.customerUnknown') : undefined,
      );
    }
  };

  const customerRule = {
    validator: async () => {
      if (!form.getFieldValue('companyId') && !form.getFieldValue('contactId')) throw new Error(t('form.customerMissing'));
    },
  };

  return (
    <Modal
      open={open}
      title={t('register.title')}
      width={720}
      okText={t('register.submit')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form form={form} name="case" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('register.title')}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="companyId" label={t('fields.company')} rules={[customerRule]} dependencies={['contactId']}>
              <CustomerSelect entity="company" known={known.companies} aria-label={t('fields.company')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactId" label={t('fields.contact')}>
              <CustomerSelect entity="contact" known={known.contacts} aria-label={t('fields.contact')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="typeId" label={t('fields.type')} rules={[{ required: true, message: t('form.typeMissing') }]}>
              <Select
                aria-label={t('fields.type')}
                loading={types.isPending}
                options={activeTypes.map((type) => ({ value: type.id, label: type.name }))}
                onChange={() => form.setFieldValue('categoryId', null)}
                placeholder={t('form.chooseType')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="categoryId" label={t('fields.category')}>
              <Select
                aria-label={t('fields.category')}
                allowClear
                disabled={categories.length === 0}
                options={categories.map((category) => ({ value: category.id, label: category.name }))}
                placeholder={t('form.noCategory')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="channel" label={t('fields.channel')}>
              <Select aria-label={t('fields.channel')} options={CASE_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="priority" label={t('fields.priority')}>
              <Select
                aria-label={t('fields.priority')}
                options={CASE_PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="productId" label={t('fields.product')}>
              <CaseProductSelect aria-label={t('fields.product')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="orderId" label={t('fields.order')}>
              <CaseOrderSelect companyId={companyId} aria-label={t('fields.order')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subject" label={t('fields.subject')} rules={[zodRule(tc, ZCreateCaseInput.shape.subject)]}>
          <Input maxLength={300} placeholder={t('form.subjectPlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} placeholder={t('form.descriptionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
