import { PROCESS_PROBLEM_CODES, type TProcessProblem, type TProcessProblemCode } from '@clientela/contract';

type Translate = (key: string, options: Record<string, unknown>) => string;

const KNOWN = new Set<string>(PROCESS_PROBLEM_CODES);

/** Tells a code the designer has its own sentence for. */
export function isKnownProblemCode(code: string): code is TProcessProblemCode {
  return KNOWN.has(code);
}

/**
 * A problem of the model in the reader's language, naming its element (by name, else by id); a code
 * this version does not know keeps the server's own sentence.
 */
export function problemMessage(t: Translate, problem: TProcessProblem, elementName: string | null): string {
  const element = elementName || problem.elementId || '';
  if (!isKnownProblemCode(problem.code)) return element ? `${element}: ${problem.message}` : problem.message;
  const text = t(`problems.${problem.code}`, { element, detail: problem.message });
  return element ? t('problems.onElement', { element, text }) : text;
}
