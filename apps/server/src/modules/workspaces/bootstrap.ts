import { ZCreateWorkspaceInput } from '@clientela/contract';
import type { Database } from '../../db/client.ts';
import { createFirstWorkspace, needsSetup } from './workspaces.service.ts';

type Bootstrap = { adminEmail?: string | undefined; adminPassword?: string | undefined; adminName: string; workspaceName: string };

/**
 * On first start with CLIENTELA_ADMIN_EMAIL and CLIENTELA_ADMIN_PASSWORD set, creates the
 * first workspace and its admin. Does nothing once any workspace exists.
 */
export async function bootstrapFromEnvironment(db: Database, config: Bootstrap): Promise<'created' | 'skipped'> {
  if (!config.adminEmail || !config.adminPassword) return 'skipped';
  if (!(await needsSetup(db))) return 'skipped';
  const input = ZCreateWorkspaceInput.safeParse({
    workspaceName: config.workspaceName,
    name: config.adminName,
    email: config.adminEmail,
    password: config.adminPassword,
  });
  if (!input.success) {
    const fields = input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`CLIENTELA_ADMIN_EMAIL / CLIENTELA_ADMIN_PASSWORD are not valid (${fields})`);
  }
  try {
    await createFirstWorkspace(db, input.data);
    return 'created';
  } catch (error) {
    // Another server process created it a moment earlier.
    if (error instanceof Error && 'code' in error && error.code === 'setup_already_done') return 'skipped';
    throw error;
  }
}
