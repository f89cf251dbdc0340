import { PlusOutlined } from '@ant-design/icons';
import type { TMailing } from '@clientela/contract';
import { Alert, Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useMailings, useMayManageMailings } from './api.ts';
import { BirthdaySettingsPanel } from './birthday-settings-panel.tsx';
import { MailingFormModal } from './mailing-form-modal.tsx';
import { MailingProgress } from './mailing-progress.tsx';
import { MailingStatusTag } from './mailing-tags.tsx';
import { MailingsNav } from './mailings-nav.tsx';
import { useQueueMailing } from './use-queue-mailing.tsx';

/** A mailing's audience: the view's or list's name, and whose it is. */
export function AudienceText({ mailing }: { mailing: TMailing }) {
  const { t } = useTranslation('mailings');
  const source = mailing.view ?? mailing.list;
  if (!source) return <span>{t('mailings.audienceGone')}</span>;
  return (
    <span>
      {t(mailing.view ? 'mailings.audienceView' : 'mailings.audienceList', {
        name: source.name,
        entity: t(`audience.entities.${source.entity}`),
      })}
    </span>
  );
}

/** The mailings, all or (`campaignId`) those of one campaign. */
function MailingsTable({ campaignId }: { campaignId?: string }) {
  const { t } = useTranslation('mailings');
  const format = useFormatters();
  const mailings = useMailings(campaignId);
  const campaign = mailings.data?.data.find((mailing) => mailing.campaign)?.campaign;
  return (
    <>
      {campaignId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={campaign ? t('mailings.ofCampaign', { name: campaign.name }) : t('mailings.ofACampaign')}
          action={<Link to="/mailings">{t('mailings.showAll')}</Link>}
        />
      )}
      <ErrorAlert error={mailings.error} />
      <Table<TMailing>
        rowKey="id"
        loading={mailings.isPending}
        dataSource={mailings.data?.data ?? []}
        pagination={false}
        locale={{ emptyText: t('mailings.empty') }}
        columns={[
          { key: 'name', title: t('mailings.name'), render: (_, row) => <Link to={`/mailings/${row.id}`}>{row.name}</Link> },
          {
            key: 'template',
            title: t('mailings.template'),
            render: (_, row) => <Link to={`/templates/${row.template.id}`}>{row.template.name}</Link>,
          },
          { key: 'audience', title: t('mailings.audience'), render: (_, row) => <AudienceText mailing={row} /> },
          { key: 'status', title: t('mailings.status'), render: (_, row) => <MailingStatusTag status={row.status} /> },
          { key: 'progress', title: t('mailings.progress'), width: 220, render: (_, row) => <MailingProgress mailing={row} /> },
          { key: 'createdAt', title: t('mailings.createdAt'), render: (_, row) => format.dateTime(row.createdAt) },
        ]}
      />
    </>
  );
}

/** `/mailings`: the mailings and their progress (`?campaignId=`: of one campaign); `?tab=birthdays`: the birthday greetings. */
export function MailingsPage() {
  const { t } = useTranslation('mailings');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queue = useQueueMailing();
  const [creating, setCreating] = useState(false);
  const may = useMayManageMailings();
  const birthdays = params.get('tab') === 'birthdays';
  const campaignId = params.get('campaignId') ?? undefined;

  const saved = async (mailing: TMailing, andQueue: boolean) => {
    setCreating(false);
    if (andQueue) await queue(mailing);
    navigate(`/mailings/${mailing.id}`);
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('mailings.subtitle')}
        extra={
          !birthdays &&
          may && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('mailings.new')}
            </Button>
          )
        }
      />
      <MailingsNav current={birthdays ? 'birthdays' : 'mailings'} />
      {birthdays ? <BirthdaySettingsPanel /> : <MailingsTable campaignId={campaignId} />}
      <MailingFormModal open={creating} onClose={() => setCreating(false)} onSaved={saved} />
    </>
  );
}
