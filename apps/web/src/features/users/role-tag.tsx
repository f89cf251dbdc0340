import type { TRole } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TRole, string> = { admin: 'gold', manager: 'geekblue', employee: 'default' };

/** A user's role as a coloured tag. */
export function RoleTag({ role }: { role: TRole }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[role]}>{t(`roles.${role}`)}</Tag>;
}
