/**
 * Header lines that carry who and when: "By A, B and C", "June 18, 2024 - 16:20 By Ji Da-gyum",
 * "Hannah Okafor | Published Jun. 18, 2024, 4:20 p.m. ET", "Posted on 3 March 2023 by X",
 * "Updated: …", "입력 2024.03.05 10:30 수정 …", "김민수 기자". A line counts as metadata only when
 * every part of it is understood, so a sentence that starts with "By" stays prose.
 */
import { comparable } from './normalize';
import { parseMoment, type Moment } from './dateline';

export type DateRole = 'published' | 'updated';

export interface LineFacts {
  byline: string | null;
  moments: { role: DateRole; moment: Moment }[];
  /** An outlet named beside the byline ("By A | Reuters"). */
  siteName: string | null;
}

const MAX_META_LINE = 300;

/** Lowercase words allowed inside personal names and between them. */
const NAME_PARTICLES = new Set([
  'and',
  '&',
  'de',
  'da',
  'das',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'den',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'e',
  'ter',
  'ten',
  'zu',
]);

const ROLE =
  /^(?:(?:staff|senior|chief|contributing|special|associate|managing|deputy|foreign|political|business|tech(?:nology)?|science|health)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|photographer|analyst|producer)s?$/i;

const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lo}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u;

/** "Ji Da-gyum", "A, B and C", "JANE DOE", "김민수": capitalised or caseless-script words only. */
export function isNameList(text: string): boolean {
  const s = text.trim();
  if (s.length === 0 || s.length > 150 || /\d|[!?;:]/.test(s)) return false;
  const tokens = s.split(/[\s,]+/).filter((t) => t.length > 0);
  if (tokens.length > 20) return false;
  let names = 0;
  for (const t of tokens) {
    if (NAME_PARTICLES.has(t.toLowerCase()) && t === t.toLowerCase()) continue;
    if (!NAME_TOKEN.test(t)) return false;
    names++;
  }
  if (names === 0) return false;
  // A sentence-final period on a long token ("Smith said.") is prose; initials ("J.") are fine.
  const last = tokens[tokens.length - 1] ?? '';
  return !(last.endsWith('.') && last.length > 3 && !/^(?:Jr|Sr|St)\.$/.test(last));
}

/** Drops role descriptions after commas ("Jane Doe, Staff Writer" → "Jane Doe"). */
function cleanNames(text: string): string | null {
  const parts = text.split(',').map((p) => p.trim());
  const kept = parts.filter((p) => p.length > 0 && !ROLE.test(p));
  if (kept.length === 0) return null;
  const joined = kept.join(', ');
  return isNameList(joined) ? joined : null;
}

const LABEL =
  /^(first published|last updated|last modified|published|posted|updated|modified|created|dated|date|입력|최종 ?수정|수정|등록|업데이트|기사입력|승인)(?=[\s:]|\d|$)(?:\s+(?:on|at))?\s*:?\s*/i;
const UPDATED_LABELS =
  /^(?:last updated|last modified|updated|modified|최종 ?수정|수정|업데이트)$/i;
/** Where a second labelled part starts inside one segment ("입력 … 수정 …", "Published … Updated …"). */
const LABEL_SPLIT =
  /(?<!최종|last|first)\s+(?=(?:published|posted|updated|last updated|modified|입력|최종 ?수정|수정|등록|업데이트)(?:[\s:]|\d))/i;
const RELATIVE =
  /^(?:\d{1,3}\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|just now|today|yesterday)$/i;
const MAY_BE_METADATA = /\d|(?:^|\s)by(?:[\s:]|$)|기자|특파원|just now|today|yesterday/i;
const KOREAN_REPORTER =
  /^([\p{Script=Hangul}]{2,4})\s?(?:기자|특파원|선임기자|객원기자)(?:\s*[=:])?(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$/u;

type Part =
  | { kind: 'by'; names: string; moment: Moment | null; role: DateRole }
  | { kind: 'date'; moment: Moment | null; role: DateRole; labelled: boolean }
  | { kind: 'name'; names: string }
  | { kind: 'role' };

/** "DATE By NAMES" or "By NAMES" (the date part optional); null when it isn't that shape. */
function readByForm(s: string, role: DateRole): Part | null {
  const re = /(?:^|\s)by[\s:]+/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const names = cleanNames(s.slice(m.index + m[0].length).replace(/[\s.,]+$/, ''));
    if (!names) continue;
    const before = s.slice(0, m.index).replace(/[\s,\-–—|]+$/, '');
    if (before.length === 0) return { kind: 'by', names, moment: null, role };
    const moment = parseMoment(before);
    if (moment) return { kind: 'by', names, moment, role };
  }
  return null;
}

function readPart(segment: string): Part | null {
  const label = LABEL.exec(segment);
  if (label) {
    const role: DateRole = UPDATED_LABELS.test(label[1] ?? '') ? 'updated' : 'published';
    const rest = segment.slice(label[0].length).trim();
    if (rest.length === 0) return null;
    const moment = parseMoment(rest);
    if (moment) return { kind: 'date', moment, role, labelled: true };
    if (RELATIVE.test(rest)) return { kind: 'date', moment: null, role, labelled: true };
    return readByForm(rest, role);
  }
  const by = readByForm(segment, 'published');
  if (by) return by;
  const moment = parseMoment(segment);
  if (moment) return { kind: 'date', moment, role: 'published', labelled: false };
  const reporter = KOREAN_REPORTER.exec(segment);
  if (reporter) return { kind: 'by', names: reporter[1] ?? '', moment: null, role: 'published' };
  if (ROLE.test(segment)) return { kind: 'role' };
  const names = cleanNames(segment);
  return names ? { kind: 'name', names } : null;
}

/** Facts from one header line, or null when the line is not (only) a byline/dateline. */
export function parseMetadataLine(line: string): LineFacts | null {
  if (line.length > MAX_META_LINE * 2) return null;
  // Every byline or dateline has a digit, a "by", a reporter title or a relative day: a cheap gate.
  if (!MAY_BE_METADATA.test(line)) return null;
  const text = comparable(line);
  if (text.length === 0 || text.length > MAX_META_LINE) return null;
  const segments = text
    .split(/\s*[|·•]\s*|\s+[—–]\s+/)
    .flatMap((s) => s.split(LABEL_SPLIT))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const parts: Part[] = [];
  for (const segment of segments) {
    const part = readPart(segment);
    if (!part) return null;
    parts.push(part);
  }
  const hasBy = parts.some((p) => p.kind === 'by');
  const hasDate = parts.some((p) => p.kind === 'date');
  // Bare names only count beside a "By" or a date, otherwise any short capitalised line would qualify.
  if (!hasBy && !hasDate) return null;
  const facts: LineFacts = { byline: null, moments: [], siteName: null };
  for (const p of parts) {
    if (p.kind === 'by' || p.kind === 'date') {
      if (p.moment) facts.moments.push({ role: p.role, moment: p.moment });
    }
    if (p.kind === 'by' && facts.byline === null) facts.byline = p.names;
    else if (p.kind === 'name') {
      if (facts.byline === null && !hasBy) facts.byline = p.names;
      else if (facts.siteName === null && hasBy) facts.siteName = p.names;
    }
  }
  return facts;
}

/** A line that is only "By" (the names follow on the next line). */
export function isDanglingBy(line: string): boolean {
  return line.length <= 40 && /^by:?$/i.test(comparable(line));
}
