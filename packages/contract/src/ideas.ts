import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZId } from './common.ts';
import { ZIdeaStatus } from './portal.ts';

/** How a list of ideas is ordered: most votes first, or newest first. */
export const IDEA_SORTS = ['top', 'new'] as const;
export const ZIdeaSort = z.enum(IDEA_SORTS);
export type TIdeaSort = z.infer<typeof ZIdeaSort>;

const ZFlag = z.enum(['true', 'false']).transform((value) => value === 'true');
const ZDateTime = z.string();
const ZRef = z.object({ id: ZId, name: z.string() });

const listQuery = {
  sort: ZIdeaSort.default('top'),
  status: ZIdeaStatus.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(30),
  cursor: z.string().max(500).optional(),
};

/** `GET /api/portal/ideas`: the visible ideas of the workspace. */
export const ZPortalIdeaListQuery = z.strictObject(listQuery);
export type TPortalIdeaListQuery = z.infer<typeof ZPortalIdeaListQuery>;

/** `GET /api/v1/ideas`: every idea, hidden ones too, for staff. */
export const ZIdeaListQuery = z.strictObject({ ...listQuery, hidden: ZFlag.optional(), unreviewed: ZFlag.optional() });
export type TIdeaListQuery = z.infer<typeof ZIdeaListQuery>;

/** A customer's new idea. */
export const ZCreateIdeaInput = z.strictObject({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().max(5000).nullish(),
});
export type TCreateIdeaInput = z.infer<typeof ZCreateIdeaInput>;

/** A comment on an idea, by a customer or a member of staff. */
export const ZIdeaCommentInput = z.strictObject({ body: z.string().trim().min(1).max(5000) });
export type TIdeaCommentInput = z.infer<typeof ZIdeaCommentInput>;

/** How customers see who wrote: a first name and company, or a member of staff's name. */
export const ZPortalIdeaAuthor = z.object({ name: z.string(), staff: z.boolean() });

/** An idea as customers see it: no e-mail addresses, no moderation details. */
export const ZPortalIdea = z.object({
  id: ZId,
  title: z.string(),
  body: z.string().nullable(),
  status: ZIdeaStatus,
  answer: z.string().nullable(),
  answeredAt: ZDateTime.nullable(),
  voteCount: z.number().int(),
  commentCount: z.number().int(),
  voted: z.boolean(),
  mine: z.boolean(),
  author: ZPortalIdeaAuthor,
  createdAt: ZDateTime,
});
export type TPortalIdea = z.infer<typeof ZPortalIdea>;
export const ZPortalIdeaList = listOf(ZPortalIdea);
export type TPortalIdeaList = z.infer<typeof ZPortalIdeaList>;

export const ZPortalIdeaComment = z.object({ id: ZId, body: z.string(), author: ZPortalIdeaAuthor, createdAt: ZDateTime });
export type TPortalIdeaComment = z.infer<typeof ZPortalIdeaComment>;

export const ZPortalIdeaDetail = ZPortalIdea.extend({ comments: z.array(ZPortalIdeaComment) });
export type TPortalIdeaDetail = z.infer<typeof ZPortalIdeaDetail>;

/** After voting or taking the vote back. */
export const ZIdeaVoteResult = z.object({ voted: z.boolean(), voteCount: z.number().int() });
export type TIdeaVoteResult = z.infer<typeof ZIdeaVoteResult>;

/**
 * Who wrote, as staff see it: a member of staff, or a customer with their contact and company,
 * named only when the reader may read them (`readable` false: "another customer").
 */
export const ZIdeaAuthor = z.object({
  staff: ZRef.nullable(),
  contact: ZRef.nullable(),
  company: ZRef.nullable(),
  readable: z.boolean(),
});
export type TIdeaAuthor = z.infer<typeof ZIdeaAuthor>;

export const ZIdea = z.object({
  id: ZId,
  title: z.string(),
  body: z.string().nullable(),
  status: ZIdeaStatus,
  answer: z.string().nullable(),
  answeredAt: ZDateTime.nullable(),
  answeredBy: ZRef.nullable(),
  voteCount: z.number().int(),
  commentCount: z.number().int(),
  hidden: z.boolean(),
  reviewedAt: ZDateTime.nullable(),
  author: ZIdeaAuthor,
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
});
export type TIdea = z.infer<typeof ZIdea>;
export const ZIdeaList = listOf(ZIdea);
export type TIdeaList = z.infer<typeof ZIdeaList>;

export const ZIdeaComment = z.object({
  id: ZId,
  ideaId: ZId,
  body: z.string(),
  hidden: z.boolean(),
  reviewedAt: ZDateTime.nullable(),
  author: ZIdeaAuthor,
  createdAt: ZDateTime,
});
export type TIdeaComment = z.infer<typeof ZIdeaComment>;

/** A customer who wants the idea: its author or a voter, with their contact and company when readable. */
export const ZIdeaSupporter = z.object({
  role: z.enum(['author', 'voter']),
  contact: ZRef.nullable(),
  company: ZRef.nullable(),
  readable: z.boolean(),
  at: ZDateTime,
});
export type TIdeaSupporter = z.infer<typeof ZIdeaSupporter>;

export const ZIdeaDetail = ZIdea.extend({ comments: z.array(ZIdeaComment), supporters: z.array(ZIdeaSupporter) });
export type TIdeaDetail = z.infer<typeof ZIdeaDetail>;

/** Staff set the status and the public answer. */
export const ZUpdateIdeaInput = z
  .strictObject({ status: ZIdeaStatus.optional(), answer: z.string().trim().max(5000).nullish() })
  .refine((input) => input.status !== undefined || input.answer !== undefined, { message: 'Give a status or an answer' });
export type TUpdateIdeaInput = z.infer<typeof ZUpdateIdeaInput>;

/** Moderation: approve (`hidden: false`) or hide a post; either way it leaves the queue. */
export const ZIdeaReviewInput = z.strictObject({ hidden: z.boolean() });
export type TIdeaReviewInput = z.infer<typeof ZIdeaReviewInput>;

export const ZIdeaModerationQueue = z.object({
  ideas: z.array(ZIdea),
  comments: z.array(ZIdeaComment.extend({ ideaTitle: z.string() })),
});
export type TIdeaModerationQueue = z.infer<typeof ZIdeaModerationQueue>;
