import { type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { lazyNamed } from '../components/lazy-named.ts';
import { PageSpinner } from '../components/page-spinner.tsx';
import { RouteError } from '../components/route-error.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { loadAbsenceMessages } from '../lib/absence-messages.ts';
import { loadAnalyticsMessages } from '../lib/analytics-messages.ts';
import { loadAuditLogMessages } from '../lib/audit-log-messages.ts';
import { loadCaseMessages, loadCaseSettingsMessages, loadCaseStatsMessages, loadKbMessages } from '../lib/case-messages.ts';
import { loadCatalogueMessages } from '../lib/catalogue-messages.ts';
import { loadContractMessages } from '../lib/contract-messages.ts';
import { loadCustomerMessages } from '../lib/customer-messages.ts';
import { loadDealMessages } from '../lib/deal-messages.ts';
import { loadDuplicateMessages } from '../lib/duplicate-messages.ts';
import { loadForecastMessages } from '../lib/forecast-messages.ts';
import { loadImportMessages } from '../lib/import-messages.ts';
import { loadMailingMessages, loadMarketingMessages, loadSurveyMessages } from '../lib/marketing-messages.ts';
import {
  loadCommunityMessages,
  loadIdeaMessages,
  loadPortalCaseMessages,
  loadPortalHomeMessages,
  loadPortalMessages,
  loadPortalUserMessages,
} from '../lib/portal-messages.ts';
import { loadProcessDesignerMessages, loadProcessMessages } from '../lib/process-messages.ts';
import { loadRelationshipMessages } from '../lib/relationship-messages.ts';
import { loadReportBuilderMessages } from '../lib/report-builder-messages.ts';
import { loadReportsMessages } from '../lib/reports-messages.ts';
import { loadRhythmMessages } from '../lib/rhythm-messages.ts';
import { loadRolesMessages } from '../lib/roles-messages.ts';
import { loadSalesMessages } from '../lib/sales-messages.ts';
import { loadSystemMessages } from '../lib/system-messages.ts';
import { loadTaskMessages } from '../lib/task-messages.ts';

/** A customer page's chunk, together with the messages it speaks. */
function withCustomerMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages()]);
    return module;
  };
}

/** A page that shows timelines or agreements: its chunk, with the messages they speak. */
function withRelationshipMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadRelationshipMessages()]);
    return module;
  };
}

/** A contracts or calendar page's chunk, with its messages and the customer ones (its pickers speak those). */
function withContractMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadContractMessages()]);
    return module;
  };
}

/** A tasks page's chunk, with its messages and the customer ones (its person pickers speak those). */
function withTaskMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadTaskMessages()]);
    return module;
  };
}

/** The absences page's chunk, with its messages and the customer ones (its person pickers speak those). */
function withAbsenceMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadAbsenceMessages()]);
    return module;
  };
}

/** A customer page that warns about duplicates or merges records: its chunk, with both namespaces. */
function withDuplicateMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadDuplicateMessages()]);
    return module;
  };
}

/** An import page's chunk, with its own messages and the customer ones (field values are named as there). */
function withImportMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadImportMessages()]);
    return module;
  };
}

/** A deals page's chunk, with its messages and those its customer and person pickers speak. */
function withDealMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadRelationshipMessages(), loadDealMessages()]);
    return module;
  };
}

/** A quotes or orders page's chunk, with its messages and those its customer pickers speak. */
function withSalesMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadRelationshipMessages(), loadSalesMessages()]);
    return module;
  };
}

/** A catalogue page's chunk, with its messages. */
function withCatalogueMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCatalogueMessages()]);
    return module;
  };
}

const LoginPage = lazyNamed(() => import('../features/auth/login-page.tsx'), 'LoginPage');
const SetupPage = lazyNamed(() => import('../features/setup/setup-page.tsx'), 'SetupPage');
/** The signed-in layout's chunk, with dayjs speaking the language: every page that shows dates is inside it. */
const AppLayout = lazyNamed(async () => {
  const [module] = await Promise.all([
    import('../features/layout/app-layout.tsx'),
    import('../lib/dayjs-locale.ts').then((m) => m.loadDayjsLocale()),
  ]);
  return module;
}, 'AppLayout');
/**
 * The start page's chunk, with the messages My day speaks; their loader comes with the page, not
 * with the login page's first load.
 */
function withMyDayMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), import('../lib/my-day-messages.ts').then((m) => m.loadMyDayMessages())]);
    return module;
  };
}

