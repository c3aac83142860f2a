/**
 * YAML front matter at the top of a Markdown file (`---` … `---` or `...`).
 *
 * Malformed YAML does not block an import: hand-written front matter breaks YAML easily
 * (`title: Part 2: the return` is a YAML error) and the user wants their note, not a parser
 * message. When the YAML parser fails, simple `key: value` lines and `- item` lists are salvaged
 * line by line and the reason is returned in `error` (line numbers counted in the file). A block
 * that is neither a YAML mapping nor salvageable is not front matter: the text stays Markdown
 * (`---` then a line then `---` is also a thematic break and a setext heading).
 */
import { parseDocument } from 'yaml';

export interface FrontMatter {
  /** Keys in lower case. */
  data: Map<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** Why the YAML was not valid, when fields were salvaged line by line. */
  error: string | null;
}

/** Front matter this long is not front matter. */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;

const BLOCK = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export function splitFrontMatter(text: string): FrontMatter | null {
  if (!text.startsWith('---')) return null;
  const m = BLOCK.exec(text.slice(0, MAX_FRONT_MATTER_CHARS + 8));
  if (!m) return null;
  const source = m[1] ?? '';
  const body = text.slice(m[0].length);

  const doc = parseDocument(source, { uniqueKeys: false });
  const firstError = doc.errors[0];
  let conversionError: string | null = null;
  if (!firstError) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (e) {
      // Alias bombs ("billion laughs") and the like: salvage below.
      conversionError = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    }
    if (value === null) return { data: new Map(), body, error: null }; // empty, or only comments
    if (isRecord(value)) return { data: lowerKeys(value), body, error: null };
    if (value !== undefined) return null; // a scalar or a list: not front matter
  }

  const salvaged = salvageLines(source);
  if (!salvaged.size) return null;
  const line = firstError?.linePos?.[0]?.line;
  // The parser's own position is relative to the YAML; ours counts the opening `---` line.
  const reason = firstError
    ? (firstError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    : (conversionError ?? 'could not be read');
  const error = `front matter is not valid YAML${line ? ` (line ${line + 1})` : ''}: ${reason}`;
  return { data: salvaged, body, error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function lowerKeys(record: Record<string, unknown>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    const k = key.trim().toLowerCase();
    if (!map.has(k)) map.set(k, value);
  }
  return map;
}

/** `key: value` (value taken literally, surrounding quotes removed), `key: [a, b]`, `key:` + `- a` lines. */
function salvageLines(source: string): Map<string, unknown> {
  const data = new Map<string, unknown>();
  let listKey: string | null = null;
  for (const line of source.split('\n')) {
    const item = /^\s+-\s+(.*)$|^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = data.get(listKey);
      if (Array.isArray(list)) list.push(unquote(item[1] ?? item[2] ?? ''));
      continue;
    }
    const m = /^([A-Za-z_][\w .-]*?)\s*:(?:\s+(.*))?$/.exec(line);
    if (!m) {
      listKey = null;
      continue;
    }
    const key = (m[1] ?? '').toLowerCase();
    const raw = (m[2] ?? '').trim();
    if (data.has(key)) continue;
    if (!raw) {
      data.set(key, []);
      listKey = key;
    } else if (raw.startsWith('[')) {
      // A flow list, closed or not (an unclosed one is a common reason the YAML failed).
      data.set(
        key,
        raw
          .slice(1)
          .replace(/\]\s*$/, '')
          .split(',')
          .map(unquote)
          .filter(Boolean),
      );
      listKey = null;
    } else {
      data.set(key, unquote(raw));
      listKey = null;
    }
  }
  for (const [key, value] of data) if (Array.isArray(value) && value.length === 0) data.delete(key);
  return data;
}

function unquote(value: string): string {
  const v = value.trim();
  if (
    v.length >= 2 &&
    ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))
  )
    return v.slice(1, -1);
  return v;
}
