import { LOCALES as CONTRACT_LOCALES, ERROR_CODES } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES } from '../lib/errors.ts';
import { LOCALES } from '../lib/locales.ts';
import customersEn from './customers/en.json';
import customersIt from './customers/it.json';
import customersRu from './customers/ru.json';
import duplicatesEn from './duplicates/en.json';
import duplicatesIt from './duplicates/it.json';
import duplicatesRu from './duplicates/ru.json';
import en from './en.json';
import it_ from './it.json';
import ru from './ru.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

// The namespaces loaded with their pages (customers, duplicates) are checked as one with the main file.
const withNamespaces = (main: Tree, customers: Tree, duplicates: Tree) => flatten({ ...main, customers, duplicates } as Tree);
const locales = {
  en: withNamespaces(en, customersEn, duplicatesEn),
  ru: withNamespaces(ru, customersRu, duplicatesRu),
  it: withNamespaces(it_, customersIt, duplicatesIt),
};
const englishKeys = [...locales.en.keys()].sort();

describe('locale files', () => {
  for (const [name, messages] of Object.entries(locales)) {
    it(`${name}.json has exactly the keys of en.json`, () => {
      expect([...messages.keys()].sort()).toEqual(englishKeys);
    });

    it(`${name}.json has no empty message`, () => {
      const empty = [...messages].filter(([, value]) => value.trim() === '').map(([key]) => key);
      expect(empty).toEqual([]);
    });

    it(`${name}.json uses the same {{placeholders}} as en.json`, () => {
      for (const [key, value] of messages) {
        expect(placeholders(value), key).toEqual(placeholders(locales.en.get(key) ?? ''));
      }
    });

    it(`${name}.json has a message for every error code of the API and the web app`, () => {
      for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) {
        expect(messages.get(`errors.${code}`), code).toBeTruthy();
      }
    });
  }

  it('the web app speaks exactly the languages of the contract', () => {
    expect([...LOCALES].sort()).toEqual([...CONTRACT_LOCALES].sort());
  });

  it('translations are real, not copies of English', () => {
    // Brand and language names are the same everywhere; most other texts must differ.
    const same = englishKeys.filter((key) => locales.ru.get(key) === locales.en.get(key));
    expect(same.length).toBeLessThan(englishKeys.length / 20);
  });
});
