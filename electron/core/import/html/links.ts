/**
 * Link targets kept in an imported body: absolute http(s) and mailto only. Relative references
 * are resolved against the document's source URL when one is known, otherwise dropped (the link
 * text stays). Everything else — javascript:, data:, vbscript:, file:, blob:… — is dropped.
 */

const KEPT_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Longer targets are junk or an attempt to smuggle data; browsers cap URLs in the same range. */
export const MAX_HREF_LENGTH = 4096;

/** An http(s) URL usable as a base, or undefined. */
export function httpBase(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function safeHref(raw: string | null | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  // URL parsing strips tabs/newlines and leading/trailing C0 controls and spaces, as browsers do,
  // so "java\tscript:" is seen as the javascript: URL it is and dropped.
  const value = raw.trim();
  if (!value || value.length > MAX_HREF_LENGTH) return undefined;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return undefined;
  }
  if (!KEPT_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:' && !url.hostname) return undefined;
  const href = url.href;
  return href.length > MAX_HREF_LENGTH ? undefined : href;
}
