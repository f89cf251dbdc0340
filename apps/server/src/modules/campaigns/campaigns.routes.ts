import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Campaigns with their costs (`/campaigns`), lead sources (`/lead-sources`), the budget plan and ROI (`/marketing/...`). */
export async function campaignRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
