/**
 * HTML character references in Markdown text (`&amp;`, `&copy;`, `&#x2014;`), as CommonMark reads
 * them: only complete references with a semicolon; anything else stays literal. The decoding
 * itself is the HTML5 parser's (full named-entity table): each reference goes alone into a
 * `<textarea>` (RCDATA: references decoded, no element ever created).
 */
import { JSDOM, VirtualConsole } from 'jsdom';

const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

let decoderArea: HTMLTextAreaElement | null = null;
const cache = new Map<string, string>();

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, decodeReference);
}

function decodeReference(reference: string): string {
  const cached = cache.get(reference);
  if (cached !== undefined) return cached;
  if (!decoderArea) {
    const { document } = new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
    decoderArea = document.createElement('textarea');
  }
  decoderArea.innerHTML = reference;
  const decoded = decoderArea.textContent ?? reference;
  // A name that is not an entity decodes (legacy rules) to a prefix entity plus leftovers:
  // `&notit;` → "¬it;". Every real reference yields at most two code points.
  const result = decoded !== reference && Array.from(decoded).length <= 2 ? decoded : reference;
  if (cache.size < 2000) cache.set(reference, result);
  return result;
}
