import type { TLocale, TPublicSurvey, TQuestionType, TSurvey, TSurveyInput } from '@clientela/contract';
import type { FieldError } from '../../lib/api.ts';

/** The languages a survey may be offered in, in the order the builder shows them. */
export const SURVEY_LANGUAGES = ['ru', 'it', 'en'] as const satisfies readonly TLocale[];

export type Texts = Partial<Record<TLocale, string>>;
export type DraftOption = { id: string; text: Texts };
export type DraftQuestion = { id: string; type: TQuestionType; required: boolean; text: Texts; options: DraftOption[] };

/** The builder's form values. */
export type SurveyDraft = {
  name: string;
  languages: TLocale[];
  title: Texts;
  intro: Texts;
  thanks: Texts;
  questions: DraftQuestion[];
};

const CHOICE_TYPES: readonly TQuestionType[] = ['single', 'multiple', 'refusal'];

/** Whether a question of this type is answered by picking among its choices. */
export function hasChoices(type: TQuestionType): boolean {
  return CHOICE_TYPES.includes(type);
}

/** The builder's values of a saved survey. */
export function draftOf(survey: TSurvey): SurveyDraft {
  return {
    name: survey.name,
    languages: survey.languages.length > 0 ? SURVEY_LANGUAGES.filter((lang) => survey.languages.includes(lang)) : ['en'],
    title: { ...survey.title },
    intro: { ...(survey.intro ?? {}) },
    thanks: { ...(survey.thanks ?? {}) },
    questions: survey.questions.map((question) => ({
      id: question.id,
      type: question.type,
      required: question.required ?? false,
      text: { ...question.text },
      options: (question.options ?? []).map((option) => ({ id: option.id, text: { ...option.text } })),
    })),
  };
}

/** Only the offered languages' texts, trimmed; undefined when none is written. */
function textsIn(texts: Texts | undefined, languages: readonly TLocale[]): Texts | undefined {
  const kept: Texts = {};
  for (const lang of languages) {
    const value = texts?.[lang]?.trim();
    if (value) kept[lang] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * What the builder saves: texts in the offered languages only (the title's languages are the
 * survey's), no choices on questions that take none.
 */
export function inputOf(draft: SurveyDraft): TSurveyInput {
  const languages = draft.languages;
  // An empty text keeps its key, so that the server names the field that is missing.
  const required = (texts: Texts | undefined): Texts => textsIn(texts, languages) ?? { [languages[0] ?? 'en']: '' };
  return {
    name: draft.name.trim(),
    title: required(draft.title),
    intro: textsIn(draft.intro, languages) ?? null,
    thanks: textsIn(draft.thanks, languages) ?? null,
    questions: (draft.questions ?? []).map((question) => ({
      id: question.id,
      type: question.type,
      required: Boolean(question.required),
      text: required(question.text),
      options: hasChoices(question.type) ? (question.options ?? []).map((option) => ({ id: option.id, text: required(option.text) })) : [],
    })),
  };
}

/** An id not yet taken among `taken`: `<prefix>1`, `<prefix>2`, ... */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((item) => item.id));
  let n = taken.length + 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** The server's errors about each question, by the question's index (`questions.2.text.it` belongs to the third). */
export function errorsByQuestion(errors: readonly FieldError[]): Map<number, string[]> {
  const byQuestion = new Map<number, string[]>();
  for (const error of errors) {
    const match = /^(?:\/|body[./])?questions[./](\d+)/.exec(error.path);
    if (!match) continue;
    const index = Number(match[1]);
    byQuestion.set(index, [...(byQuestion.get(index) ?? []), error.message]);
  }
  return byQuestion;
}

/** The draft as its respondents would see it in `language`, for the preview. */
export function previewOf(draft: SurveyDraft, language: TLocale, workspaceName: string): TPublicSurvey {
  const pick = (texts: Texts | undefined) => texts?.[language]?.trim() ?? '';
  return {
    language,
    languages: draft.languages,
    title: pick(draft.title),
    intro: pick(draft.intro) || null,
    thanks: pick(draft.thanks) || null,
    answered: false,
    workspace: { name: workspaceName, hasLogo: false },
    questions: (draft.questions ?? []).map((question) => ({
      id: question.id,
      type: question.type,
      text: pick(question.text),
      required: Boolean(question.required),
      options: hasChoices(question.type) ? (question.options ?? []).map((option) => ({ id: option.id, text: pick(option.text) })) : [],
    })),
  };
}
