import { z } from 'zod';
import { ZId } from './common.ts';
import { ZKbLanguage } from './kb.ts';

const trimmed = (max: number) => z.string().trim().max(max);

/** Who wrote a post, as others see it: a customer's first name and company (never an e-mail), or a member of staff. */
export const ZCommunityAuthor = z.object({
  name: z.string(),
  companyName: z.string().nullable(),
  staff: z.boolean(),
});
export type TCommunityAuthor = z.infer<typeof ZCommunityAuthor>;

/** Moderation state, sent to staff only. */
const ZModeration = z.object({ hidden: z.boolean(), reviewedAt: z.string().nullable() });

/** A question in a list. */
export const ZCommunityQuestionSummary = z.object({
  id: ZId,
  title: z.string(),
  author: ZCommunityAuthor,
  answerCount: z.number().int(),
  answered: z.boolean(),
  /** An answer is accepted. */
  accepted: z.boolean(),
  promoted: z.boolean(),
  createdAt: z.string(),
});
export type TCommunityQuestionSummary = z.infer<typeof ZCommunityQuestionSummary>;

export const ZStaffCommunityQuestionSummary = ZCommunityQuestionSummary.extend(ZModeration.shape);
export type TStaffCommunityQuestionSummary = z.infer<typeof ZStaffCommunityQuestionSummary>;

export const COMMUNITY_SORTS = ['newest', 'unanswered'] as const;

/** `GET /api/portal/community-questions`: newest or unanswered first, searched by words of the title and text. */
export const ZCommunityQuestionListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.enum(COMMUNITY_SORTS).default('newest'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TCommunityQuestionListQuery = z.infer<typeof ZCommunityQuestionListQuery>;

export const COMMUNITY_FILTERS = ['unanswered', 'unreviewed', 'hidden'] as const;

/** `GET /api/v1/community-questions`: every question, hidden ones too, with staff's filters. */
export const ZStaffCommunityQuestionListQuery = ZCommunityQuestionListQuery.extend({
  filter: z.enum(COMMUNITY_FILTERS).optional(),
});
export type TStaffCommunityQuestionListQuery = z.infer<typeof ZStaffCommunityQuestionListQuery>;

export const ZCommunityQuestionList = z.object({ data: z.array(ZCommunityQuestionSummary), total: z.number().int() });
export type TCommunityQuestionList = z.infer<typeof ZCommunityQuestionList>;
export const ZStaffCommunityQuestionList = z.object({ data: z.array(ZStaffCommunityQuestionSummary), total: z.number().int() });
export type TStaffCommunityQuestionList = z.infer<typeof ZStaffCommunityQuestionList>;

export const ZCommunityAnswer = z.object({
  id: ZId,
  body: z.string(),
  author: ZCommunityAuthor,
  accepted: z.boolean(),
  createdAt: z.string(),
});
export type TCommunityAnswer = z.infer<typeof ZCommunityAnswer>;
export const ZStaffCommunityAnswer = ZCommunityAnswer.extend(ZModeration.shape);
export type TStaffCommunityAnswer = z.infer<typeof ZStaffCommunityAnswer>;

/** A question with its answers, the accepted one first. */
export const ZCommunityQuestion = z.object({
  id: ZId,
  title: z.string(),
  body: z.string().nullable(),
  author: ZCommunityAuthor,
  createdAt: z.string(),
  acceptedAnswerId: ZId.nullable(),
  /** The knowledge-base article the accepted answer became. */
  article: z.object({ id: ZId, title: z.string() }).nullable(),
  /** The reader asked it, so may accept an answer. */
  mine: z.boolean(),
  answers: z.array(ZCommunityAnswer),
});
export type TCommunityQuestion = z.infer<typeof ZCommunityQuestion>;

export const ZStaffCommunityQuestion = ZCommunityQuestion.extend({
  ...ZModeration.shape,
  answers: z.array(ZStaffCommunityAnswer),
  /** The reader may hide and approve posts (managers and admins). */
  mayModerate: z.boolean(),
});
export type TStaffCommunityQuestion = z.infer<typeof ZStaffCommunityQuestion>;

export const ZAskCommunityQuestionInput = z.strictObject({
  title: trimmed(200).min(5),
  body: trimmed(20_000).nullable().optional(),
});
export type TAskCommunityQuestionInput = z.infer<typeof ZAskCommunityQuestionInput>;

export const ZCommunityAnswerInput = z.strictObject({ body: trimmed(20_000).min(1) });
export type TCommunityAnswerInput = z.infer<typeof ZCommunityAnswerInput>;

export const ZAcceptCommunityAnswerInput = z.strictObject({ answerId: ZId });
export type TAcceptCommunityAnswerInput = z.infer<typeof ZAcceptCommunityAnswerInput>;

export const ZCommunityReviewInput = z.strictObject({ hidden: z.boolean() });
export type TCommunityReviewInput = z.infer<typeof ZCommunityReviewInput>;

/** Turns the question and its accepted answer into a public knowledge-base article. */
export const ZPromoteCommunityQuestionInput = z.strictObject({
  categoryId: ZId.nullable().optional(),
  language: ZKbLanguage.optional(),
  title: trimmed(300).min(1).optional(),
});
export type TPromoteCommunityQuestionInput = z.infer<typeof ZPromoteCommunityQuestionInput>;
export const ZPromoteCommunityQuestionResult = z.object({ articleId: ZId, title: z.string(), status: z.string() });
export type TPromoteCommunityQuestionResult = z.infer<typeof ZPromoteCommunityQuestionResult>;

/** A post waiting for staff's review. */
export const ZModerationItem = z.object({
  kind: z.enum(['question', 'answer']),
  id: ZId,
  questionId: ZId,
  questionTitle: z.string(),
  text: z.string(),
  author: ZCommunityAuthor,
  hidden: z.boolean(),
  createdAt: z.string(),
});
export type TModerationItem = z.infer<typeof ZModerationItem>;
export const ZModerationQueue = z.object({ data: z.array(ZModerationItem) });
export type TModerationQueue = z.infer<typeof ZModerationQueue>;
