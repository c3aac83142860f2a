import type { ArticleFormat, ArticleFields } from '../../model/articles';
import type { Body } from '../../model/body';
import type { ContentsEntry } from '../../model/contents';
import type { PageStart } from '../../model/pages';
import type { SourceMeta } from '../../model/sourceMeta';
import type { ParsedImage } from './images';

/** Formats the importer understands (detected from the bytes, not only the file name). */
export type ImportFormat = ArticleFormat;

/** What a format parser extracts from one file; the library adds ids, hashes and timestamps. */
export interface ParsedArticle extends ArticleFields {
  format: ImportFormat;
  excerpt: string | null;
  /** Tags declared by the source itself (Markdown front matter). */
  tags: string[];
  body: Body;
  /** Where each printed page starts in the canonical text (PDF); absent for unpaginated formats. */
  pages?: PageStart[];
  /** The document's own table of contents (EPUB navigation, PDF outline), in the canonical text. */
  contents?: ContentsEntry[];
  /**
   * Problems that did not stop the import (invalid front matter, a PDF without a text layer), one
   * line each, naming the file: the import report shows them beside the imported article.
   */
  warnings?: string[];
  /** The pictures the body's image blocks name (checked by type and size in the parser thread). */
  images?: ParsedImage[];
  /** The original's media type when it isn't the format's own (a zipped saved page's ZIP). */
  originalMediaType?: string;
  /** Citation metadata the file declares beyond the fields above (CSL fields; checked on storing). */
  meta?: SourceMeta;
}
