import { z } from 'zod';
import { listOf, ZEmail, ZId, ZListQuery, ZLocale } from './common.ts';
import { ZPortalUserStatus } from './portal.ts';

/** How long an invitation link stays valid. */
export const PORTAL_INVITE_TTL_DAYS = 7;

/** Sort keys of the portal users list. */
export const PORTAL_USER_SORTS = ['email', 'invitedAt'] as const;

/** `GET /portal-users`: `?q=` matches the e-mail or the contact's name; `sort=email|-invitedAt` (default `-invitedAt`). */
export const ZPortalUserListQuery = ZListQuery.extend({
  'filter[status]': ZPortalUserStatus.optional(),
  'filter[companyId]': ZId.optional(),
  'filter[contactId]': ZId.optional(),
});
export type TPortalUserListQuery = z.input<typeof ZPortalUserListQuery>;

const ZRef = z.object({ id: ZId, name: z.string() });

/** A contact's portal account as staff see it. */
export const ZPortalUser = z.object({
  id: ZId,
  contact: ZRef,
  /** The contact's companies the staff member may see, with whether each has portal access. */
  companies: z.array(ZRef.extend({ portalAccess: z.boolean() })),
  email: z.string(),
  status: ZPortalUserStatus,
  language: ZLocale,
  invitedAt: z.iso.datetime(),
  invitedBy: ZRef.nullable(),
  activatedAt: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export type TPortalUser = z.infer<typeof ZPortalUser>;
export const ZPortalUserList = listOf(ZPortalUser);
export type TPortalUserList = z.infer<typeof ZPortalUserList>;

/**
 * `POST /portal-users`: invites a contact to the portal by e-mail. The address defaults to the
 * contact's first e-mail, the language to the contact's (else the inviter's). Inviting a contact
 * whose invitation is still pending sends it again.
 */
export const ZInvitePortalUserInput = z.strictObject({
  contactId: ZId,
  email: ZEmail.optional(),
  language: ZLocale.optional(),
});
export type TInvitePortalUserInput = z.input<typeof ZInvitePortalUserInput>;

/** `GET /api/portal/branding/:workspace`: what the portal shows before anyone signs in. */
export const ZPortalBranding = z.object({
  slug: z.string(),
  name: z.string(),
  /** The portal's title; the workspace's name when none is set. */
  title: z.string(),
  /** The main colour, `#rrggbb`, or null for the default. */
  color: z.string().nullable(),
  /** Whether `GET /api/portal/branding/:workspace/logo` serves a logo. */
  hasLogo: z.boolean(),
});
export type TPortalBranding = z.infer<typeof ZPortalBranding>;

export const ZPortalBrandingParams = z.strictObject({ workspace: z.string().min(1).max(100) });
