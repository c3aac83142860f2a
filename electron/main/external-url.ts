/**
 * Which links may leave the app for the system browser or mail client. Runtime-neutral.
 *
 * Only http(s) and mailto: anything else (file:, javascript:, smb:, custom handlers of other
 * apps…) could run code or reach local resources through the OS's URL handlers.
 */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Long enough for real links, short enough that a pasted blob is not handed to the OS. */
const MAX_URL_LENGTH = 8192;

/** The normalised URL to open externally, or null when it must not be opened. */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  // The WHATWG parser silently strips tabs/newlines and trims spaces; refuse instead of guessing.
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:')
    return url.pathname.length > 0 || url.search.length > 0 ? url.href : null;
  // Credentials in a link are a phishing device (https://bank.com@evil.example/).
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}
