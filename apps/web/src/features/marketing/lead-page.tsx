import { CheckCircleOutlined, DeleteOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import type { TLead } from '@clientela/contract';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { ShareButton } from '../roles/share-button.tsx';
import { ConvertLeadModal } from './convert-lead-modal.tsx';
import { showRenamedFieldErrors } from './form-errors.ts';
import { LeadInputs } from './lead-inputs.tsx';
import { type LeadFormValues, toLeadFormValues, toLeadInput } from './lead-payload.ts';
import { leadName, useDeleteLead, useDisqualifyLead, useLead, useLeadStatus, useUpdateLead } from './leads-api.ts';
import { useMarketingFormat } from './marketing-format.ts';
import { LeadStatusTag } from './marketing-tags.tsx';

/** The lead's fields, read and edited in place. */
function LeadDetailsCard({ lead }: { lead: TLead }) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadFormValues>();
  const [editing, setEditing] = useState(false);
  const update = useUpdateLead();
  const mayChange = lead.mayChange && lead.status !== 'converted';

  const save = async (values: LeadFormValues) => {
    try {
      await update.mutateAsync({ id: lead.id, ...toLeadInput(values) });
      message.success(t('common.saved'));
      setEditing(false);
    } catch (error) {
      showRenamedFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  if (editing)
    return (
      <Card title={t('lead.details')}>
        <ErrorAlert error={update.error} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={save} aria-label={t('lead.details')}>
          <LeadInputs current={lead} />
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setEditing(false)}>{tc('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {tc('common.save')}
            </Button>
          </Flex>
        </Form>
      </Card>
    );

  const value = (text: string | null) => text || '—';
  return (
    <Card
      title={t('lead.details')}
      extra={
        mayChange && (
          <Button
            icon={<EditOutlined />}
            onClick={() => {
              update.reset();
              form.setFieldsValue(toLeadFormValues(lead));
              setEditing(true);
            }}
          >
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'firstName', label: t('fields.firstName'), children: value(lead.firstName) },
          { key: 'lastName', label: t('fields.lastName'), children: value(lead.lastName) },
          { key: 'company', label: t('fields.company'), children: value(lead.companyName) },
          { key: 'position', label: t('fields.position'), children: value(lead.position) },
          { key: 'email', label: t('fields.email'), children: lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : '—' },
          { key: 'phone', label: t('fields.phone'), children: lead.phone ? <a href={`tel:${lead.phone}`}>{lead.phone}</a> : '—' },
          { key: 'city', label: t('fields.city'), children: value(lead.city) },
          { key: 'language', label: t('fields.language'), children: lead.language ? tc(`languages.${lead.language}`) : '—' },
          { key: 'owner', label: t('fields.owner'), children: lead.owner?.name ?? '—' },
          { key: 'channel', label: t('fields.channel'), children: t(`channel.${lead.channel}`) },
        ]}
      />
    </Card>
  );
}

/** Where the lead came from, first touch and converting touch. */
function AttributionCard({ lead }: { lead: TLead }) {
  const { t } = useTranslation('marketing');
  const none = t('attribution.none');
  const campaign = (ref: TLead['campaign']) => (ref ? <Link to={`/campaigns/${ref.id}`}>{ref.name}</Link> : none);
  return (
    <Card title={t('lead.attribution')}>
      <Descriptions
        column={1}
        items={[
          { key: 'source', label: t('attribution.source'), children: lead.source?.name ?? none },
          { key: 'campaign', label: t('attribution.campaign'), children: campaign(lead.campaign) },
          ...(lead.convertedSource || lead.convertedCampaign
            ? [
                { key: 'cSource', label: t('lead.convertedSource'), children: lead.convertedSource?.name ?? none },
                { key: 'cCampaign', label: t('lead.convertedCampaign'), children: campaign(lead.convertedCampaign) },
              ]
            : []),
          ...(lead.webForm ? [{ key: 'form', label: t('lead.webForm'), children: lead.webForm.name }] : []),
        ]}
      />
    </Card>
  );
}

/** Asks why, then disqualifies. */
function DisqualifyModal({ lead, open, onClose }: { lead: TLead; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const disqualify = useDisqualifyLead();
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await disqualify.mutateAsync({ id: lead.id, reason: reason.trim() });
      onClose();
    } catch (error) {
      showRenamedFieldErrors(form, error, errorMessage(tc, error));
    }
  };
  return (
    <Modal
      open={open}
      title={t('lead.disqualifyTitle')}
      okText={t('lead.disqualify')}
      okButtonProps={{ danger: true }}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={disqualify.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={disqualify.error} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} preserve={false}>
        <Form.Item name="reason" label={t('lead.reason')} rules={[{ required: true, whitespace: true, message: t('lead.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/leads/:id`: one lead: details, attribution, qualification and conversion. */
export function LeadPage() {
  const { t } = useTranslation('marketing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const lead = useLead(id);
  const status = useLeadStatus();
  const remove = useDeleteLead();
  const format = useMarketingFormat(undefined);
  const [converting, setConverting] = useState(false);
  const [disqualifying, setDisqualifying] = useState(false);

  if (lead.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (isApiError(lead.error, 'not_found')) return <Result status="404" title={t('lead.notFound')} />;
  if (!lead.data) return <ErrorAlert error={lead.error} />;
  const data = lead.data;
  const open = data.status !== 'converted' && data.status !== 'disqualified';
  const move = async (next: 'new' | 'working' | 'qualified') => {
    await status.mutateAsync({ id: data.id, status: next });
    message.success(t('lead.statusChanged'));
  };

  return (
    <>
      <PageHeader
        title={leadName(data) || t('leads.unnamed')}
        subtitle={data.companyName && data.name ? data.companyName : undefined}
        extra={
          <Flex gap={8} wrap align="center">
            <LeadStatusTag status={data.status} />
            {data.mayChange && data.status === 'new' && <Button onClick={() => move('working')}>{t('lead.work')}</Button>}
            {data.mayChange && (data.status === 'new' || data.status === 'working') && (
              <Button icon={<CheckCircleOutlined />} onClick={() => move('qualified')}>
                {t('lead.qualify')}
              </Button>
            )}
            {data.mayChange && data.status === 'disqualified' && <Button onClick={() => move('working')}>{t('lead.reopen')}</Button>}
            {data.mayChange && open && (
              <Button danger icon={<StopOutlined />} onClick={() => setDisqualifying(true)}>
                {t('lead.disqualify')}
              </Button>
            )}
            {data.mayChange && open && (
              <Button type="primary" onClick={() => setConverting(true)}>
                {t('lead.convert')}
              </Button>
            )}
            <ShareButton entity="leads" record={data} name={leadName(data) || t('leads.unnamed')} />
            {data.mayDelete && (
              <Popconfirm
                title={t('lead.deleteConfirm')}
                okText={tc('common.delete')}
                cancelText={tc('common.cancel')}
                onConfirm={async () => {
                  await remove.mutateAsync(data.id);
                  message.success(t('common.deleted'));
                  navigate('/leads');
                }}
              >
                <Button danger type="text" icon={<DeleteOutlined />} aria-label={t('lead.delete')} />
              </Popconfirm>
            )}
          </Flex>
        }
      />
      <ErrorAlert error={status.error ?? remove.error} />
      {data.status === 'disqualified' && data.disqualifyReason && (
        <Alert
          type="warning"
          showIcon
          title={t('lead.disqualifiedBecause', { reason: data.disqualifyReason })}
          style={{ marginBottom: 16 }}
        />
      )}
      {data.conversion && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('lead.convertedTo')} · ${format.dateTime(data.conversion.at)}`}
          description={
            <Flex gap={16} wrap>
              {data.conversion.contact && <Link to={`/contacts/${data.conversion.contact.id}`}>{data.conversion.contact.name}</Link>}
              {data.conversion.company && <Link to={`/companies/${data.conversion.company.id}`}>{data.conversion.company.name}</Link>}
              {data.conversion.deal && <Link to={`/deals/${data.conversion.deal.id}`}>{data.conversion.deal.name}</Link>}
            </Flex>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <LeadDetailsCard lead={data} />
            <Card title={t('fields.message')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.message || t('lead.noMessage')}</Typography.Paragraph>
              <Tag color={data.marketingConsent ? 'green' : 'default'}>
                {data.marketingConsent ? t('lead.consentGiven') : t('lead.consentNotGiven')}
              </Tag>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <AttributionCard lead={data} />
            <Card size="small">
              <Descriptions
                column={1}
                size="small"
                items={[{ key: 'created', label: t('fields.created'), children: format.dateTime(data.createdAt) }]}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
      <ConvertLeadModal lead={data} open={converting} onClose={() => setConverting(false)} />
      <DisqualifyModal lead={data} open={disqualifying} onClose={() => setDisqualifying(false)} />
    </>
  );
}
