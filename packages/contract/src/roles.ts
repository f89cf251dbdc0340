import { z } from 'zod';
import { ZId, ZRole } from './common.ts';
import { ZFieldRules } from './field-rules.ts';

/**
 * How far a right reaches: `own` records the person owns, `unit_only` those of their own unit,
 * `unit` their unit and the units below it, `all` every record of the workspace, `none` nothing.
 */
export const SCOPES = ['none', 'own', 'unit_only', 'unit', 'all'] as const;
export const ZScope = z.enum(SCOPES);
export type TScope = z.infer<typeof ZScope>;

/** The actions a role's matrix sets, in the order the editor shows them (a resource has some of them). */
export const ROLE_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'import', 'assign'] as const;

/** Per resource and action, the scope a role reaches: `{ companies: { read: 'own', export: 'none' } }`. */
export const ZRolePermissions = z.record(z.string().max(60), z.record(z.string().max(40), ZScope));
export type TRolePermissions = z.infer<typeof ZRolePermissions>;

/** A role an admin defined: a built-in role it starts from, and the scopes and field rules it changes. */
export const ZDefinedRole = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  baseRole: ZRole,
  permissions: ZRolePermissions,
  fieldRules: ZFieldRules,
  /** How many people hold the role. */
  userCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TDefinedRole = z.infer<typeof ZDefinedRole>;
export const ZDefinedRoleList = z.object({ data: z.array(ZDefinedRole) });
export type TDefinedRoleList = z.infer<typeof ZDefinedRoleList>;

export const ZCreateRoleInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  description: z
    .string()
    .trim()
    .max(500)
    .transform((value) => value || null)
    .nullable()
    .optional(),
  baseRole: ZRole,
  permissions: ZRolePermissions.default({}),
  fieldRules: ZFieldRules.default({}),
});
export type TCreateRoleInput = z.input<typeof ZCreateRoleInput>;

export const ZUpdateRoleInput = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  description: z
    .string()
    .trim()
    .max(500)
    .transform((value) => value || null)
    .nullable()
    .optional(),
  baseRole: ZRole.optional(),
  permissions: ZRolePermissions.optional(),
  fieldRules: ZFieldRules.optional(),
});
export type TUpdateRoleInput = z.input<typeof ZUpdateRoleInput>;

/** What the roles editor offers: each resource with its actions and the scopes that make sense for it, and the protectable fields. */
export const ZRoleCatalogue = z.object({
  resources: z.array(
    z.object({
      resource: z.string(),
      actions: z.array(z.object({ action: z.string(), scopes: z.array(ZScope) })),
    }),
  ),
  /** Per entity, the fields a role can hide or make read-only (custom fields as `custom.<key>`). */
  fields: z.record(z.string(), z.array(z.string())),
});
export type TRoleCatalogue = z.infer<typeof ZRoleCatalogue>;

/** The effective scope of the signed-in person per resource and action, for the web app to show or hide controls. */
export const ZEffectivePermissions = z.record(z.string(), z.record(z.string(), ZScope));
export type TEffectivePermissions = z.infer<typeof ZEffectivePermissions>;
