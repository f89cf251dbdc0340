import type { TRole } from '@clientela/contract';
import { type Actor, policyCatalogue, scopeOf } from '../../modules/authz/index.ts';
import type { Operation } from './openapi.ts';

/**
 * Who may call a route, as the permission matrix checks it:
 * - `public`: anyone, without a session (sign-in, setup, the public knowledge base and surveys);
 * - `policy`: a record route whose policy (`scopeOf`) tells how far each role reaches;
 * - `member`: any signed-in member of the workspace (their own settings, lookups, the records they list);
 * - `own`: any member, but a record it names is its creator's alone (views, lists);
 * - `manager`: admins and managers; `admin`: admins only.
 */
export type Rule =
  | { kind: 'public' }
  | { kind: 'member' }
  | { kind: 'manager' }
  | { kind: 'admin' }
  | { kind: 'own' }
  | { kind: 'policy'; resource: string; action: string };

/** Path segments (after /api/v1) whose routes a module policy governs, and the policy's name. */
const RESOURCES: Record<string, string> = {
  absences: 'absences',
  activities: 'activities',
  agreements: 'agreements',
  'api-tokens': 'api-tokens',
  attachments: 'attachments',
  campaigns: 'marketing',
  marketing: 'marketing',
  'lead-sources': 'marketing',
  cases: 'cases',
  'case-types': 'case-settings',
  'case-routing-rules': 'case-settings',
  'sla-policies': 'case-settings',
  'working-calendars': 'case-settings',
  'community-questions': 'community-questions',
  'community-answers': 'community-questions',
  ideas: 'ideas',
  'idea-comments': 'ideas',
  companies: 'companies',
  contacts: 'contacts',
  contracts: 'contracts',
  deals: 'deals',
  'kb-articles': 'kb-articles',
  'kb-categories': 'kb-categories',
  leads: 'leads',
  'web-forms': 'web-forms',
  mailings: 'mailings',
  templates: 'mailings',
  plans: 'plans',
  quotes: 'sales',
  orders: 'sales',
  payments: 'sales',
  credit: 'sales',
  surveys: 'surveys',
  tasks: 'tasks',
  units: 'units',
  users: 'users',
  'custom-fields': 'custom-fields',
};

/**
 * Routes the policy mapping cannot derive, each with its rule. Keyed `METHOD path` (a RegExp source
 * matched on the whole key). The first match wins; keep the specific ones first.
 */
