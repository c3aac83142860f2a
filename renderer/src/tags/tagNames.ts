/**
 * Tag names as the tag input handles them, matching the library's rules (electron/core/tags):
 * a leading "#" dropped, whitespace collapsed, and names differing only in case or Unicode form
 * are one tag. The library stays the judge (it refuses names over 100 characters, with a message).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** The display form of a typed name, or '' when nothing is left. */
export function cleanTagName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(/^\s*#+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What makes two names the same tag. */
export function tagKey(name: string): string {
  return cleanTagName(name).normalize('NFKC').toLocaleLowerCase('und').normalize('NFC');
}

/**
 * Adds what was typed (one name, or several separated by commas) to a tag list. A name already
 * in the list in another case is not added twice; a name matching a known tag takes the known
 * spelling, so "Sanctions" typed against an existing "sanctions" stays "sanctions".
 */
export function addTags(
  current: readonly string[],
  typed: string,
  known: readonly string[] = [],
): string[] {
  const next = [...current];
  const have = new Set(next.map(tagKey));
  const spelling = new Map(known.map((name) => [tagKey(name), name] as const));
  for (const part of typed.split(',')) {
    const name = cleanTagName(part);
    if (name === '') continue;
    const key = tagKey(name);
    if (have.has(key)) continue;
    have.add(key);
    next.push(spelling.get(key) ?? name);
  }
  return next;
}

export function removeTag(current: readonly string[], name: string): string[] {
  const key = tagKey(name);
  return current.filter((tag) => tagKey(tag) !== key);
}

/** Known tags to offer for what is being typed: prefix matches first, then substring matches. */
export function suggestTags(
  known: readonly string[],
  typed: string,
  exclude: readonly string[],
  limit = 8,
): string[] {
  const query = tagKey(typed);
  const excluded = new Set(exclude.map(tagKey));
  const prefix: string[] = [];
  const inside: string[] = [];
  for (const name of known) {
    const key = tagKey(name);
    if (excluded.has(key)) continue;
    if (query === '' || key.startsWith(query)) prefix.push(name);
    else if (key.includes(query)) inside.push(name);
  }
  return [...prefix, ...inside].slice(0, limit);
}

/** Same tags, ignoring case and order (to skip saving an unchanged list). */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(tagKey));
  return b.every((name) => keys.has(tagKey(name)));
}
