import type { TLocale } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { TemplateVersion } from './mailings.table.ts';
import type { MergeFields } from './render.ts';

/** What a mail to a contact needs: their address, the language to write in, and the template's values. */
export type Recipient = {
  contactId: string;
  name: string;
  /** The contact's first e-mail; null when they have none. */
  email: string | null;
  /** The contact's language, else their manager's; null when neither is known. */
  language: TLocale | null;
  fields: MergeFields;
};

type Row = {
  id: string;
  first_name: string;
  last_name: string;
  name: string;
  position: string | null;
  city: string | null;
  custom: Record<string, unknown>;
  email: string | null;
  language: TLocale | null;
  manager: string | null;
  manager_email: string | null;
  owner_locale: TLocale | null;
  company: string | null;
};

/** The first e-mail of a contact row `c`, as SQL (null when none is written). */
export const FIRST_EMAIL = sql.raw(`nullif(btrim(c.emails -> 0 ->> 'value'), '')`);

/**
 * The merge fields of contacts (live or not), by id: names, position, city, their first company,
 * their manager and custom fields. Links (`unsubscribe_url`, `survey_link`) are the sender's to add.
 */
export async function mergeFieldsOf(db: Executor, workspaceId: string, contactIds: readonly string[]): Promise<Map<string, Recipient>> {
  const byId = new Map<string, Recipient>();
  if (contactIds.length === 0) return byId;
  const result = await db.execute<Row>(sql`
    SELECT c.id, c.first_name, c.last_name, c.name, c.position, c.city, c.custom, ${FIRST_EMAIL} AS email, c.language,
      u.name AS manager, u.email AS manager_email, u.locale AS owner_locale,
      (SELECT co.name FROM contact_company cc
        JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id AND co.deleted_at IS NULL
        WHERE cc.workspace_id = c.workspace_id AND cc.contact_id = c.id ORDER BY co.name LIMIT 1) AS company
    FROM contact c
    LEFT JOIN app_user u ON u.workspace_id = c.workspace_id AND u.id = c.owner_id
    WHERE c.workspace_id = ${workspaceId} AND c.id IN (${sql.join(
      contactIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  for (const row of result.rows) {
    byId.set(row.id, {
      contactId: row.id,
      name: row.name,
      email: row.email,
      language: row.language ?? row.owner_locale,
      fields: {
        first_name: row.first_name,
        last_name: row.last_name,
        name: row.name,
        company: row.company,
        position: row.position,
        city: row.city,
        manager: row.manager,
        manager_email: row.manager_email,
        custom: row.custom,
      },
    });
  }
  return byId;
}

/** Values for a preview without a contact, in the preview's language. */
export function sampleFields(language: TLocale): MergeFields {
  const samples = {
    en: { first_name: 'Jane', last_name: 'Smith', company: 'Acme Ltd', position: 'Buyer', city: 'London', manager: 'John Brown' },
    ru: {
      first_name: 'Мария',
      last_name: 'Иванова',
      company: 'ООО «Ромашка»',
      position: 'Закупщик',
      city: 'Москва',
      manager: 'Иван Петров',
    },
    it: {
      first_name: 'Giulia',
      last_name: 'Bianchi',
      company: 'Forno Rossi srl',
      position: 'Buyer',
      city: 'Milano',
      manager: 'Marco Verdi',
    },
  }[language];
  return { ...samples, name: `${samples.first_name} ${samples.last_name}`, manager_email: 'manager@example.com', custom: {} };
}

/** The languages a template is written in, the fallback one first. */
export function languagesOf(versions: Partial<Record<TLocale, TemplateVersion>>): TLocale[] {
  return (Object.keys(versions) as TLocale[]).filter((language) => versions[language]);
}

/** The version a recipient gets: their language's, else the template's first. */
export function languageFor(versions: Partial<Record<TLocale, TemplateVersion>>, wanted: TLocale | null): TLocale {
  const written = languagesOf(versions);
  if (wanted && written.includes(wanted)) return wanted;
  const first = written[0];
  if (!first) throw new Error('A template without versions');
  return first;
}
