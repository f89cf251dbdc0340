import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';

const t = useTestApp();

describe("search's GIN indexes", () => {
  it('merge their pending list at 64 kB, so that a search never scans more than a few pages of it', async () => {
    const rows = await t.db.execute<{ name: string; options: string[] | null }>(
      sql`SELECT c.relname AS name, c.reloptions AS options FROM pg_class c JOIN pg_am am ON am.oid = c.relam
          WHERE am.amname = 'gin' AND c.relname ~ '^(contact|company)_(search_text_trgm|phone_trgm|email_trgm|search)_idx$'
          ORDER BY c.relname`,
    );
    expect(rows.rows.map((row) => row.name)).toEqual([
      'company_email_trgm_idx',
      'company_phone_trgm_idx',
      'company_search_idx',
      'company_search_text_trgm_idx',
      'contact_email_trgm_idx',
      'contact_phone_trgm_idx',
      'contact_search_idx',
      'contact_search_text_trgm_idx',
    ]);
    for (const row of rows.rows) expect(row.options).toEqual(['gin_pending_list_limit=64']);
  });
});
