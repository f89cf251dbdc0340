import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Sign-in (password, magic link, invitation), the customer's own details, consent and personal data (`/api/portal/auth`, `/me`, `/profile`, `/my-data`, `/branding`). */
export async function portalAccountRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
