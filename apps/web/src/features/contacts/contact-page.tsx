import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { TContact } from '@clientela/contract';
import { App, Button, Card, Col, Descriptions, type DescriptionsProps, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFieldRules } from '../../lib/field-rules.ts';
import { TimelineCard } from '../activities/timeline-card.tsx';
import { AgreementsCard } from '../agreements/agreements-card.tsx';
import { AttachmentsCard } from '../attachments/attachments-card.tsx';
import { CustomerCasesCard } from '../cases/customer-cases-card.tsx';
import { useCustomFields } from '../custom-fields/api.ts';
import { useCustomValueRows } from '../custom-fields/custom-value-rows.tsx';
import { EmailLinks, PhoneLinks } from '../customers/contact-points.tsx';
import { ClassTag, RelationshipTags, StatusTag } from '../customers/customer-tags.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { HistoryCard } from '../customers/history-card.tsx';
import { MergeWithButton } from '../duplicates/merge-with-button.tsx';
import { MergedBanner } from '../duplicates/merged-banner.tsx';
import { PersonDataCard } from '../gdpr/person-data-card.tsx';
import { ConsentCard } from '../mailings/consent-card.tsx';
import { AttributionCard } from '../marketing/attribution.tsx';
import { ContactPortalCard } from '../portal/portal-users-contact-card.tsx';
import { ShareButton } from '../roles/share-button.tsx';
import { SendTaskButton } from '../tasks/send-task-button.tsx';
import { useContact, useContactHistory, useDeleteContact } from './api.ts';
import { ContactFormDrawer } from './contact-form-drawer.tsx';

type Items = NonNullable<DescriptionsProps['items']>;

/** Rows whose value is filled in. */
function filled(items: Items): Items {
  return items.filter((item) => item.children !== null && item.children !== undefined && item.children !== false && item.children !== '');
}

function paragraph(text: string | null): ReactNode {
  return text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>;
}

function ContactDetails({ contact }: { contact: TContact }) {
  const { t } = useTranslation('customers');
  const { t: tr } = useTranslation('relationships');
  const format = useFormatters();
  const customRows = useCustomValueRows('contact', contact.custom);
  const rules = useFieldRules('contacts');
  const work: Items = rules.visible(
    filled([
      {
        key: 'companies',
        label: t('fields.companies'),
        children: contact.companies.length > 0 && (
          <Flex vertical>
            {contact.companies.map((company) => (
              <span key={company.id}>
                <Link to={`/companies/${company.id}`}>{company.name}</Link>
                {company.role && <Typography.Text type="secondary">{` · ${company.role}`}</Typography.Text>}
              </span>
            ))}
          </Flex>
        ),
      },
      { key: 'position', label: t('fields.position'), children: contact.position },
      {
        key: 'lastContact',
        label: tr('details.lastContact'),
        children: contact.lastContactAt ? format.dateTime(contact.lastContactAt) : tr('details.never'),
      },
      { key: 'phones', label: t('fields.phones'), children: contact.phones?.length > 0 && <PhoneLinks phones={contact.phones} /> },
      { key: 'emails', label: t('fields.emails'), children: contact.emails?.length > 0 && <EmailLinks emails={contact.emails} /> },
      {
        key: 'preferredChannel',
        label: t('fields.preferredChannel'),
        children: contact.preferredChannel && t(`channel.${contact.preferredChannel}`),
      },
      { key: 'relationships', label: t('fields.relationships'), children: <RelationshipTags values={contact.relationships} /> },
      { key: 'city', label: t('fields.city'), children: contact.city },
      { key: 'region', label: t('fields.region'), children: contact.region },
      { key: 'address', label: t('fields.address'), children: contact.address },
      { key: 'owner', label: t('fields.ownerId'), children: contact.owner?.name },
      { key: 'leadSource', label: t('fields.leadSource'), children: contact.leadSource },
      { key: 'tags', label: t('fields.tags'), children: contact.tags.length > 0 && contact.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
      ...customRows,
      { key: 'notes', label: t('fields.notes'), span: 'filled', children: paragraph(contact.notes) },
    ]),
  );
  const personal: Items = rules.visible(
    filled([
      { key: 'birthday', label: t('fields.birthday'), children: contact.birthday && format.calendarDate(contact.birthday) },
      { key: 'preferences', label: t('fields.preferences'), children: paragraph(contact.preferences) },
      { key: 'personalEvents', label: t('fields.personalEvents'), children: paragraph(contact.personalEvents) },
    ]),
  );
  return (
    <Flex vertical gap={24}>
      <Card title={t('contacts.details')}>
        <Descriptions column={{ xs: 1, md: 2 }} items={work} size="small" />
      </Card>
      {personal.length > 0 && (
        <Card title={t('contacts.personal')}>
          <Descriptions column={1} items={personal} size="small" />
        </Card>
      )}
    </Flex>
  );
}

/** `/contacts/:id`: one person — what we promised them, how to reach them, what they like, what happened and what changed. */
export function ContactPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const contact = useContact(id);
  const history = useContactHistory(id);
  const customFields = useCustomFields('contact');
  const remove = useDeleteContact();
  const [editing, setEditing] = useState(false);

  if (contact.isPending) return <Skeleton active />;
  if (contact.error || !contact.data) {
    return (
      <Result
        status={isApiError(contact.error) && contact.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, contact.error)}
        extra={<Link to="/contacts">{t('contacts.back')}</Link>}
      />
    );
  }
  const data = contact.data;

  const confirmDelete = () =>
    modal.confirm({
      title: t('contacts.deleteConfirm', { name: data.name }),
      content: t('contacts.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(data.id);
          message.success(t('contacts.deleted', { name: data.name }));
          navigate('/contacts');
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <>
      <Link to="/contacts">
        <ArrowLeftOutlined /> {t('contacts.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          <span>
            <StatusTag status={data.status} />
            <ClassTag value={data.class} />
          </span>
        </Flex>
        <Flex gap={8}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('contacts.edit')}
          </Button>
          <SendTaskButton about={{ contacts: [data.id] }} />
          <MergeWithButton entity="contact" record={data} />
          <ShareButton entity="contacts" record={data} name={data.name} />
          <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
            {tc('common.delete')}
          </Button>
        </Flex>
      </Flex>
      <MergedBanner entity="contact" recordId={data.id} />
      <div style={{ marginBottom: 24 }}>
        <AgreementsCard customer={{ contact: { id: data.id, name: data.name } }} />
      </div>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={24}>
            <ContactDetails contact={data} />
            <TimelineCard owner={{ kind: 'contact', id: data.id }} about={{ contacts: [{ id: data.id, name: data.name }] }} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={24}>
            <CustomerCasesCard customer={{ contact: { id: data.id, name: data.name } }} />
            <ConsentCard contactId={data.id} />
            <ContactPortalCard contactId={data.id} />
            <PersonDataCard contactId={data.id} fullName={data.name} />
            <AttributionCard attribution={data.attribution} />
            <AttachmentsCard entityType="contact" entityId={data.id} />
            <HistoryCard changes={history.data} loading={history.isPending} error={history.error} customFields={customFields.data} />
          </Flex>
        </Col>
      </Row>
      <ContactFormDrawer open={editing} contact={data} onClose={() => setEditing(false)} />
    </>
  );
}
