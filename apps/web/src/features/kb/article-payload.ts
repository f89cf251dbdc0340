import type { TCreateKbArticleInput, TKbArticle, TKbLanguage, TUpdateKbArticleInput } from '@clientela/contract';

/** The editor's fields, as the form holds them. */
export type KbArticleValues = {
  title: string;
  body: string;
  answer: string;
  categoryId: string | null;
  language: TKbLanguage;
  audience: TKbArticle['audience'];
  status: TKbArticle['status'];
  tags: string[];
};

/** An empty article in the writer's language: internal and published, as most answers are. */
export function emptyValues(language: TKbLanguage): KbArticleValues {
  return { title: '', body: '', answer: '', categoryId: null, language, audience: 'internal', status: 'published', tags: [] };
}

/** What the editor starts from when it changes an article. */
export function valuesOf(article: TKbArticle): KbArticleValues {
  return {
    title: article.title,
    body: article.body,
    answer: article.answer,
    categoryId: article.category?.id ?? null,
    language: article.language,
    audience: article.audience,
    status: article.status,
    tags: article.tags,
  };
}

function fields(values: KbArticleValues) {
  const tags = [...new Set(values.tags.map((tag) => tag.trim()).filter(Boolean))];
  return {
    title: values.title.trim(),
    body: values.body,
    // No short answer: the server offers the start of the body instead.
    answer: values.answer.trim() || null,
    categoryId: values.categoryId ?? null,
    language: values.language,
    audience: values.audience,
    status: values.status,
    tags,
  };
}

/** A new article; `sourceCaseId` when it is written from a resolved case. */
export function createPayload(values: KbArticleValues, sourceCaseId?: string): TCreateKbArticleInput {
  return { ...fields(values), ...(sourceCaseId ? { sourceCaseId } : {}) };
}

/** A new version of an article, carrying the version the editor started from. */
export function updatePayload(values: KbArticleValues, version: number): TUpdateKbArticleInput {
  return { ...fields(values), version };
}
