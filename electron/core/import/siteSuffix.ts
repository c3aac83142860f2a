/**
 * "Some Topic - Wikipedia", "Report | Agency.gov": a page's <title>, and so the /Title a browser's
 * print-to-PDF writes, carries the site's name after the document's own. The suffix goes when it
 * names a site: a domain, a well-known site, the page's declared site name, or a tail the page's
 * own title (its first heading, or a PDF's first-page title) doesn't carry.
 */
export function stripSiteSuffix(
  title: string,
  ownTitle: string | null,
  siteName: string | null = null,
): string {
  const m = /^(.{4,}?)\s+(?:[-|–—·•]|::)\s+([^-|–—·•]{2,40})$/u.exec(title);
  if (!m?.[1] || !m[2]) return title;
  const [, head, tail] = m;
  const isDomain = /^[\w-]+(?:\.[\w-]+)+$/.test(tail.trim());
  const norm = (x: string): string => x.replace(/\s+/g, ' ').trim().toLowerCase();
  if (
    isDomain ||
    (ownTitle && norm(ownTitle) === norm(head)) ||
    (siteName && norm(siteName) === norm(tail)) ||
    KNOWN_SITES.test(tail)
  )
    return head.trim();
  return title;
}

const KNOWN_SITES =
  /^(?:wikipedia|wikimedia commons|wiktionary|medium|substack|the guardian|bbc news|reuters|arxiv|github|stack overflow|youtube|google docs|scribd|academia\.edu|researchgate)$/i;
