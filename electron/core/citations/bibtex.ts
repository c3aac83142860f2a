/**
 * BibTeX entries from CSL items. Values are brace-delimited with TeX specials escaped; the title
 * gets an extra pair of braces so BibTeX styles keep its capitals. Keys are "family year word",
 * ASCII, unique within one file (a, b, c… appended on collision).
 */
import type { CslItem, CslName } from './item';

const BIBTEX_TYPE: Record<CslItem['type'], string> = {
  'article-newspaper': 'article',
  'article-magazine': 'article',
  'article-journal': 'article',
  book: 'book',
  chapter: 'incollection',
  'paper-conference': 'inproceedings',
  report: 'techreport',
  thesis: 'phdthesis',
  webpage: 'misc',
  'post-weblog': 'misc',
  'entry-encyclopedia': 'incollection',
  dataset: 'misc',
  document: 'misc',
};
const JOURNAL_TYPES = new Set(['article-newspaper', 'article-magazine', 'article-journal']);
const BOOK_PART_TYPES = new Set(['chapter', 'paper-conference', 'entry-encyclopedia']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes TeX specials so the value reads back as written (braces stay balanced). */
export function escapeBibtex(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\\{}$&%#_~^]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${c}`;
    }
  });
}

function bibName(n: CslName): string {
  // An organisation is one braced unit, so it is not split into family/given.
  if (n.literal) return `{${escapeBibtex(n.literal)}}`;
  return [n.family, n.given]
    .filter(Boolean)
    .map((p) => escapeBibtex(p!))
    .join(', ');
}

function keyPart(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'and', 'for', 'to']);

function baseKey(item: CslItem): string {
  const first = item.author?.[0];
  const who = keyPart(first?.family ?? first?.literal?.split(' ')[0] ?? '') || 'anon';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? 'nd';
  const word =
    item.title
      .split(/\s+/)
      .map(keyPart)
      .find((w) => w && !STOP_WORDS.has(w)) ?? '';
  return `${who}${year}${word}`;
}

/** Hands out citation keys, unique within one export. */
export class CitationKeys {
  private readonly used = new Set<string>();
  next(item: CslItem): string {
    const base = baseKey(item);
    let key = base;
    for (let i = 0; this.used.has(key); i++) key = base + suffix(i);
    this.used.add(key);
    return key;
  }
}

/** a, b, …, z, aa, ab, … */
function suffix(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

export function bibtexEntry(item: CslItem, key: string): string {
  const fields: [string, string][] = [];
  const add = (name: string, value: string | undefined) => {
    if (value) fields.push([name, `{${escapeBibtex(value)}}`]);
  };
  fields.push(['title', `{{${escapeBibtex(item.title)}}}`]);
  if (item.author?.length) fields.push(['author', `{${item.author.map(bibName).join(' and ')}}`]);
  const [year, month, day] = item.issued?.['date-parts']?.[0] ?? [];
  if (year) fields.push(['year', `{${year}}`]);
  if (month) fields.push(['month', MONTHS[month - 1]!]);
  if (day) fields.push(['day', `{${day}}`]);
  const container = item['container-title'];
  if (JOURNAL_TYPES.has(item.type)) add('journal', container);
  else if (BOOK_PART_TYPES.has(item.type)) add('booktitle', container);
  else add('howpublished', container);
  if (item.editor?.length) fields.push(['editor', `{${item.editor.map(bibName).join(' and ')}}`]);
  add('volume', item.volume);
  add('number', item.issue);
  add('pages', item.page?.replace(/\s*[-–]\s*/, '--'));
  if (item.type === 'report') add('institution', item.publisher);
  else if (item.type === 'thesis') add('school', item.publisher);
  else add('publisher', item.publisher);
  add('address', item['publisher-place']);
  add('doi', item.DOI);
  add('isbn', item.ISBN);
  add('issn', item.ISSN);
  // url is verbatim in BibTeX: only the characters that would break the braces are encoded.
  if (item.URL)
    fields.push(['url', `{${item.URL.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c))}}`]);
  const accessed = item.accessed?.['date-parts']?.[0];
  if (accessed)
    add(
      'urldate',
      accessed
        .filter((p) => p !== undefined)
        .map((p, i) => (i ? String(p).padStart(2, '0') : String(p)))
        .join('-'),
    );
  add('language', item.language);
  const body = fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n');
  return `@${BIBTEX_TYPE[item.type]}{${key},\n${body}\n}\n`;
}

export function toBibtex(items: CslItem[]): string {
  const keys = new CitationKeys();
  return items.map((item) => bibtexEntry(item, keys.next(item))).join('\n');
}
