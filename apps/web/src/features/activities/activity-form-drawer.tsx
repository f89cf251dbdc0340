import { ACTIVITY_FIELDS_OF, ACTIVITY_TYPES, CALL_OUTCOMES, type TActivity, type TActivityType } from '@clientela/contract';
import { App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Segmented, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { nowInZone } from '../../lib/zoned-time.ts';
import { useMe } from '../auth/api.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { DealSelect } from '../deals/deal-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import {
  type ActivityAbout,
  type ActivityFormValues,
  activityChanges,
  newActivityValues,
  toActivityFormValues,
  toActivityInput,
} from './activity-payload.ts';
import { TYPE_ICON } from './activity-types.tsx';
import { useCreateActivity, useUpdateActivity } from './api.ts';
import { CustomerSelect } from './customer-select.tsx';
import { showApiFieldErrors } from './field-errors.ts';

// TipTap is big: it loads when the form first opens, never with the login page or a list.
const RichTextEditor = lazy(async () => ({ default: (await import('./rich-text-editor.tsx')).RichTextEditor }));

type Named = { id: string; name: string };

type EditorProps = { id?: string; value?: string | null; onChange?: (html: string) => void; placeholder: string; label: string };

/** The body's editor as a form control: Form.Item hands its value to this, not to Suspense. */
function BodyEditor({ label, ...props }: EditorProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 160 }} />}>
      <RichTextEditor {...props} aria-label={label} />
    </Suspense>
  );
}

type Props = {
  open: boolean;
  onClose: () => void;
  /** The activity to edit; none to log a new one. */
  activity?: TActivity;
  /** What a new activity is about at first: the record the page shows (a deal, with its customer). */
  about?: ActivityAbout;
  /** Companies offered before any search (a group's members). */
  offer?: readonly Named[];
};

