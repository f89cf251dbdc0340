import type { TCampaignStatus, TLeadStatus } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const CAMPAIGN_COLOR: Record<TCampaignStatus, string> = { planned: 'blue', running: 'green', finished: 'default', cancelled: 'red' };
const LEAD_COLOR: Record<TLeadStatus, string> = {
  new: 'blue',
  working: 'gold',
  qualified: 'cyan',
  converted: 'green',
  disqualified: 'default',
};

/** A campaign's status as a coloured tag. */
export function CampaignStatusTag({ status }: { status: TCampaignStatus }) {
  const { t } = useTranslation('marketing');
  return <Tag color={CAMPAIGN_COLOR[status]}>{t(`campaignStatus.${status}`)}</Tag>;
}

/** A lead's status as a coloured tag. */
export function LeadStatusTag({ status }: { status: TLeadStatus }) {
  const { t } = useTranslation('marketing');
  return <Tag color={LEAD_COLOR[status]}>{t(`leadStatus.${status}`)}</Tag>;
}
