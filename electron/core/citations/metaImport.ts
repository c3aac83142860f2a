/**
 * Zotero interop: metadata from a CSL-JSON, BibTeX or RIS file put onto the articles already in
 * the library. Each entry is matched by DOI, then URL, then normalized title; a match applies the
 * entry's fields as the user's edits (one transaction per article, so one bad entry spoils
 * nothing). Entries that match nothing, or more than one article, are reported by name.
 *
 * Parsing is citation-js's (LaTeX escapes in BibTeX decoded: {\"u} → ü, \& → &), on at most
 * MAX_META_FILE_BYTES of text, so an untrusted file can't hold the thread for long.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Database } from 'better-sqlite3';
import {
  MAX_META_FILE_BYTES,
  validMetaFields,
  type MetaImportReport,
  type MetaKey,
  type SourceMeta,
  type SourceMetaPatch,
} from '../../model/sourceMeta';
import { parseNameLines } from '../../model/metaText';
import { editArticleMeta } from '../articles/meta';
import { CommonplaceError, errorMessage } from '../errors';
import { effectiveMeta } from './item';
import { citableSources } from './sources';

const MAX_ENTRIES = 5000;

/** The file's entries as CSL-JSON items; a file that is none of the three formats is refused. */
export function parseMetaFile(fileName: string, text: string): Record<string, unknown>[] {
  if (Buffer.byteLength(text) > MAX_META_FILE_BYTES)
    throw new CommonplaceError(
      'invalid_input',
      `${fileName}: larger than ${MAX_META_FILE_BYTES / 1024 / 1024} MB; split the export into smaller files`,
    );
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new CommonplaceError('invalid_input', `${fileName}: the file is empty`);
  let data: Record<string, unknown>[];
  try {
    // CSL-JSON is read as JSON (citation-js would also take other JSON shapes for CSL).
    if (/^[[{]/.test(trimmed)) {
      const json: unknown = JSON.parse(trimmed);
      data = (Array.isArray(json) ? json : [json]) as Record<string, unknown>[];
    } else {
      data = new Cite(trimmed).data;
      if (/^TY {2}- /.test(trimmed)) risExtras(trimmed, data);
    }
  } catch (e) {
    throw new CommonplaceError(
      'invalid_input',
      `${fileName}: not a CSL-JSON, BibTeX or RIS file (${errorMessage(e)})`,
    );
  }
  if (!data.length || data.some((d) => !d || typeof d !== 'object'))
    throw new CommonplaceError('invalid_input', `${fileName}: no entries found`);
  if (data.length > MAX_ENTRIES)
    throw new CommonplaceError(
      'invalid_input',
      `${fileName}: ${data.length} entries; at most ${MAX_ENTRIES} per file`,
    );
  return data;
}

/** What citation-js leaves out of RIS: DO (the DOI), and AU of a news item (it calls it "reporter"). */
function risExtras(text: string, data: Record<string, unknown>[]): void {
  const records = text.split(/^ER {2}-.*$/m).filter((r) => /^TY {2}- /m.test(r));
  records.forEach((record, i) => {
    const entry = data[i];
    if (!entry) return;
    const doi = /^DO {2}- (.+)$/m.exec(record)?.[1]?.trim();
    if (doi && !entry.DOI) entry.DOI = doi;
    if (!entry.author && typeof entry.reporter === 'string') {
      entry.author = parseNameLines(entry.reporter.split(/\s*;\s*/));
      delete entry.reporter;
    }
  });
}

const normDoi = (v: unknown): string =>
  typeof v === 'string'
    ? v
        .trim()
        .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
        .toLowerCase()
    : '';
const normUrl = (v: unknown): string => {
  if (typeof v !== 'string' || !/^https?:\/\//i.test(v.trim())) return '';
  try {
    const u = new URL(v.trim());
    u.hash = '';
    return `${u.host.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return '';
  }
};
const normTitle = (v: unknown): string =>
  typeof v === 'string'
    ? v
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : '';

/** What a report calls an entry: its title, else its id. */
function entryName(e: Record<string, unknown>, i: number): string {
  const title = typeof e.title === 'string' ? e.title.trim() : '';
  return title ? `“${title.slice(0, 120)}”` : `entry ${i + 1}`;
}

interface Candidate {
  id: string;
  doi: string;
  url: string;
  titles: string[];
}

function candidates(db: Database): Candidate[] {
  const ids = db
    .prepare<[], { id: string }>('SELECT id FROM articles')
    .all()
    .map((r) => r.id);
  return [...citableSources(db, ids).values()].map((s) => {
    const m = effectiveMeta(s);
    const title = normTitle(m.title);
    const full = normTitle([m.title, m.subtitle].filter(Boolean).join(' '));
    return {
      id: s.id,
      doi: normDoi(m.DOI),
      url: normUrl(m.URL) || normUrl(s.source),
      titles: [...new Set([title, full].filter(Boolean))],
    };
  });
}

/** The entry's fields we keep (CSL fields that validate; its id and Zotero's internals left out). */
function entryMeta(e: Record<string, unknown>, warn: (message: string) => void): SourceMeta {
  const { id: _id, 'citation-key': _key, _graph, ...rest } = e;
  return validMetaFields(rest, warn);
}

export function importMetaEntries(
  db: Database,
  entries: readonly Record<string, unknown>[],
): MetaImportReport {
  const all = candidates(db);
  const report: MetaImportReport = { matched: [], unmatched: [], ambiguous: [] };
  entries.forEach((entry, i) => {
    const name = entryName(entry, i);
    const doi = normDoi(entry.DOI);
    const url = normUrl(entry.URL);
    const title = normTitle(entry.title);
    const tries: [MetaImportReport['matched'][number]['by'], Candidate[]][] = [
      ['DOI', doi ? all.filter((c) => c.doi === doi) : []],
      ['URL', url ? all.filter((c) => c.url === url) : []],
      ['title', title ? all.filter((c) => c.titles.includes(title)) : []],
    ];
    const found = tries.find(([, list]) => list.length);
    if (!found) return void report.unmatched.push(name);
    const [by, list] = found;
    if (list.length > 1)
      return void report.ambiguous.push({ entry: name, articleIds: list.map((c) => c.id) });
    const meta = entryMeta(entry, (w) => (report.warnings ??= []).push(`${name}: ${w}`));
    const fields = Object.keys(meta) as MetaKey[];
    const undo = fields.length
      ? editArticleMeta(db, list[0]!.id, meta as SourceMetaPatch).undo
      : {};
    report.matched.push({ entry: name, articleId: list[0]!.id, by, fields, undo });
  });
  return report;
}
