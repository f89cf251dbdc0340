import { z } from 'zod';

/** How the company likes to be served; staff see it on the company, the portal shows a dedicated manager. */
export const RELATIONSHIP_STYLES = ['personal', 'dedicated_manager', 'self_service', 'automated'] as const;
export const ZRelationshipStyle = z.enum(RELATIONSHIP_STYLES);
export type TRelationshipStyle = z.infer<typeof ZRelationshipStyle>;

/** A contact's portal account: invited until they set a password or follow a link, then active; staff may disable it. */
export const PORTAL_USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export const ZPortalUserStatus = z.enum(PORTAL_USER_STATUSES);
export type TPortalUserStatus = z.infer<typeof ZPortalUserStatus>;

/** What a one-time portal link is for. */
export const PORTAL_TOKEN_PURPOSES = ['invite', 'magic_link', 'password_reset'] as const;

/** Where an idea stands, as staff set it with a public answer. */
export const IDEA_STATUSES = ['new', 'under_review', 'planned', 'done', 'declined'] as const;
export const ZIdeaStatus = z.enum(IDEA_STATUSES);
export type TIdeaStatus = z.infer<typeof ZIdeaStatus>;
