/**
 * The language of an imported document, for every format: the value the document declares when it
 * is plausible, else one identified from the text. Scripts that nearly settle the language (Hangul,
 * Kana, Cyrillic…) are judged by `guessLang`; Latin and other shared scripts by franc-min's
 * trigram model (82 languages, pure JS). A text too short to judge gives null, never a guess.
 */
import { francAll } from 'franc-min';
import type { Body } from '../../model/body';
import { blockText } from '../../model/body';
import { normalizeLang } from './html/lang';
import { guessLang } from './text/lang';

/** The head of a long document says as much as the whole; trigram scoring is linear in length. */
const SAMPLE_CHARS = 6_000;
/** Below this many letters a trigram guess is noise (franc's own floor is 10 characters). */
const MIN_LETTERS = 60;
/** A declared language is overruled only by a long text whose verdict is clear. */
const OVERRULE_LETTERS = 400;
/** franc scores the best language 1; the declared one must be at least this close to stand. */
const DECLARED_MIN_SCORE = 0.75;
/** The runner-up must be this far behind for a guess to count when nothing is declared. */
const MAX_RUNNER_UP = 0.97;

export interface LanguageVerdict {
  /** BCP 47 primary tag (`en`, `de`, `zh`). */
  lang: string;
  /** Each candidate's score, best first (1 for the best). */
  scores: ReadonlyMap<string, number>;
  letters: number;
  /** Settled by the writing system (Hangul, Kana, Cyrillic…), not by trigram statistics. */
  byScript: boolean;
}

/** The text franc is asked about: the body's head, headings and captions included. */
export function languageSample(body: Body): string {
  let out = '';
  for (const block of body.blocks) {
    if (block.type === 'code') continue;
    out += blockText(block) + '\n';
    if (out.length >= SAMPLE_CHARS) break;
  }
  return out.slice(0, SAMPLE_CHARS);
}

function countLetters(text: string): number {
  const m = text.match(/\p{L}/gu);
  return m ? m.length : 0;
}

/** The language of `text`, or null when it is too short or too close to call. */
export function identifyLanguage(text: string): LanguageVerdict | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = countLetters(sample);
  const byScript = guessLang([sample]);
  if (byScript)
    return { lang: byScript, scores: new Map([[byScript, 1]]), letters, byScript: true };
  if (letters < MIN_LETTERS) return null;
  const scores = new Map<string, number>();
  for (const [code, score] of francAll(sample, { minLength: 10 })) {
    const tag = normalizeLang(code);
    if (tag && !scores.has(tag)) scores.set(tag, score);
  }
  const ranked = [...scores.entries()];
  const best = ranked[0];
  if (!best || best[0] === 'und') return null;
  const runnerUp = ranked[1]?.[1] ?? 0;
  if (runnerUp > MAX_RUNNER_UP && letters < OVERRULE_LETTERS) return null;
  return { lang: best[0], scores, letters, byScript: false };
}

function primary(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? tag;
}

/**
 * The declared tag when the text agrees with it or is too short to say; the identified language
 * when nothing is declared or when a long text clearly is in another language (a CMS template's
 * `lang="en"` on a German article).
 */
export function resolveLanguage(declared: string | null, text: string): string | null {
  const tag = normalizeLang(declared);
  const verdict = identifyLanguage(text);
  if (!verdict) return tag;
  if (!tag || primary(tag) === 'und') return verdict.lang;
  const declaredPrimary = primary(tag);
  if (declaredPrimary === primary(verdict.lang)) return tag;
  if (verdict.letters < OVERRULE_LETTERS) return tag;
  if (verdict.byScript) return verdict.lang;
  const declaredScore = verdict.scores.get(declaredPrimary);
  // A language the trigram model doesn't know (not among franc-min's 82) can't be judged: kept.
  if (declaredScore === undefined || declaredScore >= DECLARED_MIN_SCORE) return tag;
  return verdict.lang;
}
