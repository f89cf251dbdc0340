import { type SQL, sql } from 'drizzle-orm';

/**
 * The customers a report is about, as rows (type, id, name, class, owner_id, created_at,
 * last_contact_at): live companies, and contacts with a class of their own (a private person who
 * buys is a customer too; a company's staff without a class are reached through their company).
 * Lost customers are left out: nobody is asked to keep calling them.
 */
export function customersSql(workspaceId: string, scope: { company: SQL; contact: SQL }, options: { classedOnly: boolean }) {
  const companyClass = options.classedOnly ? sql`AND company.class IS NOT NULL` : sql``;
  return sql`(
    SELECT 'company' AS type, company.id, company.name, company.class, company.owner_id, company.created_at, company.last_contact_at
    FROM company
    WHERE company.workspace_id = ${workspaceId} AND company.deleted_at IS NULL AND company.status <> 'lost' ${companyClass}
      AND ${scope.company}
    UNION ALL
    SELECT 'contact', contact.id, contact.name, contact.class, contact.owner_id, contact.created_at, contact.last_contact_at
    FROM contact
    WHERE contact.workspace_id = ${workspaceId} AND contact.deleted_at IS NULL AND contact.status <> 'lost'
      AND contact.class IS NOT NULL AND ${scope.contact}
  )`;
}

/**
 * The records whose activities are contact with customer `c`: a contact itself; a company and
 * the people who work for it (a call with its buyer is contact with the company), as the
 * company's "last contact" counts them.
 */
export function contactedThrough(workspaceId: string) {
  // An array, not `IN (subquery)`: `entity_id = ANY(array)` reads the timeline index once per record,
  // where a correlated IN would be checked against every link of the workspace.
  return sql`ARRAY(SELECT c.id UNION ALL SELECT cc.contact_id FROM contact_company cc
    WHERE c.type = 'company' AND cc.workspace_id = ${workspaceId} AND cc.company_id = c.id)`;
}
