import { z } from 'zod';
import { AUDIT_RETENTION_MAX_DAYS, AUDIT_RETENTION_MIN_DAYS } from './audit.ts';
import { listOf, ZEmail, ZId, ZListQuery, ZLocale, ZPassword, ZRole, ZTimeZone } from './common.ts';
import { ZFieldRules } from './field-rules.ts';
import { ZEffectivePermissions } from './roles.ts';

export const ZWorkspace = z.object({ id: ZId, name: z.string(), slug: z.string() });
export type TWorkspace = z.infer<typeof ZWorkspace>;

/** A user as other people of the workspace see it. */
export const ZUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  timeZone: z.string(),
  role: ZRole,
  unitId: ZId.nullable(),
  /** A role an admin defined, which `role` is then the base of; null: the built-in role alone. */
  roleId: ZId.nullable(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserList = listOf(ZUser);

/** The signed-in user, with the workspace it works in. */
export const ZMe = ZUser.extend({
  workspace: ZWorkspace,
  /** The effective scope per resource and action, so the app can hide what the person may not do. */
  permissions: ZEffectivePermissions,
  /** The role's hidden and read-only fields per entity (`{}` without a defined role). */
  fieldRules: ZFieldRules,
});
export type TMe = z.infer<typeof ZMe>;

export const ZUserListQuery = ZListQuery.extend({
  'filter[role]': ZRole.optional(),
  'filter[unitId]': ZId.optional(),
  'filter[active]': z.enum(['true', 'false']).optional(),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZCreateUserInput = z.strictObject({
  email: ZEmail,
  name: z.string().trim().min(1).max(120),
  password: ZPassword,
  role: ZRole.default('employee'),
  unitId: ZId.nullable().default(null),
  /** A defined role; it also sets `role` to the role's base role. */
  roleId: ZId.nullable().default(null),
  locale: ZLocale.default('en'),
  timeZone: ZTimeZone.default('UTC'),
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

/** What an admin may change about another user. */
export const ZUpdateUserInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: ZRole.optional(),
  /** A defined role (it sets `role` to its base role); null goes back to the built-in `role`. */
  roleId: ZId.nullable().optional(),
  unitId: ZId.nullable().optional(),
  active: z.boolean().optional(),
  password: ZPassword.optional(),
});
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

/** What every user may change about themselves. */
export const ZUpdateProfileInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  locale: ZLocale.optional(),
  timeZone: ZTimeZone.optional(),
});
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;

export const ZChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** The largest logo accepted for the letterhead: a PNG or JPEG of 512 KB. */
export const WORKSPACE_LOGO_MAX_BYTES = 512 * 1024;
export const WORKSPACE_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/** Workspace-wide settings an admin keeps, with the letterhead printed on quotes. */
export const ZWorkspaceSettings = z.object({
  id: ZId,
  name: z.string(),
  /** ISO 3166 country of phone numbers written without one (imports, forms). */
  defaultCountry: z.string().nullable(),
  /** The company's name on documents; the workspace's name when none. */
  legalName: z.string().nullable(),
  address: z.string().nullable(),
  taxNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  /** Whether a logo is kept: `GET /workspace/logo` serves it. */
  hasLogo: z.boolean(),
  /** The customer portal's title (the workspace's name when none) and main colour. */
  portalTitle: z.string().nullable(),
  portalColor: z.string().nullable(),
  /** How many days the audit log keeps its events (30–3650). */
  auditRetentionDays: z.number().int(),
});
export type TWorkspaceSettings = z.infer<typeof ZWorkspaceSettings>;

/** A letterhead line: trimmed, and an empty one means none. */
const letterhead = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)
    .nullable()
    .optional();

export const ZUpdateWorkspaceSettingsInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'Expected a two-letter country code (IT, RU, GB…)' })
    .nullable()
    .optional(),
  legalName: letterhead(200),
  address: letterhead(500),
  taxNumber: letterhead(40),
  phone: letterhead(40),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((value) => value === '' || z.email().safeParse(value).success, 'Expected an e-mail address')
    .transform((value) => value.toLowerCase() || null)
    .nullable()
    .optional(),
  website: z
    .string()
    .trim()
    .max(200)
    .refine(
      (value) => value === '' || z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).safeParse(value).success,
      'Expected a web address starting with http:// or https://',
    )
    .transform((value) => value || null)
    .nullable()
    .optional(),
  portalTitle: letterhead(120),
  portalColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'Expected a colour as #rrggbb' })
    .transform((value) => value.toLowerCase())
    .nullable()
    .optional(),
  auditRetentionDays: z.number().int().min(AUDIT_RETENTION_MIN_DAYS).max(AUDIT_RETENTION_MAX_DAYS).optional(),
});
export type TUpdateWorkspaceSettingsInput = z.input<typeof ZUpdateWorkspaceSettingsInput>;
