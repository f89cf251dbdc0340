import { LOCALES, type TAttribution, type TLocale } from '@clientela/contract';
import { Card, Col, Descriptions, Form, Row, Select } from 'antd';
import i18n from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loadMarketingMessages } from '../../lib/marketing-messages.ts';
import { CampaignSelect, SourceSelect } from './marketing-pickers.tsx';

/**
 * Whether the `marketing` messages are loaded; customer and deal pages load them on first use,
 * since their chunks do not bring them.
 */
function useMarketingMessages(): boolean {
  const [ready, setReady] = useState(() => i18n.hasResourceBundle(i18n.language, 'marketing') || i18n.hasResourceBundle('en', 'marketing'));
  useEffect(() => {
    if (ready) return;
    let alive = true;
    loadMarketingMessages().then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, [ready]);
  return ready;
}

/** What a customer form holds of the attribution. */
export type AttributionFormValues = { sourceId?: string | null; campaignId?: string | null };

/** A record's attribution, ready for its form. */
export function attributionFormValues(attribution: TAttribution | undefined): AttributionFormValues {
  return { sourceId: attribution?.source?.id ?? null, campaignId: attribution?.campaign?.id ?? null };
}

/** The form's attribution as the API takes it; fields the form never held are not sent. */
export function attributionPayload(values: AttributionFormValues): AttributionFormValues {
  return {
    ...(values.sourceId !== undefined ? { sourceId: values.sourceId } : {}),
    ...(values.campaignId !== undefined ? { campaignId: values.campaignId } : {}),
  };
}

/** The source and campaign of a contact or company form. */
export function AttributionInputs({ attribution }: { attribution?: TAttribution }) {
  const ready = useMarketingMessages();
  const { t } = useTranslation('marketing');
  if (!ready) return null;
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="sourceId" label={t('attribution.source')}>
          <SourceSelect current={attribution?.source} aria-label={t('attribution.source')} placeholder={t('attribution.none')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="campaignId" label={t('attribution.campaign')}>
          <CampaignSelect current={attribution?.campaign} aria-label={t('attribution.campaign')} placeholder={t('attribution.none')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The contact's language for mailings and surveys. */
export function LanguageInput() {
  const { t } = useTranslation();
  return (
    <Form.Item name="language" label={t('common.language')}>
      <Select<TLocale>
        allowClear
        aria-label={t('common.language')}
        options={LOCALES.map((value) => ({ value, label: t(`languages.${value}`) }))}
      />
    </Form.Item>
  );
}

/** Where a contact, company or deal came from: first touch and converting touch, campaigns linked. */
export function AttributionCard({ attribution }: { attribution: TAttribution | undefined }) {
  const ready = useMarketingMessages();
  const { t } = useTranslation('marketing');
  if (!ready || !attribution) return null;
  const none = t('attribution.none');
  const campaign = (ref: TAttribution['campaign']) => (ref ? <Link to={`/campaigns/${ref.id}`}>{ref.name}</Link> : none);
  const converted = attribution.convertedSource || attribution.convertedCampaign;
  return (
    <Card title={t('attribution.title')} size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'source', label: t('attribution.source'), children: attribution.source?.name ?? none },
          { key: 'campaign', label: t('attribution.campaign'), children: campaign(attribution.campaign) },
          ...(converted
            ? [
                { key: 'cSource', label: t('attribution.convertedSource'), children: attribution.convertedSource?.name ?? none },
                { key: 'cCampaign', label: t('attribution.convertedCampaign'), children: campaign(attribution.convertedCampaign) },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
