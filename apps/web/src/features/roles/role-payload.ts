import type { TCreateRoleInput, TDefinedRole, TFieldRule, TRole, TRolePermissions, TScope } from '@clientela/contract';
import type { FormInstance } from 'antd';
import { isApiError } from '../../lib/api.ts';

/** The editor's values: an unset cell keeps the base role's scope; a field is visible unless a rule says otherwise. */
export type RoleFormValues = {
  name: string;
  description: string;
  baseRole: TRole;
  permissions: Record<string, Record<string, TScope | undefined>>;
  fieldRules: Record<string, Record<string, TFieldRule | 'visible' | undefined>>;
};

/** The editor's values of a role, or of a new one. */
export function toRoleFormValues(role: TDefinedRole | undefined): RoleFormValues {
  return {
    name: role?.name ?? '',
    description: role?.description ?? '',
    baseRole: role?.baseRole ?? 'employee',
    permissions: structuredClone(role?.permissions ?? {}),
    fieldRules: structuredClone(role?.fieldRules ?? {}),
  };
}

/** What the API takes: only the cells and fields the admin set. */
export function toRoleInput(values: RoleFormValues): TCreateRoleInput {
  const permissions: TRolePermissions = {};
  for (const [resource, actions] of Object.entries(values.permissions ?? {})) {
    const set = Object.entries(actions ?? {}).filter((entry): entry is [string, TScope] => entry[1] !== undefined && entry[1] !== null);
    if (set.length > 0) permissions[resource] = Object.fromEntries(set);
  }
  const fieldRules: Record<string, Record<string, TFieldRule>> = {};
  for (const [entity, fields] of Object.entries(values.fieldRules ?? {})) {
    const set = Object.entries(fields ?? {}).filter(
      (entry): entry is [string, TFieldRule] => entry[1] === 'hidden' || entry[1] === 'read_only',
    );
    if (set.length > 0) fieldRules[entity] = Object.fromEntries(set);
  }
  return { name: values.name.trim(), description: values.description?.trim() ?? '', baseRole: values.baseRole, permissions, fieldRules };
}

/**
 * Puts the API's 400 errors on the cells they name: `permissions.<resource>.<action>`,
 * `fieldRules.<entity>.<field>` (a custom field's key keeps its dot), or a plain field; returns how many landed.
 */
export function showRoleErrors(form: FormInstance<RoleFormValues>, error: unknown): number {
  if (!isApiError(error)) return 0;
  const fields = error.errors.flatMap(({ path, message }) => {
    const parts = path.replace(/^\/|^body[./]/, '').split(/[./]/);
    const [head, second, ...rest] = parts;
    if ((head === 'permissions' || head === 'fieldRules') && second && rest.length > 0) {
      return [{ name: [head, second, rest.join('.')], errors: [message] }];
    }
    if (head === 'name' || head === 'description' || head === 'baseRole') return [{ name: [head], errors: [message] }];
    return [];
  });
  form.setFields(fields as Parameters<typeof form.setFields>[0]);
  return fields.length;
}
