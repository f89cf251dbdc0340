// A search result's passage, made in the server from the article's text once the database has
// said which of its words match the query (their stems are among the query's): up to two
// fragments of at most 30 words around the most matches, the matches in `<mark>`, " … " between
// fragments; the opening 12 words when nothing in the text matches (a match in the title only).
// The same kind of passage as ts_headline's fragments, without parsing and stemming every word of
// every text of the page in the database, which took about half of a search's time.
import { escapeHtml } from './rich-text.ts';

const MAX_WORDS = 30;
const MIN_WORDS = 12;
const MAX_FRAGMENTS = 2;
const DELIMITER = ' … ';

/** The lexemes a tsquery names (its text form quotes each, doubling `'` and `\`): what a passage marks. */
export function lexemesOf(tsquery: string): string[] {
  const lexemes = new Set<string>();
  for (const match of tsquery.matchAll(/'((?:[^'\\]|''|\\\\)*)'/g)) {
    lexemes.add((match[1] as string).replace(/''/g, "'").replace(/\\\\/g, '\\'));
  }
  return [...lexemes];
}

/**
 * Which UTF-16 code units make words (letters with their marks, and digits), built on first use:
 * a table is read far faster than a Unicode regular expression runs over a page of texts.
 */
let wordUnits: Uint8Array | null = null;
function isWordUnit(code: number): boolean {
  if (!wordUnits) {
    const table = new Uint8Array(0x10000);
    const wordChar = /[\p{L}\p{M}\p{N}]/u;
    for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && wordChar.test(String.fromCharCode(c))) table[c] = 1;
    wordUnits = table;
  }
  return wordUnits[code] === 1;
}

/** A word's first letter in lower case without its accent (ё as е, à as a): stemming keeps it. */
const initialOf = (word: string) => word.charAt(0).toLowerCase().normalize('NFD').charAt(0);

/**
 * A text cut into words: where each starts and ends, and the lower-case form of those that could
 * stem to one of the query's lexemes (they begin with the same letter as one of them): the only
 * words worth asking the database about, and the only ones a passage may mark.
 */
export type Words = { text: string; starts: number[]; ends: number[]; candidates: Map<number, string> };

/** Cuts texts into words (see Words) for the lexemes of a query. */
export function wordCutter(lexemes: readonly string[]): (text: string) => Words {
  const initials = new Set(lexemes.map(initialOf));
  const canBegin = new Map<number, boolean>();
  return (text) => {
    const words: Words = { text, starts: [], ends: [], candidates: new Map() };
    let i = 0;
    while (i < text.length) {
      if (!isWordUnit(text.charCodeAt(i))) {
        i += 1;
        continue;
      }
      const start = i;
      while (i < text.length && isWordUnit(text.charCodeAt(i))) i += 1;
      const first = text.charCodeAt(start);
      let candidate = canBegin.get(first);
      if (candidate === undefined) {
        candidate = initials.has(initialOf(String.fromCharCode(first)));
        canBegin.set(first, candidate);
      }
      if (candidate) words.candidates.set(words.starts.length, text.slice(start, i).toLowerCase());
      words.starts.push(start);
      words.ends.push(i);
    }
    return words;
  };
}

/**
 * The passage of a text as HTML (the text escaped, the matches marked), or null when it has no
 * words. `keyOf` gives a candidate word's matching lexeme, or undefined when it does not match.
 */
export function passageOf(words: Words, keyOf: (word: string) => string | undefined): string | null {
  if (words.starts.length === 0) return null;
  const keys = new Map<number, string>();
  for (const [index, word] of words.candidates) {
    const key = keyOf(word);
    if (key !== undefined) keys.set(index, key);
  }
  return fragmentsOf(words.starts.length, keys)
    .map(([from, to]) => fragmentHtml(words, keys, from, to))
    .join(DELIMITER);
}

/** The fragments to show, as [first, last] word indexes in text order; `keys` holds the matches by index. */
function fragmentsOf(count: number, keys: ReadonlyMap<number, string>): [number, number][] {
  const hits = [...keys.keys()].sort((a, b) => a - b);
  if (hits.length === 0) return [[0, Math.min(MIN_WORDS, count) - 1]];
  const chosen: [number, number][] = [];
  const taken = (i: number) => chosen.some(([from, to]) => i >= from && i <= to);
  for (let n = 0; n < MAX_FRAGMENTS; n++) {
    // The window of at most MAX_WORDS words, starting at a match, with the most different matched
    // lexemes, then the most matches; the earliest among equals.
    let best: { from: number; to: number; distinct: number; matches: number } | null = null;
    for (let a = 0; a < hits.length; a++) {
      const from = hits[a] as number;
      if (taken(from)) continue;
      const distinct = new Set<string | undefined>();
      let to = from;
      let matches = 0;
      for (let b = a; b < hits.length; b++) {
        const at = hits[b] as number;
        if (at - from >= MAX_WORDS || taken(at)) break;
        distinct.add(keys.get(at));
        matches += 1;
        to = at;
      }
      if (!best || distinct.size > best.distinct || (distinct.size === best.distinct && matches > best.matches)) {
        best = { from, to, distinct: distinct.size, matches };
      }
    }
    if (!best) break;
    // Stretched to MAX_WORDS: half of what is left before the matches, the rest after.
    let { from, to } = best;
    for (let before = Math.floor((MAX_WORDS - (to - from + 1)) / 2); before > 0 && from > 0 && !taken(from - 1); before--) from -= 1;
    while (to - from + 1 < MAX_WORDS && to < count - 1 && !taken(to + 1)) to += 1;
    chosen.push([from, to]);
  }
  // Fragments that touch are one.
  const merged: [number, number][] = [];
  for (const [from, to] of chosen.sort((x, y) => x[0] - y[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Words `from`..`to` of the text with what lies between them, escaped, the matches in `<mark>`. */
function fragmentHtml(words: Words, keys: ReadonlyMap<number, string>, from: number, to: number): string {
  const { text, starts, ends } = words;
  let html = '';
  let at = starts[from] as number;
  for (let i = from; i <= to; i++) {
    if (!keys.has(i)) continue;
    const start = starts[i] as number;
    const end = ends[i] as number;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, ends[to]));
}
