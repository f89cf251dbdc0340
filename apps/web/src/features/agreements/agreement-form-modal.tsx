import { AGREEMENT_STATUSES, type TAgreement, ZCreateAgreementInput } from '@clientela/contract';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { zodRule } from '../../lib/form.ts';
import { CustomerSelect } from '../activities/customer-select.tsx';
import { showApiFieldErrors } from '../activities/field-errors.ts';
import { useMe } from '../auth/api.ts';
import { ContractSelect } from '../contracts/contract-select.tsx';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { DealSelect } from '../deals/deal-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import {
  type AgreementFormValues,
  agreementChanges,
  newAgreementValues,
  toAgreementFormValues,
  toAgreementInput,
} from './agreement-payload.ts';
import { useCreateAgreement, useUpdateAgreement } from './api.ts';

type Named = { id: string; name: string };

type Props = {
  open: boolean;
  onClose: () => void;
  /** The agreement to edit; none to record a new one. */
  agreement?: TAgreement;
  /** Whom a new agreement is with at first: the customer whose page this is. */
  customer?: { company?: Named; contact?: Named };
  /** The contract a new agreement is about at first (e.g. a promise to renew it). */
  contract?: { id: string; number: string; subject: string };
  /** The deal a new agreement is made in at first: the deal whose page this is. */
  deal?: { id: string; title: string };
};

/** Records a promise made to or by a customer (in a deal), or edits one. */
export function AgreementFormModal({ open, onClose, agreement, customer = {}, contract, deal }: Props) {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { locale } = useLocale();
  const [form] = Form.useForm<AgreementFormValues>();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const mutation = agreement ? update : create;
  const title = agreement ? t('agreementForm.editTitle') : t('agreementForm.createTitle');
  const hidden = agreement?.customerHidden ?? false;

  // The page passes a new object on each render: only its value when the dialog opens counts.
  const customerNow = useRef({ ...customer, contract, deal });
  customerNow.current = { ...customer, contract, deal };
  const initial = useRef<AgreementFormValues | null>(null);
  const knownCompanies = [customer.company, agreement?.company].filter((record): record is Named => Boolean(record));
  const knownContacts = [customer.contact, agreement?.contact].filter((record): record is Named => Boolean(record));
  const knownDeals = [deal, agreement?.deal].filter((one): one is { id: string; title: string } => Boolean(one));

  useEffect(() => {
    if (!open) return;
    const { company, contact, contract: about, deal: madeIn } = customerNow.current;
    const values = agreement
      ? toAgreementFormValues(agreement)
      : newAgreementValues(me.id, { companyId: company?.id, contactId: contact?.id, contractId: about?.id, dealId: madeIn?.id });
    initial.current = values;
    form.resetFields();
    form.setFieldsValue(values);
    create.reset();
    update.reset();
  }, [open, agreement, me.id, form, create.reset, update.reset]);

  const submit = async (values: AgreementFormValues) => {
    const input = toAgreementInput(values);
    try {
      if (agreement) {
        await update.mutateAsync({ id: agreement.id, ...agreementChanges(toAgreementInput(initial.current ?? values), input) });
        message.success(t('agreementForm.updated'));
      } else {
        await create.mutateAsync(input);
        message.success(t('agreementForm.created'));
      }
      onClose();
    } catch (error) {
      showApiFieldErrors(form, error, errorMessage(tc, error), (field, { message: serverMessage }) => {
        if (field === 'companyId' || field === 'contactId') {
          return /choose/i.test(serverMessage) ? t('agreementForm.errors.customerMissing') : t('agreementForm.errors.customerUnknown');
        }
        if (field === 'validUntil') return t('agreementForm.errors.validUntil');
        if (field === 'agreedById') return t('agreementForm.errors.agreedBy');
        if (field === 'contractId') return t('agreementForm.errors.contract');
        if (field === 'dealId') return t('agreementForm.errors.deal');
        return undefined;
      });
    }
  };

  const customerRule = {
    validator: async () => {
      if (hidden) return;
      if (!form.getFieldValue('companyId') && !form.getFieldValue('contactId')) throw new Error(t('agreementForm.errors.customerMissing'));
    },
  };
  const dateFormat = DATE_INPUT_FORMAT[locale];
  const companyId = Form.useWatch('companyId', form);

  return (
    <Modal
      open={open}
      title={title}
      width={680}
      okText={agreement ? tc('common.save') : t('agreementForm.create')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="agreement" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Form.Item name="title" label={t('agreementForm.title')} rules={[zodRule(tc, ZCreateAgreementInput.shape.title)]}>
          <Input maxLength={300} placeholder={t('agreementForm.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="resource" label={t('agreementForm.resource')} extra={t('agreementForm.resourceHelp')}>
          <Input maxLength={300} placeholder={t('agreementForm.resourcePlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="companyId" label={t('agreementForm.company')} rules={[customerRule]} dependencies={['contactId']}>
              <CustomerSelect
                entity="company"
                known={knownCompanies}
                disabled={hidden}
                placeholder={hidden ? t('agreements.hiddenCustomer') : undefined}
                aria-label={t('agreementForm.company')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactId" label={t('agreementForm.contact')}>
              <CustomerSelect
                entity="contact"
                known={knownContacts}
                disabled={hidden}
                placeholder={hidden ? t('agreements.hiddenCustomer') : undefined}
                aria-label={t('agreementForm.contact')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('agreementForm.status')}>
              <Select options={AGREEMENT_STATUSES.map((value) => ({ value, label: t(`agreementStatus.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="agreedById" label={t('agreementForm.agreedBy')} tooltip={t('agreementForm.agreedByHelp')}>
              <UserSelect
                current={agreement?.agreedBy ?? { id: me.id, name: me.name }}
                placeholder={t('agreementForm.agreedByPlaceholder')}
                aria-label={t('agreementForm.agreedBy')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="agreedOn" label={t('agreementForm.agreedOn')} rules={[{ required: true, message: tc('validation.required') }]}>
              <DatePicker format={dateFormat} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="validUntil" label={t('agreementForm.validUntil')} extra={t('agreementForm.validUntilHelp')}>
              <DatePicker format={dateFormat} style={{ width: '100%' }} placeholder={t('agreementForm.noEnd')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="contractId" label={t('agreementForm.contract')} extra={t('agreementForm.contractHelp')}>
          <ContractSelect
            companyId={companyId}
            current={agreement?.contract ?? contract ?? null}
            placeholder={t('agreementForm.noContract')}
            aria-label={t('agreementForm.contract')}
          />
        </Form.Item>
        <Form.Item name="dealId" label={t('agreementForm.deal')} extra={t('agreementForm.dealHelp')}>
          <DealSelect known={knownDeals} placeholder={t('agreementForm.noDeal')} aria-label={t('agreementForm.deal')} />
        </Form.Item>
        <Form.Item name="details" label={t('agreementForm.details')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10_000} placeholder={t('agreementForm.detailsPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
