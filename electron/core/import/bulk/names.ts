/**
 * File names as people can read them in a report. On Linux a name is any bytes but '/' and NUL:
 * newlines, terminal escapes, invalid UTF-8. Those are escaped (`\n`, `\x1b`, `\xff`) so every
 * report line stays one line and shows which file was meant; valid text (emoji, any script) is kept.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Length of the UTF-8 sequence a lead byte announces (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes UTF-8, writing each byte that is not part of a valid sequence as `\xNN`. */
function decodeLossless(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Fall through to the byte-by-byte walk below.
  }
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]!);
    if (n > 0 && i + n <= bytes.length) {
      try {
        out += strict.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
        // An invalid sequence: escape its first byte and resynchronise on the next.
      }
    }
    out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

/** A legible, single-line form of a path or file name, whether given as text or as raw bytes. */
export function legibleName(name: string | Uint8Array): string {
  const text =
    typeof name === 'string'
      ? name.replace(/[\ud800-\udfff]/g, (c, i: number, s: string) =>
          isPaired(s, i) ? c : '\ufffd',
        )
      : decodeLossless(name);
  return escapeControl(text);
}

function isPaired(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff)
    return i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
  return i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff;
}

/** Whether a raw name survives a round trip through a JS string (else fs calls need the bytes). */
export function isTextName(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
