export { bootstrapFromEnvironment } from './bootstrap.ts';
export { createFirstWorkspace, createWorkspace, needsSetup } from './workspaces.service.ts';
export { workspaces } from './workspaces.table.ts';
