import {
  OPEN_CASE_STATUSES,
  type TCaseStatus,
  type TLocalisedText,
  type TPortalHome,
  type TPortalManager,
  type TPortalSurvey,
  type TPortalSurveys,
} from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { newestVisibleCases, visibleCaseSql } from './portal-cases.ts';
import { latestPortalOrders } from './portal-documents-sales.ts';
import type { PortalActor } from './portal-session.ts';

const SURVEYS_SHOWN = 50;

type SurveyRow = { token: string; title: TLocalisedText; language: 'en' | 'ru' | 'it'; sent_at: Date | null; answered_at: Date | null };

/** The survey's title in the customer's language, else in the invitation's, else the first it has. */
function titleOf(row: SurveyRow, language: PortalActor['language']): string {
  return row.title[language] || row.title[row.language] || row.title.en || row.title.ru || row.title.it || '';
}

const toSurvey = (row: SurveyRow, language: PortalActor['language']): TPortalSurvey => ({
  title: titleOf(row, language),
  sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
  link: `/s/${row.token}`,
});

/**
 * The contact's survey invitations: those sent and still answerable (the survey open, not
 * answered), and those answered. An invitation never sent (no consent, no address) is not listed:
 * staff chose not to ask.
 */
export async function portalSurveys(db: Database, actor: PortalActor): Promise<TPortalSurveys> {
  const { rows } = await db.execute<SurveyRow>(sql`
    SELECT i.token, s.title, i.language, i.sent_at, i.answered_at
      FROM survey_invitation i
      JOIN survey s ON s.workspace_id = i.workspace_id AND s.id = i.survey_id
     WHERE i.workspace_id = ${actor.workspaceId} AND i.contact_id = ${actor.contactId} AND s.deleted_at IS NULL
       AND ((i.answered_at IS NULL AND i.status = 'sent' AND s.status = 'open') OR i.answered_at IS NOT NULL)
     ORDER BY coalesce(i.answered_at, i.sent_at, i.created_at) DESC
     LIMIT ${SURVEYS_SHOWN * 2}`);
  const waiting = rows.filter((r) => r.answered_at === null).slice(0, SURVEYS_SHOWN);
  const answered = rows.filter((r) => r.answered_at !== null).slice(0, SURVEYS_SHOWN);
  return { waiting: waiting.map((r) => toSurvey(r, actor.language)), answered: answered.map((r) => toSurvey(r, actor.language)) };
}

type ManagerRow = { name: string; email: string; company_id: string; company_name: string };

/**
 * The owner of the customer's company when the company is served by a dedicated manager (the
 * first such company by name); null for every other relationship style, or without an active owner.
 */
export async function portalManager(db: Database, actor: PortalActor): Promise<TPortalManager | null> {
  if (actor.companyIds.length === 0) return null;
  const { rows } = await db.execute<ManagerRow>(sql`
    SELECT u.name, u.email, co.id AS company_id, co.name AS company_name
      FROM company co
      JOIN app_user u ON u.workspace_id = co.workspace_id AND u.id = co.owner_id
     WHERE co.workspace_id = ${actor.workspaceId} AND co.id = ANY(${sql.param(actor.companyIds)}::uuid[])
       AND co.relationship_style = 'dedicated_manager' AND co.deleted_at IS NULL AND u.active
     ORDER BY co.name, co.id
     LIMIT 1`);
  const row = rows[0];
  // The staff record keeps no phone of its own yet.
  return row ? { name: row.name, email: row.email, phone: null, company: { id: row.company_id, name: row.company_name } } : null;
}

type CaseRow = { id: string; number: string; subject: string; status: TCaseStatus; created_at: Date };

/** Everything the portal's first page shows: open cases and those waiting for the customer, the latest ones, orders, surveys, the manager. */
export async function portalHome(db: Database, actor: PortalActor): Promise<TPortalHome> {
  const open = sql.join(
    OPEN_CASE_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  const [counts, latest, orders, surveys, manager] = await Promise.all([
    db.execute<{ open: number; waiting: number }>(sql`
      SELECT count(*)::int AS open, count(*) FILTER (WHERE c.status = 'waiting_customer')::int AS waiting
        FROM support_case c WHERE ${visibleCaseSql(actor)} AND c.status IN (${open})`),
    db.execute<CaseRow>(sql`
      WITH picked AS (${newestVisibleCases(actor, sql``, 3)})
      SELECT c.id, c.number, c.subject, c.status, c.created_at
        FROM picked JOIN support_case c ON c.workspace_id = ${actor.workspaceId} AND c.id = picked.id
       ORDER BY c.created_at DESC, c.id DESC`),
    latestPortalOrders(db, actor),
    portalSurveys(db, actor),
    portalManager(db, actor),
  ]);
  return {
    cases: {
      open: counts.rows[0]?.open ?? 0,
      waitingForYou: counts.rows[0]?.waiting ?? 0,
      latest: latest.rows.map((c) => ({
        id: c.id,
        number: c.number,
        subject: c.subject,
        status: c.status,
        createdAt: new Date(c.created_at).toISOString(),
      })),
    },
    orders,
    surveys: surveys.waiting,
    manager,
  };
}
