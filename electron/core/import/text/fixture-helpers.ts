/** Test helpers for the pasted-text importer: read fixtures, flatten results for comparison. */
import { readFileSync } from 'node:fs';
import { blockText, bodyToText, type Block } from '../../../model/body';
import type { ParsedArticle } from '../types';

export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export type Shape =
  | { type: 'paragraph' | 'caption' | 'quote' | 'figure'; text: string }
  | { type: 'image'; src: string; text: string }
  | { type: 'heading'; level: number; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'code'; text: string };

/** The body as plain data, so one `toEqual` checks every block's type and text in order. */
export function shapeOf(article: ParsedArticle): Shape[] {
  return article.body.blocks.map((b: Block): Shape => {
    switch (b.type) {
      case 'list':
        return {
          type: 'list',
          ordered: b.ordered,
          items: b.items.map((item) => item.map((s) => s.text).join('')),
        };
      case 'heading':
        return { type: 'heading', level: b.level, text: blockText(b) };
      case 'code':
        return { type: 'code', text: b.text };
      case 'image':
        return { type: 'image', src: b.src, text: blockText(b) };
      default:
        return { type: b.type, text: blockText(b) };
    }
  });
}

const MARKER = /^(?:[•◦▪‣●○■□➢►–—*-]|\d{1,3}[.)]|>)\s*/u;

/**
 * Source lines (trimmed, markers removed) that appear nowhere in the title, subtitle or body: what
 * the importer dropped. Tests compare this with the chrome and metadata lines they expect to go.
 */
export function droppedLines(source: string, article: ParsedArticle): string[] {
  const kept = [article.title, article.subtitle ?? '', bodyToText(article.body)].join('\n');
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line.replace(/^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g, ''),
    )
    .filter((line) => line.length > 0)
    .filter((line) => !kept.includes(line.replace(MARKER, '')));
}
