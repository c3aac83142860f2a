/**
 * Names in a zipped saved web page ("Web page, complete": `page.html` beside `page_files/`):
 * which entry is the page, and which entry a page-relative picture path names. No parser loads
 * here: format detection asks too.
 */
const HTML_NAME = /\.(?:html?|xhtml)$/i;
/** Folders a saved page's resources go in ("page_files", "page-Dateien"…) and zip-tool litter. */
const NOT_THE_PAGE =
  /(?:^|\/)(?:__MACOSX\/|[^/]*_(?:files|Dateien|fichiers|archivos|arquivos|file)\/)/i;

/** The one page of a zipped saved page (at its top, or in a single folder), or null. */
export function savedPageEntry(names: readonly string[]): string | null {
  const pages = names.filter(
    (n) => HTML_NAME.test(n) && !NOT_THE_PAGE.test(n) && n.split('/').length <= 2,
  );
  return pages.length === 1 ? pages[0]! : null;
}

/**
 * The zip entry a page-relative `src` names, or null when it leaves the zip: a query or fragment
 * is dropped, percent-escapes decoded, and `..` may not climb above the zip's top.
 */
export function entryFor(page: string, src: string): string | null {
  let path = src.split(/[?#]/)[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % stays as written.
  }
  if (!path || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return null;
  const parts = page.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '..') {
      if (!parts.length) return null;
      parts.pop();
    } else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
