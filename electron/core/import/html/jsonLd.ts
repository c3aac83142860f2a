/** The page's JSON-LD blocks, parsed one at a time as a reader asks for them. */

/** JSON-LD blocks bigger than this are not worth parsing for a name or a date. */
const MAX_JSON_LD_CHARS = 1_000_000;

/**
 * Each `<script type="application/ld+json">` of the first `maxScripts`, parsed; blocks that are
 * too large or not JSON are skipped. Lazy, so a reader that stops at its first find parses no more.
 */
export function* jsonLdBlocks(doc: Document, maxScripts = Infinity): Generator<unknown> {
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'));
  for (const script of scripts.slice(0, maxScripts)) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      yield JSON.parse(source) as unknown;
    } catch {
      continue;
    }
  }
}
