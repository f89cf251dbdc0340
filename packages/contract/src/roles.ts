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

/** The records that can be shared with a person or a unit. */
export const SHAREABLE_ENTITIES = ['companies', 'contacts', 'deals', 'cases', 'leads'] as const;
export const ZShareableEntity = z.enum(SHAREABLE_ENTITIES);
export type TShareableEntity = z.infer<typeof ZShareableEntity>;
export const SHARE_ACCESS = ['read', 'update'] as const;
export const ZShareAccess = z.enum(SHARE_ACCESS);

/** A record shared with a person or a unit beyond what their role reaches. */
export const ZRecordShare = z.object({
  id: ZId,
  entity: ZShareableEntity,
  recordId: ZId,
  userId: ZId.nullable(),
  unitId: ZId.nullable(),
  /** The person's or the unit's name. */
  name: z.string(),
  access: ZShareAccess,
  createdAt: z.iso.datetime(),
});
export type TRecordShare = z.infer<typeof ZRecordShare>;
export const ZRecordShareList = z.object({ data: z.array(ZRecordShare) });

export const ZRecordShareQuery = z.strictObject({ entity: ZShareableEntity, recordId: ZId });
export type TRecordShareQuery = z.infer<typeof ZRecordShareQuery>;

/** Shares a record with exactly one person or one unit; sharing again changes the access. */
export const ZCreateRecordShareInput = z
  .strictObject({
    entity: ZShareableEntity,
    recordId: ZId,
    userId: ZId.optional(),
    unitId: ZId.optional(),
    access: ZShareAccess.default('read'),
  })
  .refine((input) => (input.userId === undefined) !== (input.unitId === undefined), {
    message: 'Give a person or a unit',
    path: ['userId'],
  });
export type TCreateRecordShareInput = z.input<typeof ZCreateRecordShareInput>;