const HomePage = lazyNamed(
  withMyDayMessages(() => import('../features/home/home-page.tsx')),
  'HomePage',
);
const ProfilePage = lazyNamed(() => import('../features/profile/profile-page.tsx'), 'ProfilePage');
const UsersPage = lazyNamed(() => import('../features/users/users-page.tsx'), 'UsersPage');
const CompaniesPage = lazyNamed(
  withDuplicateMessages(() => import('../features/companies/companies-page.tsx')),
  'CompaniesPage',
);
const CompanyPage = lazyNamed(
  withDuplicateMessages(withRelationshipMessages(() => import('../features/companies/company-page.tsx'))),
  'CompanyPage',
);
const ContactsPage = lazyNamed(
  withDuplicateMessages(() => import('../features/contacts/contacts-page.tsx')),
  'ContactsPage',
);
const ContactPage = lazyNamed(
  withDuplicateMessages(withRelationshipMessages(() => import('../features/contacts/contact-page.tsx'))),
  'ContactPage',
);
const GroupPage = lazyNamed(
  withCustomerMessages(withRelationshipMessages(() => import('../features/company-groups/group-page.tsx'))),
  'GroupPage',
);
const AgreementsPage = lazyNamed(
  withCustomerMessages(withRelationshipMessages(() => import('../features/agreements/agreements-page.tsx'))),
  'AgreementsPage',
);
const ContractsPage = lazyNamed(
  withContractMessages(() => import('../features/contracts/contracts-page.tsx')),
  'ContractsPage',
);
const ContractPage = lazyNamed(
  withContractMessages(withRelationshipMessages(() => import('../features/contracts/contract-page.tsx'))),
  'ContractPage',
);
const CalendarPage = lazyNamed(
  withContractMessages(() => import('../features/calendar/calendar-page.tsx')),
  'CalendarPage',
);
const TasksPage = lazyNamed(
  withTaskMessages(() => import('../features/tasks/tasks-page.tsx')),
  'TasksPage',
);
const TaskPage = lazyNamed(
  withTaskMessages(() => import('../features/tasks/task-page.tsx')),
  'TaskPage',
);
const AbsencesPage = lazyNamed(
  withAbsenceMessages(() => import('../features/absences/absences-page.tsx')),
  'AbsencesPage',
);
const DealsPage = lazyNamed(
  withDealMessages(() => import('../features/deals/deals-page.tsx')),
  'DealsPage',
);
const DealPage = lazyNamed(
  withDealMessages(() => import('../features/deals/deal-page.tsx')),
  'DealPage',
);
const ProductsPage = lazyNamed(
  withCatalogueMessages(() => import('../features/catalogue/products-page.tsx')),
  'ProductsPage',
);
const PriceListsPage = lazyNamed(
  withCatalogueMessages(() => import('../features/catalogue/price-lists-page.tsx')),
  'PriceListsPage',
);
const PriceListPage = lazyNamed(
  withCatalogueMessages(() => import('../features/catalogue/price-list-page.tsx')),
  'PriceListPage',
);
const QuotesPage = lazyNamed(
  withSalesMessages(() => import('../features/sales/quotes-page.tsx')),
  'QuotesPage',
);
const QuotePage = lazyNamed(
  withSalesMessages(() => import('../features/sales/quote-page.tsx')),
  'QuotePage',
);
const OrdersPage = lazyNamed(
  withSalesMessages(() => import('../features/sales/orders-page.tsx')),
  'OrdersPage',
);
const NewOrderPage = lazyNamed(
  withSalesMessages(() => import('../features/sales/orders-page.tsx')),
  'NewOrderPage',
);
const OrderPage = lazyNamed(
  withSalesMessages(() => import('../features/sales/order-page.tsx')),
  'OrderPage',
);
/** The director's pages: each loads its own messages with its chunk. */
const DashboardPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/analytics/dashboard-page.tsx'), loadAnalyticsMessages()]);
  return module;
}, 'DashboardPage');
const ReportsPage = lazyNamed(async () => {
  const [module] = await Promise.all([
    import('../features/reports/reports-page.tsx'),
    loadReportsMessages(),
    loadForecastMessages(),
    loadReportBuilderMessages(),
  ]);
  return module;
}, 'ReportsPage');
const PlansPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/plans/plans-page.tsx'), loadForecastMessages()]);
  return module;
}, 'PlansPage');
const ProcessesPage = lazyNamed(async () => {
  const [module] = await Promise.all([
    import('../features/processes/processes-page.tsx'),
    loadProcessMessages(),
    loadProcessDesignerMessages(),
  ]);
  return module;
}, 'ProcessesPage');
const ProcessDesignerPage = lazyNamed(async () => {
  const [module] = await Promise.all([
    import('../features/processes/designer-page.tsx'),
    loadProcessMessages(),
    loadProcessDesignerMessages(),
  ]);
  return module;
}, 'ProcessDesignerPage');
const ProcessMonitorPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/processes/monitor-page.tsx'), loadProcessMessages()]);
  return module;
}, 'ProcessMonitorPage');
const ProcessInstancePage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/processes/instance-page.tsx'), loadProcessMessages()]);
  return module;
}, 'ProcessInstancePage');
/** A cases page's chunk, with its messages, the knowledge base's (a reply inserts articles) and the customer ones (its pickers speak those). */
function withCaseMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadCaseMessages(), loadKbMessages()]);
    return module;
  };
}
const CasesPage = lazyNamed(
  withCaseMessages(() => import('../features/cases/cases-page.tsx')),
  'CasesPage',
);
const CasePage = lazyNamed(
  withCaseMessages(() => import('../features/cases/case-page.tsx')),
  'CasePage',
);
const CaseStatisticsPage = lazyNamed(
  withCaseMessages(async () => {
    const [module] = await Promise.all([import('../features/cases/case-statistics-page.tsx'), loadCaseStatsMessages()]);
    return module;
  }),
  'CaseStatisticsPage',
);
const CaseSettingsPage = lazyNamed(
  withCaseMessages(async () => {
    const [module] = await Promise.all([import('../features/cases/case-settings-page.tsx'), loadCaseSettingsMessages()]);
    return module;
  }),
  'CaseSettingsPage',
);
/** A knowledge-base page's chunk, with its messages. */
function withKbMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadKbMessages()]);
    return module;
  };
}
const KbPage = lazyNamed(
  withKbMessages(() => import('../features/kb/kb-page.tsx')),
  'KbPage',
);
const KbArticlePage = lazyNamed(
  withKbMessages(() => import('../features/kb/kb-article-page.tsx')),
  'KbArticlePage',
);
const KbEditorPage = lazyNamed(
  withKbMessages(() => import('../features/kb/kb-editor-page.tsx')),
  'KbEditorPage',
);
const PublicKbPage = lazyNamed(
  withKbMessages(() => import('../features/kb/public-kb-page.tsx')),
  'PublicKbPage',
);
/** A marketing page's chunk, with its messages and the customer ones (segments and pickers speak those). */
function withMarketingMessages<M>(load: () => Promise<M>, ...more: (() => Promise<void>)[]): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCustomerMessages(), loadMarketingMessages(), ...more.map((m) => m())]);
    return module;
  };
}
const CampaignsPage = lazyNamed(
  withMarketingMessages(() => import('../features/marketing/campaigns-page.tsx')),
  'CampaignsPage',
);
const CampaignPage = lazyNamed(
  withMarketingMessages(() => import('../features/marketing/campaign-page.tsx')),
  'CampaignPage',
);
const RoiPage = lazyNamed(
  withMarketingMessages(() => import('../features/marketing/roi-page.tsx')),
  'RoiPage',
);
const LeadsPage = lazyNamed(
  withMarketingMessages(() => import('../features/marketing/leads-page.tsx')),
  'LeadsPage',
);
const LeadPage = lazyNamed(
  withMarketingMessages(() => import('../features/marketing/lead-page.tsx')),
  'LeadPage',
);
const MarketingSettingsPage = lazyNamed(
  withMarketingMessages(() => import('../features/marketing/marketing-settings-page.tsx')),
  'MarketingSettingsPage',
);
const MailingsPage = lazyNamed(
  withMarketingMessages(() => import('../features/mailings/mailings-page.tsx'), loadMailingMessages),
  'MailingsPage',
);
const MailingPage = lazyNamed(
  withMarketingMessages(() => import('../features/mailings/mailing-page.tsx'), loadMailingMessages),
  'MailingPage',
);
const TemplatesPage = lazyNamed(
  withMarketingMessages(() => import('../features/mailings/templates-page.tsx'), loadMailingMessages),
  'TemplatesPage',
);
const TemplatePage = lazyNamed(
  withMarketingMessages(() => import('../features/mailings/template-page.tsx'), loadMailingMessages),
  'TemplatePage',
);
const SurveysPage = lazyNamed(
  withMarketingMessages(() => import('../features/surveys/surveys-page.tsx'), loadMailingMessages, loadSurveyMessages),
  'SurveysPage',
);
const SurveyPage = lazyNamed(
  withMarketingMessages(() => import('../features/surveys/survey-page.tsx'), loadMailingMessages, loadSurveyMessages),
  'SurveyPage',
);
const PublicSurveyPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/surveys/public-survey-page.tsx'), loadSurveyMessages()]);
  return module;
}, 'PublicSurveyPage');
const RhythmPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/rhythm/rhythm-page.tsx'), loadRhythmMessages()]);
  return module;
}, 'RhythmPage');
/** The workspace page shows the pipelines and currencies cards too: their messages come with it. */
const WorkspacePage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/workspace/workspace-page.tsx'), loadDealMessages(), loadCatalogueMessages()]);
  return module;
}, 'WorkspacePage');
const RolesPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/roles/roles-page.tsx'), loadRolesMessages()]);
  return module;
}, 'RolesPage');
const AuditLogPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/audit-log/audit-log-page.tsx'), loadAuditLogMessages()]);
  return module;
}, 'AuditLogPage');
const SystemStatusPage = lazyNamed(async () => {
  const [module] = await Promise.all([import('../features/system/system-page.tsx'), loadSystemMessages()]);
  return module;
}, 'SystemStatusPage');
const CustomFieldsPage = lazyNamed(
  withCustomerMessages(() => import('../features/custom-fields/custom-fields-page.tsx')),
  'CustomFieldsPage',
);
const ListsPage = lazyNamed(
  withCustomerMessages(() => import('../features/lists/lists-page.tsx')),
  'ListsPage',
);
const ListPage = lazyNamed(
  withCustomerMessages(() => import('../features/lists/list-page.tsx')),
  'ListPage',
);
const DuplicatesPage = lazyNamed(
  withDuplicateMessages(() => import('../features/duplicates/duplicates-page.tsx')),
  'DuplicatesPage',
);
const ImportsPage = lazyNamed(
  withImportMessages(() => import('../features/imports/pages.ts')),
  'ImportsPage',
);
const ImportWizard = lazyNamed(
  withImportMessages(() => import('../features/imports/pages.ts')),
  'ImportWizard',
);
/** A customer-portal page's chunk, with the portal's messages and those it speaks. */
function withPortalMessages<M>(load: () => Promise<M>, ...more: (() => Promise<void>)[]): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadPortalMessages(), ...more.map((m) => m())]);
    return module;
  };
}
const PortalLayout = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-layout.tsx')),
  'PortalLayout',
);
const PortalLoginPage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-login-page.tsx')),
  'PortalLoginPage',
);
const PortalLinkPage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-link-page.tsx')),
  'PortalLinkPage',
);
const PortalEntryPage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-entry-page.tsx')),
  'PortalEntryPage',
);
const PortalProfilePage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-profile-page.tsx')),
  'PortalProfilePage',
);
const PortalUsersPage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-users-page.tsx'), loadCustomerMessages, loadPortalUserMessages),
  'PortalUsersPage',
);
const PortalHomePage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-home-page.tsx'), loadPortalHomeMessages),
  'PortalHomePage',
);
const PortalCasesPage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-cases-page.tsx'), loadPortalCaseMessages),
  'PortalCasesPage',
);
const PortalNewCasePage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-new-case-page.tsx'), loadPortalCaseMessages),
  'PortalNewCasePage',
);
const PortalCasePage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-case-page.tsx'), loadPortalCaseMessages),
  'PortalCasePage',
);
const PortalHelpPage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-help-page.tsx'), loadPortalCaseMessages),
  'PortalHelpPage',
);
const PortalOrdersPage = lazyNamed(
  withPortalMessages(() => import('../features/portal/portal-orders-page.tsx'), loadPortalHomeMessages),
  'PortalOrdersPage',
);
const PortalIdeasPage = lazyNamed(
  withPortalMessages(() => import('../features/community/portal-ideas-page.tsx'), loadIdeaMessages),
  'PortalIdeasPage',
);
const PortalIdeaPage = lazyNamed(
  withPortalMessages(() => import('../features/community/portal-idea-page.tsx'), loadIdeaMessages),
  'PortalIdeaPage',
);
const PortalQuestionsPage = lazyNamed(
  withPortalMessages(() => import('../features/community/portal-questions-page.tsx'), loadCommunityMessages),
  'PortalQuestionsPage',
);
const PortalQuestionPage = lazyNamed(
  withPortalMessages(() => import('../features/community/portal-question-page.tsx'), loadCommunityMessages),
  'PortalQuestionPage',
);
/** Staff's pages about ideas and community questions. */
function withCommunityMessages<M>(load: () => Promise<M>): () => Promise<M> {
  return async () => {
    const [module] = await Promise.all([load(), loadCommunityMessages(), loadIdeaMessages(), loadCustomerMessages()]);
    return module;
  };
}
const IdeasPage = lazyNamed(
  withCommunityMessages(() => import('../features/community/ideas-page.tsx')),
  'IdeasPage',
);
const IdeaPage = lazyNamed(
  withCommunityMessages(() => import('../features/community/idea-page.tsx')),
  'IdeaPage',
);
const QuestionsPage = lazyNamed(
  withCommunityMessages(() => import('../features/community/questions-page.tsx')),
  'QuestionsPage',
);
const QuestionPage = lazyNamed(
  withCommunityMessages(() => import('../features/community/question-page.tsx')),
  'QuestionPage',
);
const ModerationPage = lazyNamed(
  withCommunityMessages(() => import('../features/community/moderation-page.tsx')),
  'ModerationPage',
);
const NotFoundPage = lazyNamed(() => import('../features/layout/not-found-page.tsx'), 'NotFoundPage');

