import { Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

type Values = { name: string; shared: boolean };
type Props = {
  open: boolean;
  initial: Values;
  saving: boolean;
  onSave: (values: Values) => void;
  onCancel: () => void;
};

/** Asks a new report's name, and whether the workspace sees it too. */
export function SaveReportModal({ open, initial, saving, onSave, onCancel }: Props) {
  const { t } = useTranslation('reportBuilder');
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open={open}
      title={t('save.title')}
      okText={t('save.ok')}
      cancelText={t('save.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => onSave({ name: values.name.trim(), shared: values.shared })}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('save.name')}
          rules={[
            { required: true, whitespace: true, message: t('save.nameRequired') },
            { max: 120, message: t('save.nameTooLong') },
          ]}
        >
          <Input autoFocus maxLength={120} />
        </Form.Item>
        <Form.Item name="shared" label={t('save.shared')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
