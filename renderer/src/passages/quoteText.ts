/** A quote shortened for lists and previews: whitespace folded, cut at a code-point boundary. */
export function shortQuote(quote: string, max = 120): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let out = '';
  for (const ch of flat) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
