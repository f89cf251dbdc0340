import 'i18next';
import type absences from './locales/absences/en.json';
import type catalogue from './locales/catalogue/en.json';
import type contracts from './locales/contracts/en.json';
import type customers from './locales/customers/en.json';
import type deals from './locales/deals/en.json';
import type duplicates from './locales/duplicates/en.json';
import type en from './locales/en.json';
import type imports from './locales/imports/en.json';
import type myDay from './locales/my-day/en.json';
import type notificationSettings from './locales/notification-settings/en.json';
import type relationships from './locales/relationships/en.json';
import type sales from './locales/sales/en.json';
import type tasks from './locales/tasks/en.json';

// Module augmentation needs an interface: it makes every `t('key')` checked against en.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en;
      customers: typeof customers;
      imports: typeof imports;
      duplicates: typeof duplicates;
      relationships: typeof relationships;
      contracts: typeof contracts;
      tasks: typeof tasks;
      absences: typeof absences;
      myDay: typeof myDay;
      notificationSettings: typeof notificationSettings;
      catalogue: typeof catalogue;
      deals: typeof deals;
      sales: typeof sales;
      taskSettings: typeof import('./locales/task-settings/en.json');
      analytics: typeof import('./locales/analytics/en.json');
      reports: typeof import('./locales/reports/en.json');
      rhythm: typeof import('./locales/rhythm/en.json');
      forecast: typeof import('./locales/forecast/en.json');
      reportBuilder: typeof import('./locales/report-builder/en.json');
      processes: typeof import('./locales/processes/en.json');
      processDesigner: typeof import('./locales/process-designer/en.json');
      cases: typeof import('./locales/cases/en.json');
      kb: typeof import('./locales/kb/en.json');
      caseSettings: typeof import('./locales/case-settings/en.json');
      caseStats: typeof import('./locales/case-stats/en.json');
      marketing: typeof import('./locales/marketing/en.json');
      mailings: typeof import('./locales/mailings/en.json');
      surveys: typeof import('./locales/surveys/en.json');
      portal: typeof import('./locales/portal/en.json');
      portalCases: typeof import('./locales/portal-cases/en.json');
      community: typeof import('./locales/community/en.json');
      portalUsers: typeof import('./locales/portal-users/en.json');
      portalHome: typeof import('./locales/portal-home/en.json');
      ideas: typeof import('./locales/ideas/en.json');
      roles: typeof import('./locales/roles/en.json');
      auditLog: typeof import('./locales/audit-log/en.json');
      gdpr: typeof import('./locales/gdpr/en.json');
      system: typeof import('./locales/system/en.json');
    };
  }
}
