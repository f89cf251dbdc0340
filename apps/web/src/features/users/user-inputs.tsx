import { ROLES, type TRole, ZCreateUserInput } from '@clientela/contract';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../lib/form.ts';
import { useRoles } from '../roles/api.ts';
import { RoleSelect } from '../roles/role-select.tsx';
import { UnitSelect } from '../units/unit-select.tsx';

const fields = ZCreateUserInput.shape;

/** Name, role and unit: the fields both the create and the edit dialog have. */
export function UserInputs({ lockRole = false }: { lockRole?: boolean }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('roles');
  const role = Form.useWatch<string | undefined>('role');
  const defined = useRoles().data?.find((entry) => entry.id === role);
  const builtIn: readonly string[] = ROLES;
  const hint = defined
    ? (defined.description ?? tr('userRole.basedOn', { role: t(`roles.${defined.baseRole}`) }))
    : role && builtIn.includes(role)
      ? t(`roleHints.${role as TRole}`)
      : undefined;
  return (
    <>
      <Form.Item name="name" label={t('users.name')} rules={[zodRule(t, fields.name)]}>
        <Input autoComplete="off" maxLength={120} />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} extra={lockRole ? t('users.ownRoleLocked') : hint}>
        <RoleSelect disabled={lockRole} />
      </Form.Item>
      <Form.Item name="unitId" label={t('users.unit')}>
        <UnitSelect />
      </Form.Item>
    </>
  );
}
