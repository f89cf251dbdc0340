import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from '@clientela/contract';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DECIMAL_SEPARATOR } from '../../lib/format.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useLists } from '../lists/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useViews } from '../views/api.ts';
import { SourceSelect } from './marketing-pickers.tsx';

type Named = { id: string; name: string };

/** Chooses the campaign's target: a saved view or a static list of contacts or companies. */
function SegmentSelect({ id, value, onChange }: { id?: string; value?: string | null; onChange?: (value: string | null) => void }) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation('customers');
  const contactViews = useViews('contact');
  const companyViews = useViews('company');
  const contactLists = useLists('contact');
  const companyLists = useLists('company');
  const entity = (name: 'contact' | 'company') => (name === 'contact' ? tc('contacts.title') : tc('companies.title'));
  const views = [...(contactViews.data ?? []), ...(companyViews.data ?? [])];
  const lists = [...(contactLists.data ?? []), ...(companyLists.data ?? [])];
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('campaigns.segmentNone')}
      aria-label={t('fields.segment')}
      loading={contactViews.isPending || contactLists.isPending}
      options={[
        {
          label: t('campaigns.segmentView'),
          options: views.map((view) => ({ value: `view:${view.id}`, label: `${view.name} · ${entity(view.entity)}` })),
        },
        {
          label: t('campaigns.segmentList'),
          options: lists.map((list) => ({ value: `list:${list.id}`, label: `${list.name} · ${entity(list.entity)}` })),
        },
      ]}
    />
  );
}

type Props = { currency?: string; currentSource?: Named | null; currentOwner?: Named | null; withStatus?: boolean };

/** Every field of a campaign: shared by the create modal and the details' edit form. */
export function CampaignInputs({ currency, currentSource, currentOwner, withStatus }: Props) {
  const { t } = useTranslation('marketing');
  const { locale } = useLocale();
  return (
    <>
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('fields.name') }]}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true, message: t('fields.kind') }]}>
            <Select aria-label={t('fields.kind')} options={CAMPAIGN_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))} />
          </Form.Item>
        </Col>
        {withStatus && (
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('fields.status')}>
              <Select
                aria-label={t('fields.status')}
                options={CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`campaignStatus.${value}`) }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="dates" label={t('fields.dates')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              format={DATE_INPUT_FORMAT[locale]}
              placeholder={[t('fields.startsOn'), t('fields.endsOn')]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="budget" label={t('fields.budget')}>
            <InputNumber
              min={0}
              precision={2}
              decimalSeparator={DECIMAL_SEPARATOR[locale]}
              suffix={currency}
              aria-label={t('fields.budget')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sourceId" label={t('fields.source')}>
            <SourceSelect current={currentSource} aria-label={t('fields.source')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="ownerId" label={t('fields.owner')}>
            <UserSelect current={currentOwner} aria-label={t('fields.owner')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="segment" label={t('fields.segment')}>
            <SegmentSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
      </Form.Item>
    </>
  );
}
