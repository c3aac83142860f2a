/**
 * RIS records from CSL items: "TY  - NEWS" … "ER  - ", CRLF line ends as the format specifies,
 * one value per line (line breaks in values become spaces), dates as YYYY/MM/DD/.
 */
import type { CslDate, CslItem, CslName } from './item';

const RIS_TYPE: Record<CslItem['type'], string> = {
  'article-newspaper': 'NEWS',
  'article-magazine': 'MGZN',
  'article-journal': 'JOUR',
  book: 'BOOK',
  chapter: 'CHAP',
  'paper-conference': 'CPAPER',
  report: 'RPRT',
  thesis: 'THES',
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
  'entry-encyclopedia': 'ENCYC',
  dataset: 'DATA',
  document: 'GEN',
};

const one = (v: string): string => v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

function risDate(d: CslDate | undefined): string | null {
  const p = d?.['date-parts']?.[0];
  if (!p) return null;
  const [y, m, day] = p;
  const two = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '');
  return `${y}/${two(m)}/${two(day)}/`;
}

const risName = (n: CslName): string => n.literal ?? [n.family, n.given].filter(Boolean).join(', ');

export function risRecord(item: CslItem): string {
  const lines: string[] = [`TY  - ${RIS_TYPE[item.type]}`];
  const add = (tag: string, value: string | null | undefined) => {
    const v = value ? one(value) : '';
    if (v) lines.push(`${tag}  - ${v}`);
  };
  add('ID', item.id);
  add('TI', item.title);
  for (const a of item.author ?? []) add('AU', risName(a));
  const year = item.issued?.['date-parts']?.[0]?.[0];
  if (year) add('PY', String(year));
  add('DA', risDate(item.issued));
  add('T2', item['container-title']);
  for (const e of item.editor ?? []) add('ED', risName(e));
  add('VL', item.volume);
  add('IS', item.issue);
  const [sp, ep] = (item.page ?? '').split(/\s*[-–]\s*/);
  add('SP', sp);
  add('EP', ep);
  add('PB', item.publisher);
  add('CY', item['publisher-place']);
  add('DO', item.DOI);
  add('SN', item.ISBN ?? item.ISSN);
  add('UR', item.URL);
  add('Y2', risDate(item.accessed));
  add('LA', item.language);
  lines.push('ER  - ');
  return lines.join('\r\n') + '\r\n';
}

export function toRis(items: CslItem[]): string {
  return items.map(risRecord).join('\r\n');
}