export const EXPLICIT: [pattern: string, rule: Rule][] = [
  ['(GET|POST) /api/v1/setup', { kind: 'public' }],
  ['POST /api/v1/auth/(login|logout)', { kind: 'public' }],
  ['\\w+ /api/v1/public/.*', { kind: 'public' }],
  ['\\w+ /api/portal/.*', { kind: 'public' }],
  ['POST /api/v1/public/surveys/.*', { kind: 'public' }],
  ['\\w+ /api/v1/(auth/session|me|me/password)', { kind: 'member' }],
  ['\\w+ /api/v1/(views|lists)(/.*)?', { kind: 'own' }],
  ['\\w+ /api/v1/(exports|imports|import-templates|duplicates|merges)(/.*)?', { kind: 'member' }],
  ['GET /api/v1/workspace(/logo)?', { kind: 'member' }],
  ['\\w+ /api/v1/workspace(/logo)?', { kind: 'admin' }],
  ['GET /api/v1/(activities|contracts|attachments|company-groups)(/.*)?', { kind: 'member' }],
  ['\\w+ /api/v1/(company-groups)(/.*)?', { kind: 'manager' }],
  ['POST /api/v1/(attachments|tasks)', { kind: 'member' }],
  ['\\w+ /api/v1/(calendar|notifications|my-day|search|case-statistics|saved-reports|reports/builder)(/.*)?', { kind: 'member' }],
  ['GET /api/v1/(currencies|pipelines|products|price-lists)(/.*)?', { kind: 'member' }],
  ['\\w+ /api/v1/(currencies|pipelines)(/.*)?', { kind: 'admin' }],
  ['\\w+ /api/v1/(products|price-lists)(/.*)?', { kind: 'manager' }],
  ['PUT /api/v1/(reports/abc/settings|rhythm/rules|tasks/reminder-rules)', { kind: 'admin' }],
  ['POST /api/v1/reports/abc/apply', { kind: 'admin' }],
  ['GET /api/v1/(dashboards|reports|forecasts|rhythm|tasks/lead-time|tasks/reminder-rules|plans/targets)(/.*)?', { kind: 'member' }],
  ['GET /api/v1/(process-definitions|process-instances|process-tasks)(/.*)?', { kind: 'member' }],
  ['\\w+ /api/v1/process-definitions(/.*)?', { kind: 'admin' }],
  ['\\w+ /api/v1/process-instances(/.*)?', { kind: 'manager' }],
  ['POST /api/v1/process-tasks/.*', { kind: 'member' }],
  ['GET /api/v1/units/\\{id\\}/lead-times', { kind: 'member' }],
  ['PUT /api/v1/units/\\{id\\}/lead-times', { kind: 'policy', resource: 'unit-lead-times', action: 'update' }],
  ['POST /api/v1/mailings/bounces', { kind: 'admin' }],
  ['POST /api/v1/kb-articles/\\{id\\}/feedback', { kind: 'policy', resource: 'kb-articles', action: 'read' }],
  ['DELETE /api/v1/api-tokens/\\{id\\}', { kind: 'policy', resource: 'api-tokens', action: 'revoke' }],
  ['PUT /api/v1/plans', { kind: 'policy', resource: 'plans', action: 'set' }],
  ['\\w+ /api/v1/portal-users(/.*)?', { kind: 'member' }],
  [
    '(PATCH /api/v1/ideas/\\{id\\}|POST /api/v1/(ideas|idea-comments)/\\{id\\}/review)',
    { kind: 'policy', resource: 'ideas', action: 'moderate' },
  ],
  ['POST /api/v1/ideas/\\{id\\}/comments', { kind: 'policy', resource: 'ideas', action: 'comment' }],
  ['POST /api/v1/community-(questions|answers)/\\{id\\}/review', { kind: 'policy', resource: 'community-questions', action: 'moderate' }],
  ['POST /api/v1/community-questions/\\{id\\}/answers', { kind: 'policy', resource: 'community-questions', action: 'answer' }],
  ['POST /api/v1/community-questions/\\{id\\}/accept', { kind: 'policy', resource: 'community-questions', action: 'accept' }],
  ['POST /api/v1/community-questions/\\{id\\}/promote', { kind: 'policy', resource: 'community-questions', action: 'promote' }],
  ['\\w+ /api/v1/(roles|audit-log|system)(/.*)?', { kind: 'admin' }],
  // Any member may ask; the record named decides (who may change it may share it; record-shares.test.ts).
  ['\\w+ /api/v1/record-shares(/.*)?', { kind: 'member' }],
  ['POST /api/v1/gdpr/.*', { kind: 'admin' }],
  ['GET /api/v1/gdpr/.*', { kind: 'manager' }],
];

const catalogue = () => new Map(policyCatalogue().map((p) => [p.resource, new Set(p.actions.map((a) => a.action))]));

/** The rule of one operation; undefined when neither the policies nor the explicit table know it. */
export function ruleOf(operation: Operation): Rule | undefined {
  const key = `${operation.method} ${operation.path}`;
  for (const [pattern, rule] of EXPLICIT) if (new RegExp(`^${pattern}$`).test(key)) return rule;
  const segments = operation.path.replace(/^\/api\/v1\//, '').split('/');
  const resource = RESOURCES[segments[0] ?? ''];
  if (!resource) return undefined;
  const actions = catalogue().get(resource);
  if (!actions) return undefined;
  const isCollection = segments.length === 1;
  let action =
    operation.method === 'GET'
      ? 'read'
      : operation.method === 'DELETE' && !isCollection
        ? 'delete'
        : operation.method === 'POST' && isCollection
          ? 'create'
          : 'update';
  if (!actions.has(action) && operation.method !== 'GET' && actions.has('manage')) action = 'manage';
  return actions.has(action) ? { kind: 'policy', resource, action } : undefined;
}

/** The scope a built-in role (without a defined role) reaches for an action. */
export function roleScope(role: TRole, resource: string, action: string) {
  return scopeOf({ role, permissions: undefined } as unknown as Actor, resource, action);
}
