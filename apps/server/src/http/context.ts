import type { Database } from '../db/client.ts';
import type { SignedIn } from '../modules/auth/actor.ts';
import type { Actor } from '../modules/authz/index.ts';

/** What a service needs: the database and who is acting. */
export type Ctx = { db: Database; actor: Actor };

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set by the authentication hook on every non-public route. */
    actor: Actor | null;
    /** How the actor proved who they are. */
    authMethod: 'cookie' | 'token' | null;
    /** The session's secret when signed in by cookie (to derive the CSRF token). */
    sessionSecret: string | null;
    /** The signed-in user's row and workspace, loaded with the actor in one query. */
    signedIn: SignedIn | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a signed-in user (login, setup, health). */
    public?: boolean;
  }
}
