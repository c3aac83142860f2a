/**
 * Splits pasted text into units: blank lines separate chunks; inside a chunk, runs of list items
 * and "> " quotes are recognised, and the remaining lines either stand alone (one paragraph per line,
 * as many sites paste) or stay together (verse, addresses, hard-wrapped prose), decided per run.
 */
import { endsSentence, isBlank, trimVisible } from './normalize';

export type Unit =
  | { kind: 'line'; text: string }
  | { kind: 'lines'; text: string; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[]; raw: string[]; strong: boolean }
  | { kind: 'quote'; text: string };

/** Lines longer than this were not hard-wrapped by hand: each is its own paragraph. */
const WRAP_MAX = 120;

const BULLET = /^([•◦▪‣●○■□➢►–—*-])\s+(?=\S)/u;
const NUMBERED = /^(\d{1,3})[.)]\s+(?=\S)/;
const QUOTE = /^>\s?/;

interface Marker {
  ordered: boolean;
  /** `•` and friends are never prose; "-", "*" and "1." need a second item to count. */
  strong: boolean;
  length: number;
}

function listMarker(line: string): Marker | null {
  if (line.length === 0) return null;
  const bullet = BULLET.exec(line);
  if (bullet)
    return { ordered: false, strong: !/^[–—*-]$/.test(bullet[1] ?? ''), length: bullet[0].length };
  const numbered = NUMBERED.exec(line);
  if (numbered) return { ordered: true, strong: false, length: numbered[0].length };
  return null;
}

/**
 * Keeps a run of short lines together when they read as wrapped or verse: most lines stop
 * mid-sentence. Lines the caller says stand alone (chrome, bylines, captions) force a split.
 */
function keepTogether(lines: readonly string[], standsAlone: (line: string) => boolean): boolean {
  let open = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > WRAP_MAX) return false;
    if (i < lines.length - 1 && !endsSentence(line)) open++;
  }
  // The costlier per-line classification only runs for runs that would otherwise stay together.
  return open * 2 >= lines.length - 1 && !lines.some(standsAlone);
}

function pushRun(out: Unit[], run: string[], standsAlone: (line: string) => boolean): void {
  if (run.length === 0) return;
  if (run.length > 1 && keepTogether(run, standsAlone)) {
    out.push({ kind: 'lines', text: run.join('\n'), lines: [...run] });
  } else {
    for (const text of run) out.push({ kind: 'line', text });
  }
}

function chunkUnits(
  lines: readonly string[],
  standsAlone: (line: string) => boolean,
  out: Unit[],
): void {
  let run: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const marker = listMarker(line);
    if (marker) {
      pushRun(out, run, standsAlone);
      run = [];
      const items: string[] = [];
      const raw: string[] = [];
      let strong = marker.strong;
      let next: Marker | null = marker;
      while (next && next.ordered === marker.ordered) {
        const current = lines[i] ?? '';
        raw.push(current);
        items.push(trimVisible(current.slice(next.length)));
        strong ||= next.strong;
        i++;
        next = i < lines.length ? listMarker(lines[i] ?? '') : null;
      }
      out.push({ kind: 'list', ordered: marker.ordered, items, raw, strong });
      continue;
    }
    if (QUOTE.test(line)) {
      pushRun(out, run, standsAlone);
      run = [];
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(QUOTE, '').trimEnd());
        i++;
      }
      out.push({ kind: 'quote', text: trimVisible(quoted.join('\n')) });
      continue;
    }
    run.push(line);
    i++;
  }
  pushRun(out, run, standsAlone);
}

/**
 * Lists split by blank lines (one item per chunk, as browsers often paste them) become one list;
 * a lone weak item ("- x", "1. x") is ordinary text after all.
 */
function mergeLists(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    if (u.kind === 'list' && prev?.kind === 'list' && prev.ordered === u.ordered) {
      // Units are fresh objects built above, so appending in place is safe and keeps this linear.
      for (const item of u.items) prev.items.push(item);
      for (const line of u.raw) prev.raw.push(line);
      prev.strong ||= u.strong;
    } else {
      out.push(u);
    }
  }
  return out.flatMap((u): Unit[] =>
    u.kind === 'list' && u.items.length === 1 && !u.strong
      ? [{ kind: 'line', text: u.raw[0] ?? '' }]
      : [u],
  );
}

/** Units of a text whose line endings are already normalised to "\n". */
export function splitUnits(text: string, standsAlone: (line: string) => boolean): Unit[] {
  const units: Unit[] = [];
  let chunk: string[] = [];
  const flush = (): void => {
    if (chunk.length > 0) chunkUnits(chunk, standsAlone, units);
    chunk = [];
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (isBlank(line)) flush();
    else chunk.push(trimVisible(line));
    start = end + 1;
  }
  flush();
  return mergeLists(units);
}
