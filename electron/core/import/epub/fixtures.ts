/** Test EPUBs assembled from their parts (container, OPF, chapters) with fflate. */
import { makeZip } from '../zip/fixtures';

export interface EpubChapter {
  id: string;
  href: string;
  xhtml: string;
  linear?: boolean;
}

export interface EpubSpec {
  version?: '2.0' | '3.0';
  metadata: string;
  chapters: EpubChapter[];
  /** Manifest order differs from reading order in real books; the spine decides. */
  spineOrder?: string[];
  spineAttrs?: string;
  nav?: string;
  ncx?: string;
  extra?: Record<string, string>;
}

export function xhtml(body: string, attrs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${attrs}><head><title/></head><body>${body}</body></html>`;
}

export function makeEpub(spec: EpubSpec): Uint8Array {
  const items = spec.chapters.map(
    (c) => `<item id="${c.id}" href="${c.href}" media-type="application/xhtml+xml"/>`,
  );
  if (spec.nav)
    items.push(
      '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    );
  if (spec.ncx) items.push('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
  items.push('<item id="img" href="images/fig.png" media-type="image/png"/>');
  const byId = new Map(spec.chapters.map((c) => [c.id, c]));
  const order = spec.spineOrder ?? spec.chapters.map((c) => c.id);
  const spine = order
    .map((id) => `<itemref idref="${id}"${byId.get(id)?.linear === false ? ' linear="no"' : ''}/>`)
    .join('');
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${spec.version ?? '3.0'}" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${spec.metadata}</metadata>
  <manifest>${items.join('')}</manifest>
  <spine${spec.ncx ? ' toc="ncx"' : ''}${spec.spineAttrs ?? ''}>${spine}</spine>
</package>`;
  const files: Record<string, string> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    'OEBPS/content.opf': opf,
    ...Object.fromEntries(spec.chapters.map((c) => [`OEBPS/${c.href}`, c.xhtml])),
    ...(spec.nav ? { 'OEBPS/nav.xhtml': spec.nav } : {}),
    ...(spec.ncx ? { 'OEBPS/toc.ncx': spec.ncx } : {}),
    ...spec.extra,
  };
  return makeZip(files, 'mimetype');
}
