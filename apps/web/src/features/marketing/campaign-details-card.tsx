import { EditOutlined } from '@ant-design/icons';
import type { TCampaignDetail } from '@clientela/contract';
import { App, Button, Card, Descriptions, Flex, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { CampaignInputs } from './campaign-inputs.tsx';
import { CAMPAIGN_FORM_FIELD, type CampaignFormValues, toCampaignFormValues, toCampaignInput } from './campaign-payload.ts';
import { useUpdateCampaign } from './campaigns-api.ts';
import { showRenamedFieldErrors } from './form-errors.ts';
import { useMarketingFormat } from './marketing-format.ts';
import { CampaignStatusTag } from './marketing-tags.tsx';

/** Where a campaign's segment is shown: a static list's page, or the customer list with the saved view. */
export function segmentPath(segment: NonNullable<TCampaignDetail['segment']>): string {
  if (segment.type === 'list') return `/lists/${segment.id}`;
  return `/${segment.entity === 'company' ? 'companies' : 'contacts'}?view=${segment.id}`;
}

/** The campaign's fields, read and edited in place. */
export function CampaignDetailsCard({ campaign }: { campaign: TCampaignDetail }) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const format = useMarketingFormat(campaign.baseCurrency);
  const [form] = Form.useForm<CampaignFormValues>();
  const [editing, setEditing] = useState(false);
  const update = useUpdateCampaign();

  const edit = () => {
    update.reset();
    form.setFieldsValue(toCampaignFormValues(campaign));
    setEditing(true);
  };

  const save = async (values: CampaignFormValues) => {
    try {
      await update.mutateAsync({ id: campaign.id, ...toCampaignInput(values) });
      message.success(t('common.saved'));
      setEditing(false);
    } catch (error) {
      showRenamedFieldErrors(form, error, errorMessage(tc, error), CAMPAIGN_FORM_FIELD);
    }
  };

  if (editing)
    return (
      <Card title={t('campaign.details')}>
        <ErrorAlert error={update.error} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={save} aria-label={t('campaign.details')}>
          <CampaignInputs currency={campaign.baseCurrency} currentSource={campaign.source} currentOwner={campaign.owner} withStatus />
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setEditing(false)}>{tc('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {tc('common.save')}
            </Button>
          </Flex>
        </Form>
      </Card>
    );

  return (
    <Card
      title={t('campaign.details')}
      extra={
        campaign.mayChange && (
          <Button icon={<EditOutlined />} onClick={edit}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'kind', label: t('fields.kind'), children: t(`kind.${campaign.kind}`) },
          { key: 'status', label: t('fields.status'), children: <CampaignStatusTag status={campaign.status} /> },
          { key: 'startsOn', label: t('fields.startsOn'), children: format.day(campaign.startsOn) },
          { key: 'endsOn', label: t('fields.endsOn'), children: format.day(campaign.endsOn) },
          { key: 'budget', label: t('fields.budget'), children: format.money(campaign.budget) },
          { key: 'source', label: t('fields.source'), children: campaign.source?.name ?? '—' },
          { key: 'owner', label: t('fields.owner'), children: campaign.owner?.name ?? '—' },
          {
            key: 'segment',
            label: t('fields.segment'),
            children: campaign.segment ? <Link to={segmentPath(campaign.segment)}>{campaign.segment.name}</Link> : t('campaign.noSegment'),
          },
          ...(campaign.description
            ? [{ key: 'description', label: t('fields.description'), span: 2, children: campaign.description }]
            : []),
        ]}
      />
    </Card>
  );
}
