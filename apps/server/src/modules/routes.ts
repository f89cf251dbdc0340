import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../http/route-helpers.ts';
import { absenceRoutes } from './absences/absences.routes.ts';
import { activityRoutes } from './activities/activities.routes.ts';
import { agreementRoutes } from './agreements/agreements.routes.ts';
import { analysisRoutes } from './analysis/analysis.routes.ts';
import { analyticsRoutes } from './analytics/analytics.routes.ts';
import { apiTokenRoutes } from './api-tokens/api-tokens.routes.ts';
import { attachmentRoutes } from './attachments/attachments.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { campaignRoutes } from './campaigns/campaigns.routes.ts';
import { caseSettingsRoutes } from './cases/case-settings.routes.ts';
import { caseStatisticsRoutes } from './cases/case-statistics.routes.ts';
import { caseRoutes } from './cases/cases.routes.ts';
import { slaRoutes } from './cases/sla/sla.routes.ts';
import { communityQuestionRoutes } from './community/community-questions.routes.ts';
import { ideaRoutes } from './community/ideas.routes.ts';
import { companyGroupRoutes, companyRoutes } from './companies/companies.routes.ts';
import { contactRoutes } from './contacts/contacts.routes.ts';
import { contractRoutes } from './contracts/contracts.routes.ts';
import { currencyRoutes } from './currencies/currencies.routes.ts';
import { customFieldRoutes } from './custom-fields/custom-fields.routes.ts';
import { dealRoutes } from './deals/deals.routes.ts';
import { duplicateRoutes } from './duplicates/duplicates.routes.ts';
import { exportRoutes } from './exports/exports.routes.ts';
import { gdprRoutes } from './gdpr/gdpr.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { kbRoutes } from './kb/kb.routes.ts';
import { leadRoutes } from './leads/leads.routes.ts';
import { mailingRoutes } from './mailings/mailings.routes.ts';
import { myDayRoutes } from './my-day/my-day.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { planningRoutes } from './planning/planning.routes.ts';
import { portalUserRoutes } from './portal/portal-users.routes.ts';
import { processDefinitionRoutes } from './processes/definitions.routes.ts';
import { processInstanceRoutes } from './processes/instances.routes.ts';
import { processMonitorRoutes } from './processes/monitor.routes.ts';
import { productRoutes } from './products/products.routes.ts';
import { reportBuilderRoutes } from './report-builder/report-builder.routes.ts';
import { rhythmRoutes } from './rhythm/rhythm.routes.ts';
import { recordShareRoutes } from './roles/record-shares.routes.ts';
import { roleRoutes } from './roles/roles.routes.ts';
import { salesRoutes } from './sales/sales.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { surveyRoutes } from './surveys/surveys.routes.ts';
import { systemRoutes } from './system/system.routes.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { unitRoutes } from './units/units.routes.ts';
import { userRoutes } from './users/users.routes.ts';
import { listRoutes, viewRoutes } from './views/views.routes.ts';
import { workspaceRoutes } from './workspaces/settings.ts';

/** Every module's routes, mounted under /api/v1. */
export async function registerModules(api: FastifyInstance, options: ModuleOptions) {
  for (const routes of [
    authRoutes,
    userRoutes,
    unitRoutes,
    apiTokenRoutes,
    companyRoutes,
    companyGroupRoutes,
    contactRoutes,
    customFieldRoutes,
    searchRoutes,
    viewRoutes,
    listRoutes,
    exportRoutes,
    importRoutes,
    duplicateRoutes,
    workspaceRoutes,
    activityRoutes,
    agreementRoutes,
    contractRoutes,
    attachmentRoutes,
    calendarRoutes,
    notificationRoutes,
    taskRoutes,
    absenceRoutes,
    myDayRoutes,
    currencyRoutes,
    dealRoutes,
    productRoutes,
    salesRoutes,
    analyticsRoutes,
    analysisRoutes,
    rhythmRoutes,
    planningRoutes,
    reportBuilderRoutes,
    processDefinitionRoutes,
    processInstanceRoutes,
    processMonitorRoutes,
    caseSettingsRoutes,
    slaRoutes,
    caseRoutes,
    caseStatisticsRoutes,
    kbRoutes,
    campaignRoutes,
    leadRoutes,
    mailingRoutes,
    surveyRoutes,
    portalUserRoutes,
    ideaRoutes,
    communityQuestionRoutes,
    roleRoutes,
    recordShareRoutes,
    auditRoutes,
    gdprRoutes,
    systemRoutes,
  ]) {
    await api.register(async (scope) => routes(scope, options));
  }
}
