import { CASE_VERDICTS, type TCase, type TCaseVerdict } from '@clientela/contract';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useTransitionCase } from './api.ts';

type Values = { resolution: string; verdict?: TCaseVerdict; verdictReason?: string };
type Props = { record: Pick<TCase, 'id' | 'kind' | 'verdict' | 'verdictReason' | 'resolution'>; open: boolean; onClose: () => void };

/** Resolves a case: how it was resolved and, for a complaint, whether it was founded and why. */
export function ResolveModal({ record, open, onClose }: Props) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const transition = useTransitionCase();
  const complaint = record.kind === 'complaint';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      resolution: record.resolution ?? '',
      verdict: record.verdict ?? undefined,
      verdictReason: record.verdictReason ?? '',
    });
    transition.reset();
  }, [open, form, record, transition.reset]);

  const submit = async (values: Values) => {
    try {
      await transition.mutateAsync({
        id: record.id,
        to: 'resolved',
        resolution: values.resolution.trim(),
        ...(complaint && values.verdict ? { verdict: values.verdict } : {}),
        ...(complaint && values.verdictReason?.trim() ? { verdictReason: values.verdictReason.trim() } : {}),
      });
      message.success(t('resolve.done'));
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('resolve.title')}
      okText={t('resolve.submit')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      width={640}
    >
      <Form form={form} name="resolve" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('resolve.title')}>
        {complaint && (
          <>
            <Form.Item name="verdict" label={t('fields.verdict')} rules={[{ required: true, message: t('resolve.verdictMissing') }]}>
              <Radio.Group
                optionType="button"
                options={CASE_VERDICTS.map((value) => ({ value, label: t(`verdict.${value}`) }))}
                aria-label={t('fields.verdict')}
              />
            </Form.Item>
            <Form.Item name="verdictReason" label={t('fields.verdictReason')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5_000} placeholder={t('resolve.reasonPlaceholder')} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="resolution"
          label={t('fields.resolution')}
          rules={[{ required: true, whitespace: true, message: t('resolve.resolutionMissing') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} placeholder={t('resolve.resolutionPlaceholder')} />
        </Form.Item>
      </Form>
      <ErrorAlert error={transition.error} />
    </Modal>
  );
}
