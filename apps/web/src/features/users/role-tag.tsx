import type { TRole } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TRole, string> = { admin: 'gold', manager: 'geekblue', employee: 'default' };

/** A user's role as a coloured tag, coloured by the built-in role; a defined role shows its own name. */
export function RoleTag({ role, name }: { role: TRole; name?: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[role]}>{name ?? t(`roles.${role}`)}</Tag>;
}
