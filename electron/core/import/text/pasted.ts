/**
 * Plain text pasted from a web page (or any plain text file) → ParsedArticle. The text's characters
 * are kept as they are: only line endings are normalised and lines trimmed; header lines become
 * metadata, chrome is dropped, and everything else becomes blocks in order.
 */
import { blockText, makeBody, paragraph, type Block } from '../../../model/body';
import { CommonplaceError } from '../../errors';
import type { ParsedArticle } from '../types';
import { isDanglingBy, isNameList, parseMetadataLine, type DateRole } from './byline';
import { captionKind } from './captions';
import { isAdLine, isChromeLine, isLinkOutLine } from './chrome';
import { clipAtWord, firstSentence } from './clip';
import { formatMoment, type Moment } from './dateline';
import { dropPageFurniture, headerBlockDate, memoHeader } from './document';
import { readHeader, type Header } from './header';
import { guessLang } from './lang';
import {
  comparable,
  endsSentence,
  hasLetter,
  isBlank,
  normalizeLineEndings,
  trimVisible,
} from './normalize';
import { splitUnits, type Unit } from './units';
import { UNTITLED } from '../../../model/titles';

const EXCERPT_LENGTH = 300;
const FALLBACK_TITLE_LENGTH = 100;
const MAX_HEADING = 70;
const LANG_SAMPLE = 50_000;

function standsAlone(line: string): boolean {
  return (
    isChromeLine(line) ||
    isLinkOutLine(line) ||
    isDanglingBy(line) ||
    captionKind(line) !== null ||
    parseMetadataLine(line) !== null
  );
}

function caption(text: string): Block {
  return { type: 'caption', content: [{ text }] };
}

/** A short capitalised line between paragraphs, without closing punctuation: a subhead. */
function isHeadingLine(text: string): boolean {
  if (text.length > MAX_HEADING * 2) return false;
  const c = comparable(text);
  if (c.length < 2 || c.length > MAX_HEADING || !hasLetter(c)) return false;
  if (c.split(' ').length > 10 || /[,;:]$/.test(c)) return false;
  if (endsSentence(c) && !c.endsWith('?')) return false;
  return /^[\p{Lu}\p{Lo}\d]/u.test(c) && !isChromeLine(c);
}

/** The unit at `k` (before `to`) is running text, so a short line before it can head a section. */
function proseFollows(units: readonly Unit[], k: number, to: number): boolean {
  const next = units[k];
  if (k >= to || next === undefined) return false;
  return (
    next.kind === 'lines' ||
    (next.kind === 'line' && !isHeadingLine(next.text) && captionKind(next.text) === null)
  );
}

interface Drafted {
  block: Block;
  /** Set on caption blocks whose only evidence is an agency name. */
  agency: boolean;
}

function bodyBlocks(units: readonly Unit[], from: number, articleLike: boolean): Drafted[] {
  let to = units.length;
  // Share bars, "Related" headers and the like trail the article when it is copied with the page.
  while (to > from) {
    const last = units[to - 1];
    if (last?.kind !== 'line' || !(isChromeLine(last.text) || isLinkOutLine(last.text))) break;
    to--;
  }
  const out: Drafted[] = [];
  for (let k = from; k < to; k++) {
    const u = units[k];
    if (u === undefined) continue;
    switch (u.kind) {
      case 'lines':
        out.push({ block: paragraph(u.text), agency: false });
        break;
      case 'quote':
        out.push({ block: { type: 'quote', content: [{ text: u.text }] }, agency: false });
        break;
      case 'list':
        out.push({
          block: { type: 'list', ordered: u.ordered, items: u.items.map((text) => [{ text }]) },
          agency: false,
        });
        break;
      case 'line': {
        if (isAdLine(u.text) || isLinkOutLine(u.text)) break;
        const kind = captionKind(u.text);
        if (kind) {
          out.push({ block: caption(u.text), agency: kind === 'agency' });
          break;
        }
        if (
          articleLike &&
          out.length > 0 &&
          isHeadingLine(u.text) &&
          proseFollows(units, k + 1, to)
        ) {
          out.push({
            block: { type: 'heading', level: 2, content: [{ text: u.text }] },
            agency: false,
          });
        } else {
          out.push({ block: paragraph(u.text), agency: false });
        }
        break;
      }
    }
  }
  return out;
}

