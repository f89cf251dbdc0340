// A search result's passage, made in the server from the article's text once the database has
// said which of its words match the query (their stems are among the query's): up to two
// fragments of at most 30 words around the most matches, the matches in `<mark>`, " … " between
// fragments; the opening 12 words when nothing in the text matches (a match in the title only).
// As ts_headline's fragments, without parsing and stemming every word of every text of the page
// in the database, which took about half of a search's time.
import { escapeHtml } from './rich-text.ts';

const MAX_WORDS = 30;
const MIN_WORDS = 12;
const MAX_FRAGMENTS = 2;
const DELIMITER = ' … ';

/** A word of a text as passages count them: letters (with their marks) and digits. */
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/** The lexemes a tsquery names (its text form quotes each, doubling `'` and `\`): what a passage marks. */
export function lexemesOf(tsquery: string): string[] {
  const lexemes = new Set<string>();
  for (const match of tsquery.matchAll(/'((?:[^'\\]|''|\\\\)*)'/g)) {
    lexemes.add((match[1] as string).replace(/''/g, "'").replace(/\\\\/g, '\\'));
  }
  return [...lexemes];
}

/** A word's first letter without its accent (ё as е, à as a): stemming keeps it, so it sorts out words that cannot match. */
const initialOf = (word: string) => word.charAt(0).normalize('NFD').charAt(0);

/**
 * The distinct lower-case words of `text` that could stem to one of `lexemes` (those that begin
 * with the same letter as one of them): the ones worth asking the database about.
 */
export function candidateWords(text: string, lexemes: readonly string[]): string[] {
  const initials = new Set(lexemes.map(initialOf));
  const words = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0].toLowerCase();
    if (initials.has(initialOf(word))) words.add(word);
  }
  return [...words];
}

type Token = { start: number; end: number; key: string | undefined };

/**
 * The passage of `text` as HTML (the text escaped, the matches marked), or null for an empty text.
 * `keyOf` gives a lower-case word's matching lexeme, or undefined when the word does not match.
 */
export function passageOf(text: string, keyOf: (word: string) => string | undefined): string | null {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, key: keyOf(match[0].toLowerCase()) });
  }
  if (tokens.length === 0) return null;
  const fragments = fragmentsOf(tokens);
  return fragments.map(([from, to]) => fragmentHtml(text, tokens, from, to)).join(DELIMITER);
}

/** The fragments to show, as [first, last] token indexes in text order. */
function fragmentsOf(tokens: readonly Token[]): [number, number][] {
  const hits = tokens.flatMap((token, i) => (token.key === undefined ? [] : [i]));
  if (hits.length === 0) return [[0, Math.min(MIN_WORDS, tokens.length) - 1]];
  const chosen: [number, number][] = [];
  const taken = (i: number) => chosen.some(([from, to]) => i >= from && i <= to);
  for (let n = 0; n < MAX_FRAGMENTS; n++) {
    // The window of at most MAX_WORDS words, starting at a match, with the most different matched
    // lexemes, then the most matches; the earliest among equals.
    let best: { from: number; to: number; distinct: number; count: number } | null = null;
    for (let a = 0; a < hits.length; a++) {
      const from = hits[a] as number;
      if (taken(from)) continue;
      const keys = new Set<string | undefined>();
      let to = from;
      let count = 0;
      for (let b = a; b < hits.length; b++) {
        const at = hits[b] as number;
        if (at - from >= MAX_WORDS || taken(at)) break;
        keys.add(tokens[at]?.key);
        count += 1;
        to = at;
      }
      if (!best || keys.size > best.distinct || (keys.size === best.distinct && count > best.count)) {
        best = { from, to, distinct: keys.size, count };
      }
    }
    if (!best) break;
    // Stretched to MAX_WORDS: half of what is left before the matches, the rest after.
    let { from, to } = best;
    for (let before = Math.floor((MAX_WORDS - (to - from + 1)) / 2); before > 0 && from > 0 && !taken(from - 1); before--) from -= 1;
    while (to - from + 1 < MAX_WORDS && to < tokens.length - 1 && !taken(to + 1)) to += 1;
    chosen.push([from, to]);
  }
  // Fragments that touch are one.
  const sorted = chosen.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Tokens `from`..`to` of the text with what lies between them, escaped, the matches in `<mark>`. */
function fragmentHtml(text: string, tokens: readonly Token[], from: number, to: number): string {
  let html = '';
  for (let i = from; i <= to; i++) {
    const token = tokens[i] as Token;
    if (i > from) html += escapeHtml(text.slice((tokens[i - 1] as Token).end, token.start));
    const word = escapeHtml(text.slice(token.start, token.end));
    html += token.key === undefined ? word : `<mark>${word}</mark>`;
  }
  return html;
}
