import { ROLES, type TRole, ZCreateUserInput } from '@clientela/contract';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../lib/form.ts';
import { UnitSelect } from '../units/unit-select.tsx';

const fields = ZCreateUserInput.shape;

/** Name, role and unit: the fields both the create and the edit dialog have. */
export function UserInputs({ lockRole = false }: { lockRole?: boolean }) {
  const { t } = useTranslation();
  const role = Form.useWatch<TRole | undefined>('role');
  return (
    <>
      <Form.Item name="name" label={t('users.name')} rules={[zodRule(t, fields.name)]}>
        <Input autoComplete="off" maxLength={120} />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('users.role')}
        extra={lockRole ? t('users.ownRoleLocked') : role ? t(`roleHints.${role}`) : undefined}
      >
        <Select<TRole> disabled={lockRole} options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
      </Form.Item>
      <Form.Item name="unitId" label={t('users.unit')}>
        <UnitSelect />
      </Form.Item>
    </>
  );
}
