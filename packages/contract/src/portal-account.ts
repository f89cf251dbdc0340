import { z } from 'zod';
import { ZEmail, ZId, ZLocale, ZPassword } from './common.ts';
import { ZChannel, ZEmailPoint, ZPhone } from './customers.ts';
import { PORTAL_TOKEN_PURPOSES, ZPortalUserStatus } from './portal.ts';

const ZWorkspaceSlug = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

/** How long a mailed sign-in link stays valid. */
export const PORTAL_MAGIC_LINK_TTL_MINUTES = 15;

/** `POST /api/portal/auth/login`: a customer signs in to their workspace's portal. Unknown e-mail and wrong password answer the same 401 `invalid_credentials`. */
export const ZPortalLoginInput = z.strictObject({
  workspace: ZWorkspaceSlug,
  email: ZEmail,
  password: z.string().min(1).max(200),
});
export type TPortalLoginInput = z.infer<typeof ZPortalLoginInput>;

/**
 * `POST /api/portal/auth/magic-link`: mails a sign-in link valid 15 minutes when an active account has
 * this address; always 202, whether it has or not. 503 `mail_not_configured` when no mail server is set up.
 */
export const ZPortalMagicLinkInput = z.strictObject({ workspace: ZWorkspaceSlug, email: ZEmail });
export type TPortalMagicLinkInput = z.infer<typeof ZPortalMagicLinkInput>;

/** How long a mailed link to choose a new password stays valid. */
export const PORTAL_PASSWORD_RESET_TTL_MINUTES = 60;
/** `POST /api/portal/auth/password-reset` takes the same body and answers the same way, mailing a link to choose a new password. */
export const ZPortalPasswordResetInput = ZPortalMagicLinkInput;

/** The signed-in customer (`GET /api/portal/me`, and the answer of every sign-in), with the CSRF token for writes. */
export const ZPortalMe = z.object({
  portalUserId: ZId,
  contactId: ZId,
  name: z.string(),
  email: z.string(),
  language: ZLocale,
  workspace: z.object({ slug: z.string(), name: z.string() }),
  /** The contact's companies whose portal is switched on. */
  companies: z.array(z.object({ id: ZId, name: z.string() })),
  csrfToken: z.string(),
});
export type TPortalMe = z.infer<typeof ZPortalMe>;

export const ZPortalLinkPurpose = z.enum(PORTAL_TOKEN_PURPOSES);
export type TPortalLinkPurpose = z.infer<typeof ZPortalLinkPurpose>;

/**
 * `GET /api/portal/auth/link/:token`: what a one-time link is, before it is used. A link unknown,
 * used, expired, or of an account that can no longer sign in answers 404 `link_invalid`.
 */
export const ZPortalLink = z.object({
  purpose: ZPortalLinkPurpose,
  email: z.string(),
  name: z.string(),
  language: ZLocale,
  workspace: z.object({ slug: z.string(), name: z.string() }),
  /** An invitation to an account without a password: the customer chooses one to accept it. */
  needsPassword: z.boolean(),
});
export type TPortalLink = z.infer<typeof ZPortalLink>;

/** `POST /api/portal/auth/link/:token`: uses the link once and signs in; an invitation sets the password (at least 10 characters). */
export const ZPortalLinkInput = z.strictObject({ password: ZPassword.optional() });
export type TPortalLinkInput = z.infer<typeof ZPortalLinkInput>;

/** The customer's own details in the portal (`GET`/`PATCH /api/portal/profile`). */
export const ZPortalProfile = z.object({
  /** The address they sign in with (changed by staff only). */
  signInEmail: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  position: z.string().nullable(),
  phones: z.array(z.object({ label: z.string(), value: z.string() })),
  emails: z.array(z.object({ label: z.string(), value: z.string() })),
  preferredChannel: ZChannel.nullable(),
  /** The portal's and the portal's e-mails' language. */
  language: ZLocale,
  /** Whether they agree to receive marketing mail (false also when never asked). */
  marketingConsent: z.boolean(),
  consentAt: z.iso.datetime().nullable(),
  companies: z.array(z.object({ id: ZId, name: z.string(), role: z.string() })),
});
export type TPortalProfile = z.infer<typeof ZPortalProfile>;

