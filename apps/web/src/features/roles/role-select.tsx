import { ROLES, type TRole } from '@clientela/contract';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoles } from './api.ts';

/** A person's role as one choice: a built-in role's name, or a defined role's id. */
export type RoleChoice = string;

const BUILT_IN: readonly string[] = ROLES;

/** What a user's create or update input carries for a choice: a built-in role drops any defined one. */
export function roleFields(choice: RoleChoice): { role: TRole; roleId: null } | { roleId: string } {
  return BUILT_IN.includes(choice) ? { role: choice as TRole, roleId: null } : { roleId: choice };
}

/** The choice a user holds today. */
export const roleChoiceOf = (user: { role: TRole; roleId: string | null }): RoleChoice => user.roleId ?? user.role;

type Props = { value?: RoleChoice; onChange?: (value: RoleChoice) => void; disabled?: boolean; id?: string };

/** Picks a built-in role or one an admin defined (admins only: it lists the workspace's roles). */
export function RoleSelect({ value, onChange, disabled, id }: Props) {
  const { t } = useTranslation('roles');
  const { t: tc } = useTranslation();
  const roles = useRoles();
  const defined = roles.data ?? [];
  return (
    <Select<RoleChoice>
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={roles.isPending}
      options={[
        { label: t('userRole.builtIn'), options: ROLES.map((role) => ({ value: role, label: tc(`roles.${role}`) })) },
        ...(defined.length > 0
          ? [{ label: t('userRole.defined'), options: defined.map((role) => ({ value: role.id, label: role.name })) }]
          : []),
      ]}
    />
  );
}
