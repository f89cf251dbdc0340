import { App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useCurrencySettings } from '../currencies/api.ts';
import { CampaignInputs } from './campaign-inputs.tsx';
import { CAMPAIGN_FORM_FIELD, type CampaignFormValues, toCampaignInput } from './campaign-payload.ts';
import { useCreateCampaign } from './campaigns-api.ts';
import { showRenamedFieldErrors } from './form-errors.ts';

type Props = { open: boolean; onClose: () => void };

/** Creates a campaign and opens it. */
export function CampaignCreateModal({ open, onClose }: Props) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CampaignFormValues>();
  const create = useCreateCampaign();
  const currencies = useCurrencySettings();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'exhibition' });
    create.reset();
  }, [open, form, create.reset]);

  const submit = async (values: CampaignFormValues) => {
    try {
      const created = await create.mutateAsync(toCampaignInput(values));
      message.success(t('campaigns.created', { name: created.name }));
      onClose();
      navigate(`/campaigns/${created.id}`);
    } catch (error) {
      showRenamedFieldErrors(form, error, errorMessage(tc, error), CAMPAIGN_FORM_FIELD);
    }
  };

  return (
    <Modal
      open={open}
      title={t('campaigns.new')}
      width={720}
      okText={t('campaigns.create')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form form={form} name="campaign" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('campaigns.new')}>
        <CampaignInputs currency={currencies.data?.baseCurrency} />
      </Form>
    </Modal>
  );
}
