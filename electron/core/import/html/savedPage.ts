/**
 * A page a browser saved as "Web page, complete" (`page.html` beside a `page_files/` folder),
 * zipped: the page is parsed as HTML, and a picture it names by a relative path is read from the
 * zip. Only entries of the zip are ever read, nothing on disk and nothing remote; a path that
 * climbs out of the zip (`../../etc/passwd`) or starts at a root names nothing. Entries are
 * inflated through the bounded ZIP reader, a picture past the size limit is refused before it is
 * inflated, and the pictures' checks (magic bytes, count, total) are DocumentImages' as always.
 */
import { CommonplaceError } from '../../errors';
import { MAX_IMAGE_BYTES } from '../../../model/images';
import { zipLimitsFor } from '../bounded/budget';
import type { ParsedArticle } from '../types';
import { ZipReader } from '../zip';
import { parseHtml } from './parse';
import { entryFor, savedPageEntry } from './savedPageNames';

export function parseSavedPage(
  bytes: Uint8Array,
  fileName: string,
  source: string | undefined,
  maxPageBytes: number,
): ParsedArticle {
  // A picture declaring more than the limit is refused alone (below), not the whole page.
  const zip = new ZipReader(bytes, fileName, {
    ...zipLimitsFor(bytes.byteLength),
    listOversized: true,
  });
  const page = savedPageEntry(zip.entries.map((e) => e.name));
  if (!page)
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: is a ZIP file but not a saved web page (it should hold one .html file and its _files folder)`,
    );
  const declared = zip.entries.find((e) => e.name === page)!.declaredSize;
  if (declared > maxPageBytes)
    throw new CommonplaceError(
      'too_large',
      `${fileName}: its page ${page.slice(0, 200)} is over the ${maxPageBytes / 1024 / 1024} MB limit for HTML`,
    );
  const html = zip.read(page)!;
  if (html.byteLength > maxPageBytes)
    throw new CommonplaceError(
      'too_large',
      `${fileName}: its page ${page.slice(0, 200)} is over the ${maxPageBytes / 1024 / 1024} MB limit for HTML`,
    );
  const sizes = new Map(zip.entries.map((e) => [e.name, e.declaredSize]));
  const article = parseHtml(html, fileName, source, {
    resolveImage: (src, refuse) => {
      const name = entryFor(page, src);
      if (name === null) return refuse('is outside the saved page');
      const size = sizes.get(name);
      if (size === undefined) return null;
      if (size > MAX_IMAGE_BYTES)
        return refuse(`is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
      try {
        return zip.read(name);
      } catch (e) {
        // A damaged or lying entry loses its picture, not the page.
        return refuse((e as Error).message.replace(/^[^:]*: /, ''));
      }
    },
  });
  return { ...article, originalMediaType: 'application/zip' };
}
