import { App, Form, Modal } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showRenamedFieldErrors } from './form-errors.ts';
import { LeadInputs } from './lead-inputs.tsx';
import { type LeadFormValues, toLeadInput } from './lead-payload.ts';
import { leadName, useCreateLead } from './leads-api.ts';

type Props = { open: boolean; onClose: () => void; campaign?: { id: string; name: string } | null };

/** Registers a lead by hand and opens it. */
export function LeadCreateModal({ open, onClose, campaign }: Props) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<LeadFormValues>();
  const create = useCreateLead();
  const campaignNow = useRef(campaign);
  campaignNow.current = campaign;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ marketingConsent: false, campaignId: campaignNow.current?.id ?? null });
    create.reset();
  }, [open, form, create.reset]);

  const submit = async (values: LeadFormValues) => {
    try {
      const created = await create.mutateAsync(toLeadInput(values));
      message.success(t('leads.created', { name: leadName(created) }));
      onClose();
      navigate(`/leads/${created.id}`);
    } catch (error) {
      showRenamedFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('leads.new')}
      width={720}
      okText={tc('common.create')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form form={form} name="lead" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('leads.new')}>
        <LeadInputs current={{ campaign }} />
      </Form>
    </Modal>
  );
}
