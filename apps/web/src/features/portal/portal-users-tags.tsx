import type { TPortalUserStatus } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TPortalUserStatus, string> = { invited: 'gold', active: 'green', disabled: 'default' };

/** A portal account's status as a coloured tag. */
export function PortalUserStatusTag({ status }: { status: TPortalUserStatus }) {
  const { t } = useTranslation('portalUsers');
  return <Tag color={COLOR[status]}>{t(`status.${status}`)}</Tag>;
}
