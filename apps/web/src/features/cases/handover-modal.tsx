import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useHandOverCase } from './api.ts';
import { toHandoverInput } from './case-payload.ts';

type Values = { unitId?: string | null; assigneeId?: string | null; note?: string };
type Props = { caseId: string; open: boolean; onClose: () => void };

/** Hands the case to another unit (or a person there): they must accept it before it is theirs. */
export function HandoverModal({ caseId, open, onClose }: Props) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const handover = useHandOverCase();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    handover.reset();
  }, [open, form, handover.reset]);

  const submit = async (values: Values) => {
    try {
      await handover.mutateAsync({ id: caseId, ...toHandoverInput(values) });
      message.success(t('handover.sent'));
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const targetRule = {
    validator: async () => {
      if (!form.getFieldValue('unitId') && !form.getFieldValue('assigneeId')) throw new Error(t('handover.targetMissing'));
    },
  };

  return (
    <Modal
      open={open}
      title={t('handover.title')}
      okText={t('handover.submit')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={handover.isPending}
    >
      <Form form={form} name="handover" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('handover.title')}>
        <Form.Item
          name="unitId"
          label={t('handover.unit')}
          rules={[targetRule]}
          dependencies={['assigneeId']}
          extra={t('handover.unitHelp')}
        >
          <UnitSelect placeholder={t('handover.chooseUnit')} aria-label={t('handover.unit')} />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('handover.person')} extra={t('handover.personHelp')}>
          <UserSelect placeholder={t('handover.anyone')} aria-label={t('handover.person')} />
        </Form.Item>
        <Form.Item name="note" label={t('handover.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2_000} placeholder={t('handover.notePlaceholder')} />
        </Form.Item>
      </Form>
      <ErrorAlert error={handover.error} />
    </Modal>
  );
}
