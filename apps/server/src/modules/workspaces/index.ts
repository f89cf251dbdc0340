export { bootstrapFromEnvironment } from './bootstrap.ts';
export { type Letterhead, letterheadOf, updateWorkspaceSettings } from './settings.ts';
export { createFirstWorkspace, createWorkspace, needsSetup } from './workspaces.service.ts';
export { workspaces } from './workspaces.table.ts';
