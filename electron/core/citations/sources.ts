/** Articles as citable sources, read the one way every citation path reads them. */
import type { Database } from 'better-sqlite3';
import type { PageStart } from '../../model/pages';
import { readStoredMeta } from '../../model/sourceMeta';
import type { CitableSource } from './item';

interface SourceRow {
  id: string;
  title: string;
  subtitle: string | null;
  byline: string | null;
  published: string | null;
  site_name: string | null;
  lang: string | null;
  source: string | null;
  created_at: string;
  media_type: string | null;
  pages: string | null;
  imported_meta: string | null;
  edited_meta: string | null;
}

/** The articles with these ids (missing ones left out), with their original's media type. */
export function citableSources(
  db: Database,
  articleIds: readonly string[],
): Map<string, CitableSource> {
  const rows = db
    .prepare<[string], SourceRow>(
      `SELECT a.id, a.title, a.subtitle, a.byline, a.published, a.site_name, a.lang, a.source, a.created_at, a.pages, o.media_type, m.imported AS imported_meta, m.edited AS edited_meta
       FROM articles a LEFT JOIN originals o ON o.hash = a.hash LEFT JOIN article_meta m ON m.article_id = a.id WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(articleIds));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        byline: r.byline,
        published: r.published,
        siteName: r.site_name,
        lang: r.lang,
        source: r.source,
        mediaType: r.media_type,
        imported: r.created_at,
        pages: parsePages(r.pages),
        meta: { ...readStoredMeta(r.imported_meta), ...readStoredMeta(r.edited_meta) },
      },
    ]),
  );
}

/** Reads an article's stored `pages` JSON; anything but a list of {label, start} is no pages. */
export function parsePages(json: string | null | undefined): PageStart[] | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return null;
    const pages = v.filter(
      (p): p is PageStart =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as PageStart).label === 'string' &&
        typeof (p as PageStart).start === 'number',
    );
    return pages.length ? pages : null;
  } catch {
    return null;
  }
}
