import { MailOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import type { TPortalHome, TPortalManager, TPortalOrder, TPortalSurvey } from '@clientela/contract';
import { Avatar, Button, Card, Empty, Flex, Input, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatCalendarDate, formatInstant, formatMoney, initials } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { CaseStatusTag, OrderStatusTag } from './portal-orders-tags.tsx';

/** The customer's time zone: the portal keeps none of its own. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const row = { padding: '8px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' } as const;

/** Open requests and those waiting for the customer, the latest three, and the way to a new one. */
export function RequestsCard({ base, cases }: { base: string; cases: TPortalHome['cases'] }) {
  const { t } = useTranslation('portalHome');
  const navigate = useNavigate();
  return (
    <Card
      title={t('home.requests.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${base}/cases/new`)}>
          {t('home.requests.new')}
        </Button>
      }
    >
      <Flex gap={32} wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('home.requests.open')} value={cases.open} />
        <Statistic
          title={t('home.requests.waiting')}
          value={cases.waitingForYou}
          styles={{ content: cases.waitingForYou > 0 ? { color: '#d46b08' } : {} }}
        />
      </Flex>
      {cases.latest.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.requests.empty')} />
      ) : (
        <ul aria-label={t('home.requests.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {cases.latest.map((c) => (
            <li key={c.id} style={row}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Link to={`${base}/cases/${c.id}`} style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary">{c.number}</Typography.Text> {c.subject}
                </Link>
                <CaseStatusTag status={c.status} />
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Link to={`${base}/cases`}>{t('home.requests.all')}</Link>
    </Card>
  );
}

/** The latest three orders with their status and total. */
export function OrdersCard({ base, orders }: { base: string; orders: TPortalOrder[] }) {
  const { t } = useTranslation('portalHome');
  const { locale } = useLocale();
  return (
    <Card title={t('home.orders.title')}>
      {orders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.orders.empty')} />
      ) : (
        <ul aria-label={t('home.orders.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {orders.map((order) => (
            <li key={order.id} style={row}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Link to={`${base}/orders?order=${order.id}`}>{order.number}</Link>
                  <Typography.Text type="secondary">{formatCalendarDate(order.orderedOn, locale)}</Typography.Text>
                </Flex>
                <Flex align="center" gap={8}>
                  <OrderStatusTag status={order.status} />
                  <Typography.Text strong>{formatMoney(Number(order.total), order.currency, locale)}</Typography.Text>
                </Flex>
              </Flex>
            </li>
          ))}
        </ul>
      )}
      <Link to={`${base}/orders`}>{t('home.orders.all')}</Link>
    </Card>
  );
}

/** Surveys waiting for the customer's answer, each opening its personal survey page. */
export function SurveysCard({ surveys }: { surveys: TPortalSurvey[] }) {
  const { t } = useTranslation('portalHome');
  const { locale } = useLocale();
  return (
    <Card title={t('home.surveys.title')}>
      {surveys.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.surveys.empty')} />
      ) : (
        <ul aria-label={t('home.surveys.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {surveys.map((survey) => (
            <li key={survey.link} style={row}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text>{survey.title}</Typography.Text>
                  {survey.sentAt ? (
                    <Typography.Text type="secondary">
                      {t('home.surveys.sent', { date: formatInstant(survey.sentAt, locale, browserTimeZone(), 'date') })}
                    </Typography.Text>
                  ) : null}
                </Flex>
                <Button href={survey.link} target="_blank" rel="noopener" aria-label={`${t('home.surveys.answer')}: ${survey.title}`}>
                  {t('home.surveys.answer')}
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The dedicated manager's name and how to reach them. */
export function ManagerCard({ manager }: { manager: TPortalManager }) {
  const { t } = useTranslation('portalHome');
  return (
    <Card title={t('home.manager.title')}>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Avatar size={48}>{initials(manager.name)}</Avatar>
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text strong>{manager.name}</Typography.Text>
          <Typography.Text type="secondary">{t('home.manager.company', { company: manager.company.name })}</Typography.Text>
        </Flex>
      </Flex>
      <Flex vertical gap={4}>
        {manager.phone ? (
          <a href={`tel:${manager.phone.replace(/[^\d+]/g, '')}`}>
            <PhoneOutlined /> {t('home.manager.call', { phone: manager.phone })}
          </a>
        ) : null}
        <a href={`mailto:${manager.email}`} style={{ overflowWrap: 'anywhere' }}>
          <MailOutlined /> {t('home.manager.write', { email: manager.email })}
        </a>
      </Flex>
    </Card>
  );
}

/** A search box that opens the help centre with the words typed. */
export function HelpSearchCard({ base }: { base: string }) {
  const { t } = useTranslation('portalHome');
  const navigate = useNavigate();
  return (
    <Card title={t('home.help.title')}>
      <Input.Search
        placeholder={t('home.help.placeholder')}
        aria-label={t('home.help.placeholder')}
        enterButton={t('home.help.search')}
        allowClear
        onSearch={(value) => {
          const q = value.trim();
          navigate(q ? `${base}/help?q=${encodeURIComponent(q)}` : `${base}/help`);
        }}
      />
    </Card>
  );
}