/** Published date: the first "published"/plain date, else the first "updated" one; a lone time joins a lone date. */
function pickPublished(moments: readonly { role: DateRole; moment: Moment }[]): string | null {
  for (const role of ['published', 'updated'] as const) {
    const ofRole = moments.filter((m) => m.role === role).map((m) => m.moment);
    const dated = ofRole.find((m) => m.date !== null);
    if (!dated?.date) continue;
    const time = dated.time ?? ofRole.find((m) => m.date === null && m.time !== null)?.time ?? null;
    return formatMoment(dated.date, time);
  }
  return null;
}

/** The first blocks' text, enough for a script guess without copying a huge body. */
function sampleText(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  let size = 0;
  for (const b of blocks) {
    if (size > LANG_SAMPLE) break;
    const text =
      b.type === 'list'
        ? b.items
            .slice(0, 200)
            .map((item) => item.map((s) => s.text).join(''))
            .join('\n')
        : blockText(b);
    out.push(text.slice(0, LANG_SAMPLE));
    size += text.length;
  }
  return out;
}

/**
 * Whitespace runs (line breaks, NBSP) become one space for one-line fields; zero-width joiners stay,
 * since removing them would split emoji and change how some scripts render.
 */
function foldSpaces(text: string): string {
  return trimVisible(text.replace(/\s+/g, ' '));
}

function fileStem(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
}

function fallbackTitle(blocks: readonly Block[]): string | null {
  const prose = blocks.find((b) => b.type !== 'caption') ?? blocks[0];
  if (!prose) return null;
  const text = blockText(prose);
  const newline = text.indexOf('\n');
  const firstLine = foldSpaces(text.slice(0, newline >= 0 ? Math.min(newline, 2000) : 2000));
  // A line of emoji or punctuation names nothing; the file name says more.
  if (!/[\p{L}\p{N}]/u.test(firstLine)) return null;
  return clipAtWord(firstSentence(firstLine), FALLBACK_TITLE_LENGTH);
}

function plainBlocks(units: readonly Unit[]): Block[] {
  return units.map((u): Block => {
    if (u.kind === 'list')
      return { type: 'list', ordered: u.ordered, items: u.items.map((text) => [{ text }]) };
    if (u.kind === 'quote') return { type: 'quote', content: [{ text: u.text }] };
    return paragraph(u.text);
  });
}

export function parsePastedText(text: string, fileName: string): ParsedArticle {
  const normalized = dropPageFurniture(normalizeLineEndings(text));
  if (isBlank(normalized))
    throw new CommonplaceError('empty_file', `${fileName}: the file has no visible text`);
  const memo = memoHeader(normalized, isNameList);
  const units = splitUnits(memo?.rest ?? normalized, standsAlone);
  const header: Header = memo
    ? {
        title: memo.title,
        subtitle: null,
        byline: memo.author,
        siteName: null,
        moments: [],
        articleLike: false,
        carried: [],
        end: 0,
      }
    : readHeader(units);

  const drafted: Drafted[] = header.carried.map((item) =>
    item.caption
      ? { block: caption(item.text), agency: item.caption === 'agency' }
      : { block: paragraph(item.text), agency: false },
  );
  for (const d of bodyBlocks(units, header.end, header.articleLike)) drafted.push(d);
  // A bare "(Yonhap)" at the very end signs off wire copy; on any other paragraph it credits a photo.
  const last = drafted[drafted.length - 1];
  if (last?.agency) last.block = paragraph(blockText(last.block));

  // Only chrome or metadata (a file that is just "Share", or just a byline): keep it all as text.
  let blocks = drafted.map((d) => d.block);
  if (blocks.length === 0) blocks = plainBlocks(units);

  const title = header.title ?? fallbackTitle(blocks) ?? (fileStem(fileName) || UNTITLED);
  const firstParagraph = blocks.find((b) => b.type === 'paragraph');
  const lang = guessLang([title, ...sampleText(blocks)]);

  return {
    format: 'text',
    title,
    subtitle: header.subtitle,
    byline: header.byline,
    published: pickPublished(header.moments) ?? headerBlockDate(normalized),
    siteName: header.siteName,
    lang,
    excerpt: firstParagraph
      ? clipAtWord(foldSpaces(blockText(firstParagraph).slice(0, 2000)), EXCERPT_LENGTH)
      : null,
    tags: [],
    body: makeBody(blocks),
  };
}
