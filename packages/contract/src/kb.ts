import { z } from 'zod';
import { LIST_LIMIT_MAX, ZId } from './common.ts';

/** The languages an article can be written in; its search stems words in that language. */
export const KB_LANGUAGES = ['ru', 'it', 'en'] as const;
export const ZKbLanguage = z.enum(KB_LANGUAGES);
export type TKbLanguage = z.infer<typeof ZKbLanguage>;

/** Internal articles are for staff only; public ones are also readable without signing in. */
export const KB_AUDIENCES = ['internal', 'public'] as const;
export const ZKbAudience = z.enum(KB_AUDIENCES);

export const KB_STATUSES = ['draft', 'published', 'archived'] as const;
export const ZKbStatus = z.enum(KB_STATUSES);

/**
 * The elements an article's body may hold, on the server (sanitize-html) and again in the browser
 * (DOMPurify): paragraphs, headings, lists, emphasis, links, code, quotes, tables and images.
 */
export const KB_ARTICLE_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'a',
  'code',
  'pre',
  'blockquote',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'img',
] as const;

/** Images in an article come from our own attachment files only: no tracking pixels, no mixed content. */
export const KB_OWN_IMAGE = /^\/api\/v1\/attachments\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/file$/i;

const text = (max: number) => z.string().trim().max(max);
const ZRef = z.object({ id: ZId, name: z.string() });

export const ZKbCategory = z.object({
  id: ZId,
  name: z.string(),
  parentId: ZId.nullable(),
  position: z.number().int(),
  /** Published articles in it (for the reader). */
  articles: z.number().int(),
});
export type TKbCategory = z.infer<typeof ZKbCategory>;
export const ZKbCategoryList = z.object({ data: z.array(ZKbCategory) });
export const ZKbCategoryInput = z.strictObject({
  name: text(120).min(1),
  parentId: ZId.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TKbCategoryInput = z.infer<typeof ZKbCategoryInput>;
export const ZUpdateKbCategoryInput = ZKbCategoryInput.partial();

/** An article as lists and search results show it. */
export const ZKbArticleSummary = z.object({
  id: ZId,
  title: z.string(),
  /** The short answer (or the start of the body) for previews and insertion. */
  answer: z.string(),
  category: ZRef.nullable(),
  language: ZKbLanguage,
  audience: ZKbAudience,
  status: ZKbStatus,
  tags: z.array(z.string()),
  version: z.number().int(),
  helpfulYes: z.number().int(),
  helpfulNo: z.number().int(),
  useCount: z.number().int(),
  updatedAt: z.iso.datetime(),
  /** In search results: the matching passage, with matches in `<mark>`; else null. */
  headline: z.string().nullable(),
});
export type TKbArticleSummary = z.infer<typeof ZKbArticleSummary>;

/** An article, whole. `body` is sanitised HTML. */
export const ZKbArticle = ZKbArticleSummary.extend({
  body: z.string(),
  author: ZRef.nullable(),
  updatedBy: ZRef.nullable(),
  createdAt: z.iso.datetime(),
  sourceCase: z.object({ id: ZId, number: z.string() }).nullable(),
  related: z.array(z.object({ id: ZId, title: z.string() })),
  /** The reader's own "was this helpful" answer. */
  myFeedback: z.boolean().nullable(),
  mayChange: z.boolean(),
});
export type TKbArticle = z.infer<typeof ZKbArticle>;

export const ZKbArticleVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  answer: z.string().nullable(),
  author: ZRef.nullable(),
  createdAt: z.iso.datetime(),
});
export const ZKbArticleVersionList = z.object({ data: z.array(ZKbArticleVersion) });

export const KB_SORTS = ['updatedAt', 'title', 'useCount'] as const;

/**
 * `GET /kb-articles`: with `q`, the best matches first (stemmed in each article's language,
 * misspelt words corrected to the base's own words); otherwise by `sort`.
 */
export const ZKbArticleListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  sort: z.enum([...KB_SORTS, ...KB_SORTS.map((s) => `-${s}` as const)]).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[categoryId]': ZId.optional(),
  'filter[language]': ZKbLanguage.optional(),
  'filter[audience]': ZKbAudience.optional(),
  'filter[status]': ZKbStatus.optional(),
  'filter[tag]': z.string().max(100).optional(),
});
export type TKbArticleListQuery = z.infer<typeof ZKbArticleListQuery>;
export const ZKbArticleList = z.object({
  data: z.array(ZKbArticleSummary),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  /** The query as corrected for typos, when a word was corrected. */
  correctedQuery: z.string().nullable().optional(),
});
export type TKbArticleList = z.infer<typeof ZKbArticleList>;

const articleFields = {
  title: text(300).min(1),
  body: z.string().max(200_000),
  answer: text(20_000).nullable().optional(),
  categoryId: ZId.nullable().optional(),
  language: ZKbLanguage,
  audience: ZKbAudience.optional(),
  status: ZKbStatus.optional(),
  tags: z.array(text(60).min(1)).max(30).optional(),
};

/** Writes a new article; `sourceCaseId` when it is written from a resolved case. */
export const ZCreateKbArticleInput = z.strictObject({ ...articleFields, sourceCaseId: ZId.optional() });
export type TCreateKbArticleInput = z.infer<typeof ZCreateKbArticleInput>;

/** Saves a new version; `version` is the one the editor started from (409 when someone saved in between). */
export const ZUpdateKbArticleInput = z.strictObject({
  ...articleFields,
  title: articleFields.title.optional(),
  body: articleFields.body.optional(),
  language: ZKbLanguage.optional(),
  version: z.number().int().min(1),
});
export type TUpdateKbArticleInput = z.infer<typeof ZUpdateKbArticleInput>;

export const ZKbFeedbackInput = z.strictObject({ helpful: z.boolean(), comment: text(1_000).nullable().optional() });
export type TKbFeedbackInput = z.infer<typeof ZKbFeedbackInput>;
/** The article's counts after a reader's "was this helpful" answer, and that answer. */
export const ZKbFeedbackResult = z.object({ helpfulYes: z.number().int(), helpfulNo: z.number().int(), myFeedback: z.boolean() });
export type TKbFeedbackResult = z.infer<typeof ZKbFeedbackResult>;

export const ZKbDraftFromCaseParams = z.strictObject({ caseId: ZId });

/** What a case's resolution offers as a new article (`GET /kb-articles/draft-from-case/:id`). */
export const ZKbDraftFromCase = z.object({
  title: z.string(),
  body: z.string(),
  answer: z.string(),
  language: ZKbLanguage,
  sourceCaseId: ZId,
});

/** The public knowledge base of a workspace (`/api/v1/public/kb/:workspace/...`), without sign-in. */
export const ZPublicKbParams = z.strictObject({ workspace: z.string().min(1).max(100) });
export const ZPublicKbArticleParams = z.strictObject({ workspace: z.string().min(1).max(100), id: ZId });
export const ZPublicKbListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  language: ZKbLanguage.optional(),
  categoryId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ZPublicKbArticle = z.object({
  id: ZId,
  title: z.string(),
  body: z.string(),
  answer: z.string(),
  category: ZRef.nullable(),
  language: ZKbLanguage,
  tags: z.array(z.string()),
  updatedAt: z.iso.datetime(),
  related: z.array(z.object({ id: ZId, title: z.string() })),
});
export const ZPublicKbArticleList = z.object({
  data: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      answer: z.string(),
      language: ZKbLanguage,
      headline: z.string().nullable(),
      updatedAt: z.iso.datetime(),
    }),
  ),
  correctedQuery: z.string().nullable(),
});
