import { describe, expect, it } from 'vitest';
import { PDF_MESSAGES } from '../quote-pdf.ts';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('quote PDF locale files', () => {
  const english = new Map(flatten(PDF_MESSAGES.en));
  for (const [locale, messages] of Object.entries(PDF_MESSAGES)) {
    it(`${locale}.json has the messages and placeholders of en.json, none empty`, () => {
      const own = new Map(flatten(messages));
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
      }
      if (locale !== 'en') expect([...own].filter(([key, text]) => english.get(key) === text)).toEqual([]);
    });
  }
});
