// Test data for the SLA tests: case types and cases written straight into the tables.
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { caseTypes, supportCases } from '../cases.table.ts';

let numbers = 0;

/** A case type of the workspace. */
export async function makeCaseType(db: Database, workspaceId: string, name = 'Product complaint') {
  const [row] = await db.insert(caseTypes).values({ workspaceId, name }).returning();
  if (!row) throw new Error('no case type');
  return row;
}

/** A case row, with whatever SLA columns and fields the test sets. */
export async function makeCase(
  db: Database,
  values: Pick<typeof supportCases.$inferInsert, 'workspaceId' | 'typeId' | 'createdById'> & Partial<typeof supportCases.$inferInsert>,
) {
  numbers += 1;
  const [row] = await db
    .insert(supportCases)
    .values({
      number: `C-2026-${String(numbers).padStart(5, '0')}`,
      subject: 'Cracked plasterboard',
      kind: 'complaint',
      channel: 'phone',
      ...values,
    })
    .returning();
  if (!row) throw new Error('no case');
  return row;
}

/** A case as it is now. */
export async function caseRow(db: Database, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(supportCases)
    .where(sql`${supportCases.workspaceId} = ${workspaceId} AND ${supportCases.id} = ${id}`);
  if (!row) throw new Error('no case');
  return row;
}
