import type { TKbFeedbackInput, TPortalKbSearchQuery } from '@clientela/contract';
import type { Database } from '../../db/client.ts';
import { getPublicArticleOf, givePublicFeedbackAs, listPublicArticlesOf } from '../kb/index.ts';
import type { PortalActor } from './portal-session.ts';

// The portal's help centre is the workspace's public knowledge base: published, public articles
// only, searched with the same stemming and typo tolerance as the public pages.

/** Public articles matching `q` (best first, with highlighted passages), or the newest. */
export function searchPortalKb(db: Database, actor: PortalActor, query: TPortalKbSearchQuery) {
  return listPublicArticlesOf(db, actor.workspaceId, {
    q: query.match === 'any' ? anyWord(query.q) : query.q,
    language: query.language,
    limit: query.limit,
  });
}

/**
 * A subject as a customer writes it ("Lumpy flour after a week: how should we store it?") as a query
 * any of whose words may match (`websearch_to_tsquery`'s `or`); ranking puts the articles with the
 * most of them first. Stop words drop out in the search's own language configurations.
 */
function anyWord(q: string | undefined): string | undefined {
  const words = q?.match(/[\p{L}\p{N}]{3,40}/gu);
  return words && words.length > 0 ? words.join(' or ') : q;
}

/** A public article, whole; 404 for an internal, draft or missing one. */
export function getPortalKbArticle(db: Database, actor: PortalActor, id: string) {
  return getPublicArticleOf(db, actor.workspaceId, id);
}

/** The customer's "was this helpful": one answer per portal account, changed by answering again. */
export function givePortalKbFeedback(db: Database, actor: PortalActor, id: string, input: TKbFeedbackInput) {
  return givePublicFeedbackAs(db, actor.workspaceId, id, `portal:${actor.portalUserId}`, input);
}
