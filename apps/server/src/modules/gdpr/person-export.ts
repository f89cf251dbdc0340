import { PERSON_EXPORT_FORMAT, type TPersonExport } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertMayExport, findPerson } from './person-access.ts';

type Row = Record<string, unknown>;

/** Each row of a query as one JSON object (`SELECT to_jsonb(…) AS row …`). */
async function rows(db: Executor, query: SQL): Promise<Row[]> {
  const result = await db.execute<{ row: Row }>(query);
  return result.rows.map((r) => r.row);
}

/**
 * Everything the workspace holds about one person (GDPR access and portability), in one consistent
 * snapshot: their contact and custom fields, companies, activities, tasks, deals, quotes, orders,
 * agreements, contracts, cases with every message, attachments' metadata, consent events, mailings,
 * surveys, the leads they came from, their portal account (no password hash) and the contact's history.
 * Admins and managers (for the contacts they may read) export; employees may not.
 */
export async function exportPerson(ctx: Ctx, contactId: string): Promise<TPersonExport> {
  assertMayExport(ctx);
  const ws = ctx.actor.workspaceId;
  return ctx.db.transaction(
    async (tx) => {
      await findPerson(ctx, tx, contactId);
      // Dates leave as ISO 8601 in UTC, whatever the server's zone.
      await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
      const [contact] = await rows(
        tx,
        sql`SELECT to_jsonb(c) - 'workspace_id' - 'search_text' - 'search_vector' AS row FROM contact c WHERE c.workspace_id = ${ws} AND c.id = ${contactId}`,
      );
      const [workspace] = await rows(tx, sql`SELECT jsonb_build_object('id', id, 'name', name) AS row FROM workspace WHERE id = ${ws}`);
      if (!contact || !workspace) throw notFound('contact');
      const [portalAccount] = await rows(
        tx,
        sql`SELECT to_jsonb(p) - 'workspace_id' - 'password_hash' AS row FROM portal_user p WHERE p.workspace_id = ${ws} AND p.contact_id = ${contactId}`,
      );
      const portalUserId = (portalAccount?.id as string | undefined) ?? null;
      const emails = ((contact.emails as { value: string }[] | null) ?? []).map((e) => e.value.trim().toLowerCase()).filter(Boolean);
      const emailList =
        emails.length > 0
          ? sql.join(
              emails.map((e) => sql`${e}`),
              sql`, `,
            )
          : sql`NULL`;
      const caseIds = sql`SELECT s.id FROM support_case s WHERE s.workspace_id = ${ws}
        AND (s.contact_id = ${contactId} OR s.created_by_portal_user_id = ${portalUserId})`;
      const [
        customFields,
        companies,
        activities,
        tasks,
        deals,
        quotes,
        orders,
        agreements,
        contracts,
        cases,
        caseMessages,
        attachments,
        consentEvents,
        mailingRecipients,
        surveyInvitations,
        surveyResponses,
        leads,
        history,
        erasures,
      ] = await Promise.all([
        rows(
          tx,
          sql`SELECT jsonb_build_object('key', f.key, 'label', f.label, 'type', f.type, 'value', c.custom -> f.key) AS row
                FROM custom_field f, contact c
               WHERE f.workspace_id = ${ws} AND f.entity = 'contact' AND c.workspace_id = ${ws} AND c.id = ${contactId}
                 AND c.custom ? f.key ORDER BY f.position, f.key`,
        ),
        rows(
          tx,
          sql`SELECT jsonb_build_object('companyId', co.id, 'name', co.name, 'role', cc.role) AS row FROM contact_company cc
                JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id
               WHERE cc.workspace_id = ${ws} AND cc.contact_id = ${contactId} ORDER BY co.name`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(a) - 'workspace_id' AS row FROM activity a
               WHERE a.workspace_id = ${ws} AND a.id IN (SELECT activity_id FROM activity_link
                     WHERE workspace_id = ${ws} AND entity_type = 'contact' AND entity_id = ${contactId})
               ORDER BY a.occurred_at, a.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(t) - 'workspace_id' AS row FROM task t
               WHERE t.workspace_id = ${ws} AND t.id IN (SELECT task_id FROM task_link
                     WHERE workspace_id = ${ws} AND record_type = 'contact' AND record_id = ${contactId})
               ORDER BY t.created_at, t.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(d) - 'workspace_id' AS row FROM deal d WHERE d.workspace_id = ${ws} AND d.contact_id = ${contactId} ORDER BY d.created_at, d.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(q) - 'workspace_id' AS row FROM quote q WHERE q.workspace_id = ${ws} AND q.contact_id = ${contactId} ORDER BY q.created_at, q.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(o) - 'workspace_id' AS row FROM sales_order o WHERE o.workspace_id = ${ws} AND o.contact_id = ${contactId} ORDER BY o.created_at, o.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(a) - 'workspace_id' AS row FROM agreement a WHERE a.workspace_id = ${ws} AND a.contact_id = ${contactId} ORDER BY a.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(c) - 'workspace_id' AS row FROM contract c WHERE c.workspace_id = ${ws} AND c.contact_id = ${contactId} ORDER BY c.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(s) - 'workspace_id' AS row FROM support_case s WHERE s.workspace_id = ${ws} AND s.id IN (${caseIds}) ORDER BY s.created_at, s.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(m) - 'workspace_id' AS row FROM case_message m WHERE m.workspace_id = ${ws} AND m.case_id IN (${caseIds}) ORDER BY m.created_at, m.id`,
        ),
        rows(
          tx,
          sql`SELECT jsonb_build_object('id', a.id, 'entityType', a.entity_type, 'entityId', a.entity_id, 'fileName', a.file_name,
                       'contentType', a.content_type, 'size', a.size, 'createdAt', a.created_at) AS row
                FROM attachment a
               WHERE a.workspace_id = ${ws}
                 AND ((a.entity_type = 'contact' AND a.entity_id = ${contactId}) OR a.uploaded_by_portal_user_id = ${portalUserId}
                      OR (a.entity_type = 'case' AND a.entity_id IN (${caseIds})))
               ORDER BY a.created_at, a.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(e) - 'workspace_id' AS row FROM consent_event e WHERE e.workspace_id = ${ws} AND e.contact_id = ${contactId} ORDER BY e.at, e.id`,
        ),
        rows(
          tx,
          sql`SELECT jsonb_build_object('mailingId', m.id, 'mailing', m.name, 'email', r.email, 'status', r.status, 'sentAt', r.sent_at,
                       'openedAt', r.opened_at, 'clickedAt', r.clicked_at) AS row
                FROM mailing_recipient r JOIN mailing m ON m.workspace_id = r.workspace_id AND m.id = r.mailing_id
               WHERE r.workspace_id = ${ws} AND r.contact_id = ${contactId} ORDER BY m.created_at, m.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(i) - 'workspace_id' - 'token' AS row FROM survey_invitation i WHERE i.workspace_id = ${ws} AND i.contact_id = ${contactId} ORDER BY i.created_at`,
        ),
        rows(
          tx,
          sql`SELECT jsonb_build_object('survey', s.name, 'language', r.language, 'answers', r.answers, 'submittedAt', r.submitted_at) AS row
                FROM survey_response r JOIN survey s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
               WHERE r.workspace_id = ${ws} AND r.contact_id = ${contactId} ORDER BY r.submitted_at`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(l) - 'workspace_id' AS row FROM lead l
               WHERE l.workspace_id = ${ws} AND (l.converted_contact_id = ${contactId} OR lower(btrim(l.email)) IN (${emailList}))
               ORDER BY l.created_at, l.id`,
        ),
        rows(
          tx,
          sql`SELECT jsonb_build_object('at', h.at, 'action', h.action, 'by', u.name, 'changes', h.changes) AS row
                FROM record_change h LEFT JOIN app_user u ON u.workspace_id = h.workspace_id AND u.id = h.actor_id
               WHERE h.workspace_id = ${ws} AND h.entity_type = 'contact' AND h.entity_id = ${contactId} ORDER BY h.at, h.id`,
        ),
        rows(
          tx,
          sql`SELECT to_jsonb(e) - 'workspace_id' AS row FROM person_erasure e WHERE e.workspace_id = ${ws} AND e.contact_id = ${contactId} ORDER BY e.erased_at DESC LIMIT 1`,
        ),
      ]);
      return {
        format: PERSON_EXPORT_FORMAT,
        exportedAt: new Date().toISOString(),
        workspace: workspace as TPersonExport['workspace'],
        contact,
        customFields,
        companies,
        activities,
        tasks,
        deals,
        quotes,
        orders,
        agreements,
        contracts,
        cases,
        caseMessages,
        attachments,
        consentEvents,
        mailingRecipients,
        surveyInvitations,
        surveyResponses,
        leads,
        portalAccount: portalAccount ?? null,
        history,
        erasure: erasures[0] ?? null,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
