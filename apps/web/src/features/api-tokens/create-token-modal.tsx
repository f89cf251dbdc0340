import { type TCreatedApiToken, ZCreateApiTokenInput } from '@clientela/contract';
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useCreateApiToken } from './api.ts';

const LIFETIMES = ['30', '90', '365', 'never'] as const;
type Lifetime = (typeof LIFETIMES)[number];
type Values = { name: string; lifetime: Lifetime };

const DAY_MS = 24 * 60 * 60 * 1000;

function expiryOf(lifetime: Lifetime): string | null {
  return lifetime === 'never' ? null : new Date(Date.now() + Number(lifetime) * DAY_MS).toISOString();
}

type Props = { open: boolean; onClose: () => void };

/** Names a new token, then shows its secret once, with a copy button and a warning. */
export function CreateTokenModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken();
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setCreated(null);
    create.reset();
  }, [open, form, create.reset]);

  const submit = async ({ name, lifetime }: Values) => {
    try {
      setCreated(await create.mutateAsync({ name: name.trim(), expiresAt: expiryOf(lifetime) }));
    } catch (error) {
      showFieldErrors(form, error, errorMessage(t, error));
    }
  };

  const footer = created
    ? [
        <Button key="done" type="primary" onClick={onClose}>
          {t('tokens.done')}
        </Button>,
      ]
    : undefined;

  return (
    <Modal
      open={open}
      title={created ? t('tokens.createdTitle') : t('tokens.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      // The modal stays rendered when closed: drop the secret so it lives nowhere in the page.
      afterClose={() => setCreated(null)}
      confirmLoading={create.isPending}
      footer={footer}
      mask={{ closable: !created }}
      forceRender
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('tokens.secretWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph
            code
            copyable={{ text: created.secret, tooltips: [t('tokens.copy'), t('tokens.copied')] }}
            data-testid="token-secret"
            style={{ wordBreak: 'break-all', fontSize: 15 }}
          >
            {created.secret}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('tokens.usage')}{' '}
            <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
              {t('tokens.usageHeader')}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <ErrorAlert error={create.error} />
          <Form
            form={form}
            name="create-token"
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ lifetime: '90' }}
            aria-label={t('tokens.createTitle')}
          >
            <Form.Item name="name" label={t('tokens.name')} rules={[zodRule(t, ZCreateApiTokenInput.shape.name)]}>
              <Input placeholder={t('tokens.namePlaceholder')} maxLength={120} autoFocus />
            </Form.Item>
            <Form.Item name="lifetime" label={t('tokens.lifetime')}>
              <Select<Lifetime>
                options={LIFETIMES.map((value) => ({
                  value,
                  label: value === 'never' ? t('tokens.lifetimeNever') : t('tokens.lifetimeDays', { count: Number(value) }),
                }))}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
