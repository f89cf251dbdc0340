import type { TKbFeedbackInput, TPortalKbSearchQuery } from '@clientela/contract';
import type { Database } from '../../db/client.ts';
import { getPublicArticleOf, givePublicFeedbackAs, listPublicArticlesOf } from '../kb/index.ts';
import type { PortalActor } from './portal-session.ts';

// The portal's help centre is the workspace's public knowledge base: published, public articles
// only, searched with the same stemming and typo tolerance as the public pages.

/** Public articles matching `q` (best first, with highlighted passages), or the newest. */
export function searchPortalKb(db: Database, actor: PortalActor, query: TPortalKbSearchQuery) {
  return listPublicArticlesOf(db, actor.workspaceId, { q: query.q, language: query.language, limit: query.limit });
}

/** A public article, whole; 404 for an internal, draft or missing one. */
export function getPortalKbArticle(db: Database, actor: PortalActor, id: string) {
  return getPublicArticleOf(db, actor.workspaceId, id);
}

/** The customer's "was this helpful": one answer per portal account, changed by answering again. */
export function givePortalKbFeedback(db: Database, actor: PortalActor, id: string, input: TKbFeedbackInput) {
  return givePublicFeedbackAs(db, actor.workspaceId, id, `portal:${actor.portalUserId}`, input);
}
