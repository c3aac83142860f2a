/**
 * Turns readable edit specs (quotes and find/replace edits) into concrete cases with offsets.
 * Kept independent of the anchoring code: labels are located with plain indexOf, and a spec
 * that does not locate exactly (a quote missing or ambiguous) throws, so a corpus typo cannot
 * silently become a wrong label.
 */

export type Category =
  | 'shift'
  | 'insert'
  | 'delete'
  | 'whitespace'
  | 'punctuation'
  | 'split'
  | 'typo'
  | 'duplicate'
  | 'short'
  | 'long'
  | 'cjk'
  | 'emoji'
  | 'orphan';

/**
 * A range of a text: a quote that occurs exactly once; the Nth occurrence; a quote inside a
 * unique larger context; or everything from the start of one unique quote to the end of another.
 */
export type RangeSpec =
  | string
  | { quote: string; occurrence: number }
  | { quote: string; within: string }
  | { from: string; to: string };

/** Replace a text that occurs exactly once, or transform the whole text. */
export type Edit = readonly [find: string, replace: string] | ((text: string) => string);

export interface CaseSpec {
  name: string;
  category: Category;
  original: string;
  passage: RangeSpec;
  edits: readonly Edit[];
  /** Where a careful human would put the passage in the edited text, or 'orphaned'. */
  expect: RangeSpec | 'orphaned';
}

export interface Range {
  start: number;
  end: number;
}

export interface EditCase {
  name: string;
  category: Category;
  original: string;
  passage: Range;
  edited: string;
  expected: Range | 'orphaned';
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}

function unique(text: string, quote: string, what: string): number {
  const found = occurrences(text, quote);
  if (found.length !== 1)
    throw new Error(`${what}: “${quote.slice(0, 60)}” occurs ${found.length} times, expected once`);
  return found[0]!;
}

export function locate(text: string, spec: RangeSpec, what: string): Range {
  if (typeof spec === 'string') {
    const at = unique(text, spec, what);
    return { start: at, end: at + spec.length };
  }
  if ('occurrence' in spec) {
    const at = occurrences(text, spec.quote)[spec.occurrence - 1];
    if (at === undefined)
      throw new Error(`${what}: “${spec.quote}” has no occurrence ${spec.occurrence}`);
    return { start: at, end: at + spec.quote.length };
  }
  if ('within' in spec) {
    const outer = unique(text, spec.within, what);
    const inner = spec.within.indexOf(spec.quote);
    if (inner === -1) throw new Error(`${what}: “${spec.quote}” is not inside “${spec.within}”`);
    return { start: outer + inner, end: outer + inner + spec.quote.length };
  }
  const start = unique(text, spec.from, what);
  const toAt = text.indexOf(spec.to, start);
  if (toAt === -1) throw new Error(`${what}: “${spec.to}” does not follow “${spec.from}”`);
  return { start, end: toAt + spec.to.length };
}

export function applyEdit(text: string, edit: Edit, what: string): string {
  if (typeof edit === 'function') return edit(text);
  const [find, replace] = edit;
  const at = unique(text, find, what);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

export function buildCase(spec: CaseSpec): EditCase {
  const what = `corpus case “${spec.name}”`;
  const passage = locate(spec.original, spec.passage, `${what} (passage)`);
  let edited = spec.original;
  for (const edit of spec.edits) edited = applyEdit(edited, edit, `${what} (edit)`);
  const expected =
    spec.expect === 'orphaned' ? 'orphaned' : locate(edited, spec.expect, `${what} (expected)`);
  return {
    name: spec.name,
    category: spec.category,
    original: spec.original,
    passage,
    edited,
    expected,
  };
}
