import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** The ids of a unit and of every unit below it. */
export async function unitSubtree(db: Executor, workspaceId: string, unitId: string): Promise<Set<string>> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM unit WHERE workspace_id = ${workspaceId} AND id = ${unitId}
      UNION
      SELECT child.id FROM unit child JOIN tree ON child.parent_id = tree.id
      WHERE child.workspace_id = ${workspaceId}
    )
    SELECT id FROM tree`);
  return new Set(result.rows.map((row) => row.id));
}