function standalone(page: ReactNode) {
  return <Suspense fallback={<PageSpinner fullScreen />}>{page}</Suspense>;
}

function inLayout(page: ReactNode) {
  return <Suspense fallback={<PageSpinner />}>{page}</Suspense>;
}

/** Every page of the app; each one is its own chunk, loaded when first visited. */
export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: '/login', element: standalone(<LoginPage />) },
        { path: '/setup', element: standalone(<SetupPage />) },
        { path: '/help/:workspace', element: standalone(<PublicKbPage />) },
        { path: '/s/:token', element: standalone(<PublicSurveyPage />) },
        { path: '/help/:workspace/:id', element: standalone(<PublicKbPage />) },
        { path: '/portal', element: standalone(<PortalEntryPage />) },
        { path: '/portal/link/:token', element: standalone(<PortalLinkPage />) },
        { path: '/portal/:workspace/login', element: standalone(<PortalLoginPage />) },
        {
          path: '/portal/:workspace',
          element: standalone(<PortalLayout />),
          children: [
            { index: true, element: inLayout(<PortalHomePage />) },
            { path: 'cases', element: inLayout(<PortalCasesPage />) },
            { path: 'cases/new', element: inLayout(<PortalNewCasePage />) },
            { path: 'cases/:id', element: inLayout(<PortalCasePage />) },
            { path: 'help', element: inLayout(<PortalHelpPage />) },
            { path: 'help/:id', element: inLayout(<PortalHelpPage />) },
            { path: 'orders', element: inLayout(<PortalOrdersPage />) },
            { path: 'ideas', element: inLayout(<PortalIdeasPage />) },
            { path: 'ideas/:id', element: inLayout(<PortalIdeaPage />) },
            { path: 'community', element: inLayout(<PortalQuestionsPage />) },
            { path: 'community/:id', element: inLayout(<PortalQuestionPage />) },
            { path: 'profile', element: inLayout(<PortalProfilePage />) },
          ],
        },
        {
          element: <RequireAuth />,
          children: [
            {
              element: standalone(<AppLayout />),
              children: [
                { index: true, element: inLayout(<HomePage />) },
                { path: 'profile', element: inLayout(<ProfilePage />) },
                { path: 'portal-users', element: inLayout(<PortalUsersPage />) },
                { path: 'ideas', element: inLayout(<IdeasPage />) },
                { path: 'ideas/:id', element: inLayout(<IdeaPage />) },
                { path: 'community', element: inLayout(<QuestionsPage />) },
                { path: 'community/:id', element: inLayout(<QuestionPage />) },
                { path: 'moderation', element: inLayout(<ModerationPage />) },
                { path: 'companies', element: inLayout(<CompaniesPage />) },
                { path: 'companies/:id', element: inLayout(<CompanyPage />) },
                { path: 'contacts', element: inLayout(<ContactsPage />) },
                { path: 'contacts/:id', element: inLayout(<ContactPage />) },
                { path: 'duplicates', element: inLayout(<DuplicatesPage />) },
                { path: 'company-groups/:id', element: inLayout(<GroupPage />) },
                { path: 'agreements', element: inLayout(<AgreementsPage />) },
                { path: 'contracts', element: inLayout(<ContractsPage />) },
                { path: 'contracts/:id', element: inLayout(<ContractPage />) },
                { path: 'calendar', element: inLayout(<CalendarPage />) },
                { path: 'deals', element: inLayout(<DealsPage />) },
                { path: 'deals/:id', element: inLayout(<DealPage />) },
                { path: 'quotes', element: inLayout(<QuotesPage />) },
                { path: 'quotes/:id', element: inLayout(<QuotePage />) },
                { path: 'orders', element: inLayout(<OrdersPage />) },
                { path: 'orders/new', element: inLayout(<NewOrderPage />) },
                { path: 'orders/:id', element: inLayout(<OrderPage />) },
                { path: 'products', element: inLayout(<ProductsPage />) },
                { path: 'price-lists', element: inLayout(<PriceListsPage />) },
                { path: 'price-lists/:id', element: inLayout(<PriceListPage />) },
                { path: 'tasks', element: inLayout(<TasksPage />) },
                { path: 'tasks/:id', element: inLayout(<TaskPage />) },
                { path: 'absences', element: inLayout(<AbsencesPage />) },
                { path: 'lists', element: inLayout(<ListsPage />) },
                { path: 'lists/:id', element: inLayout(<ListPage />) },
                { path: 'imports', element: inLayout(<ImportsPage />) },
                { path: 'imports/new', element: inLayout(<ImportWizard />) },
                { path: 'imports/:id', element: inLayout(<ImportWizard />) },
                { path: 'dashboard', element: inLayout(<DashboardPage />) },
                { path: 'reports', element: inLayout(<ReportsPage />) },
                { path: 'reports/:report', element: inLayout(<ReportsPage />) },
                { path: 'rhythm', element: inLayout(<RhythmPage />) },
                { path: 'plans', element: inLayout(<PlansPage />) },
                { path: 'processes', element: inLayout(<ProcessesPage />) },
                { path: 'processes/instances/:id', element: inLayout(<ProcessInstancePage />) },
                { path: 'processes/:id', element: inLayout(<ProcessMonitorPage />) },
                { path: 'processes/:id/design', element: inLayout(<ProcessDesignerPage />) },
                { path: 'cases', element: inLayout(<CasesPage />) },
                { path: 'cases/statistics', element: inLayout(<CaseStatisticsPage />) },
                { path: 'cases/settings', element: inLayout(<CaseSettingsPage />) },
                { path: 'cases/:id', element: inLayout(<CasePage />) },
                { path: 'kb', element: inLayout(<KbPage />) },
                { path: 'kb/new', element: inLayout(<KbEditorPage />) },
                { path: 'kb/:id', element: inLayout(<KbArticlePage />) },
                { path: 'kb/:id/edit', element: inLayout(<KbEditorPage />) },
                { path: 'campaigns', element: inLayout(<CampaignsPage />) },
                { path: 'campaigns/:id', element: inLayout(<CampaignPage />) },
                { path: 'marketing/roi', element: inLayout(<RoiPage />) },
                { path: 'marketing/settings', element: inLayout(<MarketingSettingsPage />) },
                { path: 'leads', element: inLayout(<LeadsPage />) },
                { path: 'leads/:id', element: inLayout(<LeadPage />) },
                { path: 'mailings', element: inLayout(<MailingsPage />) },
                { path: 'mailings/:id', element: inLayout(<MailingPage />) },
                { path: 'templates', element: inLayout(<TemplatesPage />) },
                { path: 'templates/:id', element: inLayout(<TemplatePage />) },
                { path: 'surveys', element: inLayout(<SurveysPage />) },
                { path: 'surveys/:id', element: inLayout(<SurveyPage />) },
                { path: 'admin/users', element: inLayout(<UsersPage />) },
                { path: 'admin/custom-fields', element: inLayout(<CustomFieldsPage />) },
                { path: 'admin/roles', element: inLayout(<RolesPage />) },
                { path: 'admin/audit-log', element: inLayout(<AuditLogPage />) },
                { path: 'admin/system', element: inLayout(<SystemStatusPage />) },
                { path: 'admin/workspace', element: inLayout(<WorkspacePage />) },
                { path: '*', element: inLayout(<NotFoundPage />) },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