/** A change of the customer's own details: only the fields sent change; a consent change is recorded with source `portal`. */
export const ZPortalProfileUpdate = z
  .strictObject({
    firstName: text(120).optional(),
    lastName: text(120).optional(),
    position: text(120).nullable().optional(),
    phones: z.array(ZPhone).max(20).optional(),
    emails: z.array(ZEmailPoint).max(20).optional(),
    preferredChannel: ZChannel.nullable().optional(),
    language: ZLocale.optional(),
    marketingConsent: z.boolean().optional(),
  })
  .refine((input) => input.firstName === undefined || input.lastName === undefined || Boolean(input.firstName || input.lastName), {
    message: 'A first or a last name is needed',
    path: ['lastName'],
  });
export type TPortalProfileUpdate = z.infer<typeof ZPortalProfileUpdate>;

/** `POST /api/portal/profile/password`: a wrong current password answers 401 `invalid_credentials` with the field named. */
export const ZPortalPasswordChange = z.strictObject({ current: z.string().min(1).max(200), next: ZPassword });
export type TPortalPasswordChange = z.infer<typeof ZPortalPasswordChange>;

const ZWhen = z.iso.datetime();

/** `GET /api/portal/my-data`: everything the workspace keeps about the customer, as one JSON file (GDPR). */
export const ZPortalMyData = z.object({
  exportedAt: ZWhen,
  workspace: z.object({ name: z.string() }),
  contact: z.object({
    firstName: z.string(),
    lastName: z.string(),
    position: z.string().nullable(),
    birthday: z.string().nullable(),
    preferredChannel: z.string().nullable(),
    language: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    address: z.string().nullable(),
    phones: z.array(z.object({ label: z.string(), value: z.string() })),
    emails: z.array(z.object({ label: z.string(), value: z.string() })),
    createdAt: ZWhen,
    updatedAt: ZWhen,
  }),
  companies: z.array(z.object({ name: z.string(), role: z.string() })),
  consent: z.object({ marketing: z.string().nullable(), at: ZWhen.nullable(), source: z.string().nullable() }),
  consentEvents: z.array(z.object({ state: z.string(), source: z.string(), at: ZWhen })),
  portalAccount: z.object({
    email: z.string(),
    status: ZPortalUserStatus,
    language: ZLocale,
    invitedAt: ZWhen,
    activatedAt: ZWhen.nullable(),
    lastLoginAt: ZWhen.nullable(),
  }),
  cases: z.array(
    z.object({
      number: z.string(),
      subject: z.string(),
      description: z.string().nullable(),
      status: z.string(),
      createdAt: ZWhen,
      resolution: z.string().nullable(),
      satisfaction: z.number().nullable(),
      satisfactionComment: z.string().nullable(),
      /** Replies and the customer's own messages; internal notes are never included. */
      messages: z.array(z.object({ from: z.enum(['customer', 'staff']), body: z.string(), at: ZWhen })),
    }),
  ),
  surveyResponses: z.array(z.object({ survey: z.string(), answers: z.record(z.string(), z.unknown()), submittedAt: ZWhen })),
  ideas: z.array(z.object({ title: z.string(), body: z.string().nullable(), status: z.string(), createdAt: ZWhen })),
  ideaVotes: z.array(z.object({ idea: z.string(), at: ZWhen })),
  ideaComments: z.array(z.object({ idea: z.string(), body: z.string(), at: ZWhen })),
  communityQuestions: z.array(z.object({ title: z.string(), body: z.string().nullable(), createdAt: ZWhen })),
  communityAnswers: z.array(z.object({ question: z.string(), body: z.string(), createdAt: ZWhen })),
});
export type TPortalMyData = z.infer<typeof ZPortalMyData>;
