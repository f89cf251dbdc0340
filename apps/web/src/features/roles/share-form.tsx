import { SHARE_ACCESS, type TShareAccess, type TShareableEntity } from '@clientela/contract';
import { App, Button, Col, Form, Row, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useShareRecord } from './share-api.ts';

type Values = { kind: 'user' | 'unit'; userId?: string | null; unitId?: string | null; access: TShareAccess };

type Props = { entity: TShareableEntity; recordId: string };

/** Adds a person or a unit to those a record is shared with, or changes the access of one already there. */
export function ShareForm({ entity, recordId }: Props) {
  const { t } = useTranslation('roles');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'user';
  const share = useShareRecord();
  const required = [{ required: true, message: tc('validation.required') }];

  const submit = async ({ kind, userId, unitId, access }: Values) => {
    try {
      const target = kind === 'user' ? { userId: userId ?? undefined } : { unitId: unitId ?? undefined };
      const shared = await share.mutateAsync({ entity, recordId, access, ...target });
      message.success(t('share.shared', { name: shared.name }));
      form.setFieldsValue({ userId: null, unitId: null });
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  return (
    <>
      <ErrorAlert error={share.error} />
      <Form<Values>
        form={form}
        name="share-record"
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'user', access: 'read' }}
        onFinish={submit}
        aria-label={t('share.add')}
      >
        <Form.Item name="kind" label={t('share.with')}>
          <Segmented
            aria-label={t('share.with')}
            options={[
              { value: 'user', label: t('share.person') },
              { value: 'unit', label: t('share.unit') },
            ]}
            onChange={() => share.reset()}
          />
        </Form.Item>
        <Row gutter={12} align="bottom">
          <Col xs={24} sm={12}>
            {kind === 'user' ? (
              <Form.Item name="userId" label={t('share.person')} rules={required}>
                <UserSelect placeholder={t('share.choosePerson')} />
              </Form.Item>
            ) : (
              <Form.Item name="unitId" label={t('share.unit')} rules={required}>
                <UnitSelect placeholder={t('share.chooseUnit')} />
              </Form.Item>
            )}
          </Col>
          <Col xs={16} sm={8}>
            <Form.Item name="access" label={t('share.accessLabel')}>
              <Select options={SHARE_ACCESS.map((access) => ({ value: access, label: t(`share.access.${access}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={8} sm={4}>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={share.isPending} block>
                {t('share.submit')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </>
  );
}
