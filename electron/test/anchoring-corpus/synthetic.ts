/**
 * Seeded generators for scale tests and the benchmark: a long article of plausible prose (a
 * word-bigram walk over the corpus texts, so words and their neighbours look like news/essay
 * English without whole sentences repeating), passages on it, and edits of it.
 */
import { ESSAY, putinArticle } from './texts';

import { prng } from '../prng';

export { prng };

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** A text of about `length` UTF-16 units: paragraphs of 3–7 sentences joined by a blank line. */
export function syntheticArticle(length: number, seed = 1): string {
  const rand = prng(seed);
  const words = (putinArticle() + '\n\n' + ESSAY).split(/\s+/).filter(Boolean);
  const next = new Map<string, string[]>();
  for (let i = 0; i + 1 < words.length; i++) {
    const list = next.get(words[i]!) ?? [];
    list.push(words[i + 1]!);
    next.set(words[i]!, list);
  }
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(rand() * 5);
    for (let s = 0; s < count; s++) {
      let word = pick(rand, words);
      const out = [word[0]!.toUpperCase() + word.slice(1)];
      const n = 8 + Math.floor(rand() * 22);
      for (let w = 1; w < n; w++) {
        // Mostly a plausible next word; sometimes any word, so the walk doesn't loop on a phrase.
        word = pick(rand, rand() < 0.7 ? (next.get(word) ?? words) : words);
        out.push(word);
      }
      sentences.push(out.join(' ').replace(/[.,;:]*$/, '.'));
    }
    const para = sentences.join(' ');
    paragraphs.push(para);
    size += para.length + 2;
  }
  return paragraphs
    .join('\n\n')
    .slice(0, length)
    .replace(/\s+\S*$/, '.');
}

export interface Span {
  start: number;
  end: number;
}

/** `count` passages of 20–300 units starting and ending at word boundaries. */
export function samplePassages(text: string, count: number, seed = 2): Span[] {
  const rand = prng(seed);
  const spans: Span[] = [];
  while (spans.length < count) {
    let start = Math.floor(rand() * (text.length - 400));
    while (start > 0 && /\S/.test(text[start - 1]!)) start--;
    let end = start + 20 + Math.floor(rand() * 280);
    while (end < text.length && /\S/.test(text[end]!)) end++;
    if (/\S/.test(text[start] ?? '') && end > start) spans.push({ start, end });
  }
  return spans;
}

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Applies edits given in any order (each offset refers to the original text). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at))
    out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return out;
}

/**
 * `count` small corrections spread over the text, like a proofreading pass: a word inserted,
 * a word deleted, a letter fixed, a comma added. Edits never overlap.
 */
export function scatteredEdits(text: string, count: number, seed = 3): Edit[] {
  const rand = prng(seed);
  const edits: Edit[] = [];
  const stride = Math.floor(text.length / count);
  for (let i = 0; i < count; i++) {
    let at = i * stride + Math.floor(rand() * (stride - 40));
    while (at < text.length && text[at] !== ' ') at++;
    if (at >= text.length - 20) break;
    const kind = i % 4;
    if (kind === 0) edits.push({ at, remove: 0, insert: ' reportedly' });
    else if (kind === 1) {
      const next = text.indexOf(' ', at + 1);
      edits.push({ at, remove: next - at, insert: '' });
    } else if (kind === 2) edits.push({ at: at + 2, remove: 1, insert: 'x' });
    else edits.push({ at, remove: 0, insert: ',' });
  }
  return edits;
}
