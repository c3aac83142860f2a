/** Links the reader may hand to the system browser; anything else is never opened. */
const OPENABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The normalized URL if it may be opened externally, else null. */
export function openableUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return OPENABLE_PROTOCOLS.has(url.protocol) ? url.href : null;
}
