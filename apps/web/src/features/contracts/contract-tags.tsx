import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { TAgreementStatus, TContract, TRenewalState } from '@clientela/contract';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/api.ts';
import { daysBetween, todayIn } from '../calendar/zoned-days.ts';
import { useFormatters } from '../customers/date-format.ts';

const RENEWAL_COLORS: Record<TRenewalState, string> = {
  auto_renew: 'green',
  to_renegotiate: 'gold',
  verbally_renewed: 'blue',
  ended: 'default',
};

/** Where a contract stands on renewal, as a coloured tag. */
export function RenewalTag({ renewal }: { renewal: TRenewalState }) {
  const { t } = useTranslation('contracts');
  return <Tag color={RENEWAL_COLORS[renewal]}>{t(`renewal.${renewal}`)}</Tag>;
}

const STATUS_COLORS: Record<TAgreementStatus, string> = {
  proposed: 'gold',
  agreed: 'blue',
  fulfilled: 'green',
  broken: 'red',
  cancelled: 'default',
};

/** An agreement's status, as a coloured tag. */
export function AgreementStatusTag({ status }: { status: TAgreementStatus }) {
  const { t } = useTranslation('contracts');
  return <Tag color={STATUS_COLORS[status]}>{t(`agreementStatus.${status}`)}</Tag>;
}

/** How many agreements about a contract still bind us; nothing when none do. */
export function BindingTag({ count }: { count: number }) {
  const { t } = useTranslation('contracts');
  if (count === 0) return null;
  return (
    <Tag color="red" icon={<ExclamationCircleOutlined />}>
      {t('contracts.bindingCount', { count })}
    </Tag>
  );
}

type EndDateProps = {
  contract: Pick<TContract, 'endDate' | 'renewal'>;
  /** How far away it is goes on a line of its own (narrow table columns). */
  stacked?: boolean;
};

/** A contract's end date, with how far away it is ("in 12 days", "3 days ago") while it is not ended. */
export function EndDate({ contract, stacked }: EndDateProps) {
  const { t } = useTranslation('contracts');
  const me = useMe();
  const format = useFormatters();
  if (!contract.endDate) return <Typography.Text type="secondary">{t('contracts.noEndDate')}</Typography.Text>;
  const date = format.calendarDate(contract.endDate);
  if (contract.renewal === 'ended') return <span>{date}</span>;
  const days = daysBetween(todayIn(me.timeZone), contract.endDate);
  const relative = new Intl.RelativeTimeFormat(format.locale, { numeric: 'auto' }).format(days, 'day');
  return (
    <span className="nowrap">
      {date}
      {stacked ? <br /> : ' '}
      <Tooltip title={days < 0 ? t('contracts.expiredHint') : undefined}>
        <Typography.Text type={days < 0 ? 'danger' : days <= 30 ? 'warning' : 'secondary'} style={stacked ? { fontSize: 12 } : undefined}>
          {stacked ? relative : `(${relative})`}
        </Typography.Text>
      </Tooltip>
    </span>
  );
}
