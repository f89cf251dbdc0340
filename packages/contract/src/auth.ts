import { z } from 'zod';
import { ZEmail, ZLocale, ZPassword, ZTimeZone } from './common.ts';
import { ZMe } from './users.ts';

export const ZLoginInput = z.strictObject({
  email: ZEmail,
  password: z.string().min(1).max(200),
  /** Needed only when the same e-mail belongs to people in several workspaces. */
  workspace: z.string().min(1).max(64).optional(),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

/** What the browser gets after login or on reload: the user and the CSRF token for writes. */
export const ZSession = z.object({ user: ZMe, csrfToken: z.string() });
export type TSession = z.infer<typeof ZSession>;

export const ZSetupStatus = z.object({ needsSetup: z.boolean() });
export type TSetupStatus = z.infer<typeof ZSetupStatus>;

/** First start without bootstrap variables: the person creates the workspace and becomes its admin. */
export const ZCreateWorkspaceInput = z.strictObject({
  workspaceName: z.string().trim().min(1).max(120),
  name: z.string().trim().min(1).max(120),
  email: ZEmail,
  password: ZPassword,
  locale: ZLocale.default('en'),
  timeZone: ZTimeZone.default('UTC'),
});
export type TCreateWorkspaceInput = z.infer<typeof ZCreateWorkspaceInput>;
