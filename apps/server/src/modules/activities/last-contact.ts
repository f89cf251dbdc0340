import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { companiesOfContacts } from './records.ts';

/**
 * What counts as contact with a customer: a call that reached them, a meeting, a visit or an
 * e-mail that has happened. Notes and unanswered calls do not.
 */
const IS_CONTACT = sql.raw(`a.type <> 'note' AND (a.outcome IS NULL OR a.outcome = 'reached') AND l.occurred_at <= now()`);

/**
 * Recomputes "last contact" of the records an activity touched (before and after a change):
 * a contact's from its own activities, a company's from its own and its contacts'. The companies
 * of the contacts touched are recomputed too. The company's own id and its contacts' ids form one
 * list (not an OR of two conditions), so each is an index lookup on the timeline index instead of
 * a scan of every activity link.
 */
export async function refreshLastContact(
  tx: Executor,
  workspaceId: string,
  touched: { company: readonly string[]; contact: readonly string[] },
) {
  const contactIds = [...new Set(touched.contact)];
  const companyIds = [...new Set([...touched.company, ...(await companiesOfContacts(tx, workspaceId, contactIds))])];
  if (contactIds.length > 0) {
    await tx.execute(sql`UPDATE contact c SET last_contact_at = (
        SELECT max(l.occurred_at) FROM activity_link l
        JOIN activity a ON a.workspace_id = l.workspace_id AND a.id = l.activity_id
        WHERE l.workspace_id = c.workspace_id AND l.entity_id = c.id AND ${IS_CONTACT})
      WHERE c.workspace_id = ${workspaceId} AND c.id IN (${sql.join(
        contactIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  }
  if (companyIds.length > 0) {
    await tx.execute(sql`UPDATE company c SET last_contact_at = (
        SELECT max(l.occurred_at) FROM activity_link l
        JOIN activity a ON a.workspace_id = l.workspace_id AND a.id = l.activity_id
        WHERE l.workspace_id = c.workspace_id AND ${IS_CONTACT}
          AND l.entity_id IN (SELECT c.id UNION ALL SELECT cc.contact_id FROM contact_company cc
            WHERE cc.workspace_id = c.workspace_id AND cc.company_id = c.id))
      WHERE c.workspace_id = ${workspaceId} AND c.id IN (${sql.join(
        companyIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  }
}
