/** Scripts written right to left, as BCP 47 script subtags. */
const RTL_SCRIPTS = new Set([
  'arab',
  'hebr',
  'syrc',
  'thaa',
  'nkoo',
  'adlm',
  'rohg',
  'mand',
  'samr',
]);
/** Languages whose default script is right to left. */
const RTL_LANGUAGES = new Set([
  'ar',
  'he',
  'iw',
  'fa',
  'ur',
  'ps',
  'sd',
  'ug',
  'yi',
  'ckb',
  'dv',
  'syr',
  'arc',
  'ks',
  'prs',
  'pnb',
]);

/**
 * The reader's text direction from the article's language tag: a script subtag decides
 * (`az-Arab`, `und-Hebr`; `ur-Latn` is LTR), else the language's usual script.
 */
export function textDirection(lang: string | null): 'rtl' | undefined {
  if (!lang) return undefined;
  const parts = lang.toLowerCase().split('-');
  const script = parts.slice(1).find((p) => p.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : undefined;
  return RTL_LANGUAGES.has(parts[0] ?? '') ? 'rtl' : undefined;
}
