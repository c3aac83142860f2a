/**
 * `commonplace://` links: `commonplace://passage/<uuid>` (also `article/`, `note/`). Pure (no
 * Electron), so the parsing and the argv scan are unit-tested; the main process only wires it.
 */
export const DEEP_LINK_SCHEME = 'commonplace';

export type DeepLinkKind = 'passage' | 'article' | 'note';
export interface DeepLink {
  kind: DeepLinkKind;
  id: string;
}
export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; reason: string };

const KINDS: ReadonlySet<string> = new Set<DeepLinkKind>(['passage', 'article', 'note']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Longer than any real link: a flood of text is refused before it is parsed. */
const MAX_LENGTH = 2048;

export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > MAX_LENGTH) return { ok: false, reason: `longer than ${MAX_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`)
    return { ok: false, reason: `not a ${DEEP_LINK_SCHEME}:// link` };
  // "commonplace://passage/ID" parses with host "passage"; "commonplace:passage/ID" has none.
  const parts = [url.host, ...url.pathname.split('/')].filter(Boolean);
  if (parts.length !== 2)
    return { ok: false, reason: 'expected commonplace://<passage|article|note>/<id>' };
  const [kind, id] = parts as [string, string];
  const k = kind.toLowerCase();
  if (!KINDS.has(k)) return { ok: false, reason: `"${kind}" is not passage, article or note` };
  if (!UUID.test(id)) return { ok: false, reason: `"${id.slice(0, 60)}" is not an id` };
  return { ok: true, link: { kind: k as DeepLinkKind, id: id.toLowerCase() } };
}

/** The link in a launch's argv (Windows/Linux pass it as an argument), or null when there is none. */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  // Electron's own switches come first; only an argument naming our scheme is a link.
  for (let i = argv.length - 1; i >= 1; i--) {
    const a = argv[i]!;
    if (a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) return a;
  }
  return null;
}
