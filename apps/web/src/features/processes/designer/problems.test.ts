import { PROCESS_PROBLEM_CODES } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/process-designer/en.json';
import { problemMessage } from './problems.ts';

// A stand-in for i18next's `t` over the English file, with its {{placeholders}} filled.
const t = (key: string, options: Record<string, unknown>) => {
  const [group, name] = key.split('.') as [keyof typeof en, string];
  const text = (en[group] as Record<string, string>)[name] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, word: string) => String(options[word] ?? ''));
};

describe('problemMessage', () => {
  it('has a sentence for every problem code of the contract', () => {
    for (const code of PROCESS_PROBLEM_CODES) expect(en.problems[code], code).toBeTruthy();
  });

  it('names the element by its name', () => {
    const problem = { elementId: 'assess', code: 'performer_missing', message: 'No performer' };
    expect(problemMessage(t, problem, 'Assess the complaint')).toBe('Assess the complaint: choose who performs this step.');
  });

  it('names the element by its id when it has no name', () => {
    const problem = { elementId: 'Flow_1', code: 'condition_missing', message: 'x' };
    expect(problemMessage(t, problem, null)).toMatch(/^Flow_1: this flow leaves a gateway/);
  });

  it('says a problem of the whole model without an element', () => {
    expect(problemMessage(t, { elementId: null, code: 'no_start_event', message: 'x' }, null)).toBe('The process needs a start event.');
  });

  it('carries the detail where the sentence shows it', () => {
    const problem = { elementId: 'f', code: 'condition_invalid', message: 'unexpected "="' };
    expect(problemMessage(t, problem, 'Founded?')).toBe('Founded?: the condition cannot be read: unexpected "="');
  });

  it("keeps the server's sentence for a code it does not know", () => {
    expect(problemMessage(t, { elementId: 'x', code: 'brand_new', message: 'Something new' }, 'Step')).toBe('Step: Something new');
  });
});