/** Logs a call, a meeting, a visit, an e-mail or a note about customers and deals, or edits one, in a side panel. */
export function ActivityFormDrawer({ open, onClose, activity, about = {}, offer = [] }: Props) {
  const { t } = useTranslation('relationships');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { locale } = useLocale();
  const [form] = Form.useForm<ActivityFormValues>();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const mutation = activity ? update : create;
  const type: TActivityType = Form.useWatch('type', form) ?? activity?.type ?? 'call';
  const own = ACTIVITY_FIELDS_OF[type];
  const title = activity ? t('form.editTitle') : t('form.logTitle');
  const dateTimeFormat = `${DATE_INPUT_FORMAT[locale]} HH:mm`;

  // The page passes new objects on each render: only their value when the panel opens counts.
  const aboutNow = useRef(about);
  aboutNow.current = about;
  const initial = useRef<ActivityFormValues | null>(null);
  const known = {
    companies: [...(about.companies ?? []), ...(activity?.links.filter((link) => link.type === 'company') ?? []), ...offer],
    contacts: [...(about.contacts ?? []), ...(activity?.links.filter((link) => link.type === 'contact') ?? [])],
    deals: [...(about.deals ?? []), ...(activity?.deals ?? [])],
  };

  useEffect(() => {
    if (!open) return;
    const values = activity ? toActivityFormValues(activity, me.timeZone) : newActivityValues(me.timeZone, aboutNow.current);
    initial.current = values;
    form.resetFields();
    form.setFieldsValue(values);
    create.reset();
    update.reset();
  }, [open, activity, me.timeZone, form, create.reset, update.reset]);

  const submit = async (values: ActivityFormValues) => {
    const input = toActivityInput(values, me.timeZone);
    try {
      if (activity) {
        const before = toActivityInput(initial.current ?? values, me.timeZone);
        await update.mutateAsync({ id: activity.id, ...activityChanges(before, input) });
        message.success(t('form.updated'));
      } else {
        await create.mutateAsync(input);
        message.success(t('form.logged', { type: t(`types.${values.type}`) }));
      }
      onClose();
    } catch (error) {
      showApiFieldErrors(form, error, errorMessage(tc, error), (field, { indexed }) => {
        if (field === 'companyIds' || field === 'contactIds') return indexed ? t('form.errors.linkUnknown') : t('form.errors.linksMissing');
        if (field === 'dealIds') return t('form.errors.dealUnknown');
        if (field === 'occurredAt' || field === 'followUpAt') return t('form.errors.dateTime');
        if (field === 'durationMinutes') return t('form.errors.duration');
        return undefined;
      });
    }
  };

  const at = (days: number, hour: number): Dayjs => nowInZone(me.timeZone).add(days, 'day').hour(hour).minute(0);
  const followUpPresets = [
    { label: t('form.followUpTomorrow'), value: at(1, 9) },
    { label: t('form.followUpInThreeDays'), value: at(3, 9) },
    { label: t('form.followUpNextWeek'), value: at(7, 9) },
  ];
  const linksRule = {
    validator: async () => {
      const count = (['companyIds', 'contactIds', 'dealIds'] as const).reduce(
        (sum, field) => sum + (form.getFieldValue(field)?.length ?? 0),
        0,
      );
      if (count === 0) throw new Error(t('form.errors.linksMissing'));
    },
  };

  return (
    <Drawer
      open={open}
      title={title}
      size={680}
      onClose={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {activity ? tc('common.save') : t('form.log')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="activity" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Form.Item name="type" label={t('form.type')}>
          <Segmented<TActivityType>
            block
            options={ACTIVITY_TYPES.map((value) => ({ value, label: t(`types.${value}`), icon: TYPE_ICON[value] }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('form.subject')}>
          <Input maxLength={300} placeholder={t(`form.subjectPlaceholder.${type}`)} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="occurredAt" label={t('form.occurredAt')} rules={[{ required: true, message: t('form.errors.dateTime') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={dateTimeFormat} style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          {own.includes('durationMinutes') && (
            <Col xs={24} sm={12}>
              <Form.Item name="durationMinutes" label={t('form.durationMinutes')}>
                <InputNumber min={0} max={24 * 60} precision={0} suffix={t('form.minutes')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {own.includes('direction') && (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="direction" label={t('form.direction')}>
                <Radio.Group
                  optionType="button"
                  options={(['outbound', 'inbound'] as const).map((value) => ({
                    value,
                    label: t(type === 'email' ? `direction.email.${value}` : `form.callDirection.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            {own.includes('outcome') && (
              <Col xs={24} sm={12}>
                <Form.Item name="outcome" label={t('form.outcome')}>
                  <Select
                    allowClear
                    placeholder={t('form.outcomePlaceholder')}
                    options={CALL_OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        {own.includes('place') && (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="place" label={t('form.place')}>
                <Input maxLength={300} placeholder={t('form.placePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="participants" label={t('form.participants')} tooltip={t('form.participantsHelp')}>
                <Input maxLength={1000} placeholder={t('form.participantsPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="body" label={t('form.body')}>
          <BodyEditor placeholder={t('form.bodyPlaceholder')} label={t('form.body')} />
        </Form.Item>
        <Form.Item name="followUpAt" label={t('form.followUpAt')} extra={t('form.followUpHelp')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={dateTimeFormat}
            presets={followUpPresets}
            style={{ width: '100%' }}
            placeholder={t('form.followUpPlaceholder')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="companyIds" label={t('form.companies')} rules={[linksRule]} dependencies={['contactIds', 'dealIds']}>
              <CustomerSelect entity="company" multiple known={known.companies} aria-label={t('form.companies')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactIds" label={t('form.contacts')}>
              <CustomerSelect entity="contact" multiple known={known.contacts} aria-label={t('form.contacts')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="dealIds" label={t('form.deals')}>
          <DealSelect multiple known={known.deals} aria-label={t('form.deals')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
