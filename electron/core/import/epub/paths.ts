/** Paths inside an EPUB's ZIP. */

/** Resolves `href` (relative, percent-encoded) against the folder of `base` inside the ZIP. */
export function resolvePath(base: string, href: string): string {
  const withoutFragment = href.split('#')[0] ?? '';
  let decoded = withoutFragment;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    // A stray % stays as written.
  }
  const parts = base.split('/').slice(0, -1);
  for (const seg of decoded.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
