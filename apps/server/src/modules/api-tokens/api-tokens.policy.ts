import { definePolicy } from '../authz/index.ts';

/** A personal token is its owner's business only, admins included. */
export const apiTokenPolicy = definePolicy<'read' | 'create' | 'revoke'>('api-tokens', {
  admin: { read: 'own', create: 'own', revoke: 'own' },
  manager: { read: 'own', create: 'own', revoke: 'own' },
  employee: { read: 'own', create: 'own', revoke: 'own' },
});
