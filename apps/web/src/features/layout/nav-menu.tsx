import {
  AimOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudServerOutlined,
  CoffeeOutlined,
  CommentOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  ImportOutlined,
  KeyOutlined,
  MailOutlined,
  MergeOutlined,
  NotificationOutlined,
  PartitionOutlined,
  QuestionCircleOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  SmileOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/api.ts';

/** The left navigation; admin pages appear only for admins. A group page belongs to the companies, price lists to the products. */
export function NavMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    { key: '/dashboard', icon: <DashboardOutlined />, label: <Link to="/dashboard">{t('nav.dashboard')}</Link> },
    { key: '/companies', icon: <ShopOutlined />, label: <Link to="/companies">{t('nav.companies')}</Link> },
    { key: '/contacts', icon: <ContactsOutlined />, label: <Link to="/contacts">{t('nav.contacts')}</Link> },
    {
      key: '/agreements',
      icon: <SafetyCertificateOutlined />,
      label: <Link to="/agreements">{t('nav.agreements')}</Link>,
    },
    { key: '/contracts', icon: <FileProtectOutlined />, label: <Link to="/contracts">{t('nav.contracts')}</Link> },
    { key: '/deals', icon: <FundProjectionScreenOutlined />, label: <Link to="/deals">{t('nav.deals')}</Link> },
    { key: '/quotes', icon: <FileTextOutlined />, label: <Link to="/quotes">{t('nav.quotes')}</Link> },
    { key: '/orders', icon: <FileDoneOutlined />, label: <Link to="/orders">{t('nav.orders')}</Link> },
    { key: '/products', icon: <AppstoreOutlined />, label: <Link to="/products">{t('nav.products')}</Link> },
    { key: '/cases', icon: <CommentOutlined />, label: <Link to="/cases">{t('nav.cases')}</Link> },
    { key: '/kb', icon: <BookOutlined />, label: <Link to="/kb">{t('nav.kb')}</Link> },
    { key: '/leads', icon: <RiseOutlined />, label: <Link to="/leads">{t('nav.leads')}</Link> },
    { key: '/campaigns', icon: <NotificationOutlined />, label: <Link to="/campaigns">{t('nav.campaigns')}</Link> },
    { key: '/mailings', icon: <MailOutlined />, label: <Link to="/mailings">{t('nav.mailings')}</Link> },
    { key: '/surveys', icon: <SmileOutlined />, label: <Link to="/surveys">{t('nav.surveys')}</Link> },
    { key: '/ideas', icon: <BulbOutlined />, label: <Link to="/ideas">{t('nav.ideas')}</Link> },
    { key: '/community', icon: <QuestionCircleOutlined />, label: <Link to="/community">{t('nav.community')}</Link> },
    { key: '/moderation', icon: <AuditOutlined />, label: <Link to="/moderation">{t('nav.moderation')}</Link> },
    { key: '/portal-users', icon: <GlobalOutlined />, label: <Link to="/portal-users">{t('nav.portalUsers')}</Link> },
    { key: '/tasks', icon: <CarryOutOutlined />, label: <Link to="/tasks">{t('nav.tasks')}</Link> },
    { key: '/calendar', icon: <CalendarOutlined />, label: <Link to="/calendar">{t('nav.calendar')}</Link> },
    { key: '/absences', icon: <CoffeeOutlined />, label: <Link to="/absences">{t('nav.absences')}</Link> },
    { key: '/duplicates', icon: <MergeOutlined />, label: <Link to="/duplicates">{t('nav.duplicates')}</Link> },
    { key: '/lists', icon: <UnorderedListOutlined />, label: <Link to="/lists">{t('nav.lists')}</Link> },
    { key: '/imports', icon: <ImportOutlined />, label: <Link to="/imports">{t('nav.imports')}</Link> },
    { key: '/reports', icon: <BarChartOutlined />, label: <Link to="/reports">{t('nav.reports')}</Link> },
    { key: '/plans', icon: <AimOutlined />, label: <Link to="/plans">{t('nav.plans')}</Link> },
    { key: '/rhythm', icon: <FieldTimeOutlined />, label: <Link to="/rhythm">{t('nav.rhythm')}</Link> },
    { key: '/processes', icon: <PartitionOutlined />, label: <Link to="/processes">{t('nav.processes')}</Link> },
    ...(me.role === 'admin'
      ? [
          { key: '/admin/users', icon: <TeamOutlined />, label: <Link to="/admin/users">{t('nav.admin')}</Link> },
          {
            key: '/admin/custom-fields',
            icon: <FormOutlined />,
            label: <Link to="/admin/custom-fields">{t('nav.customFields')}</Link>,
          },
          { key: '/admin/roles', icon: <KeyOutlined />, label: <Link to="/admin/roles">{t('nav.roles')}</Link> },
          { key: '/admin/audit-log', icon: <FileSearchOutlined />, label: <Link to="/admin/audit-log">{t('nav.auditLog')}</Link> },
          { key: '/admin/system', icon: <CloudServerOutlined />, label: <Link to="/admin/system">{t('nav.system')}</Link> },
          { key: '/admin/workspace', icon: <SettingOutlined />, label: <Link to="/admin/workspace">{t('nav.workspace')}</Link> },
        ]
      : []),
    { key: '/profile', icon: <UserOutlined />, label: <Link to="/profile">{t('nav.profile')}</Link> },
  ];
  const path = pathname.startsWith('/company-groups/')
    ? '/companies'
    : pathname.startsWith('/price-lists')
      ? '/products'
      : pathname.startsWith('/marketing/')
        ? '/campaigns'
        : pathname.startsWith('/templates')
          ? '/mailings'
          : pathname;
  const selected = items.map((item) => String(item?.key)).filter((key) => (key === '/' ? path === '/' : path.startsWith(key)));

  return (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" items={items} selectedKeys={selected} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}
