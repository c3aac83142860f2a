/**
 * File names that are valid on Windows, macOS and Linux, and safe inside Obsidian wiki links:
 * no `<>:"/\|?*` or control characters, none of `#^[]` (they break `[[links]]`), no reserved
 * device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without an extension), no leading
 * dot or trailing dots/spaces, bounded length; unique without regard to case or Unicode form
 * (macOS and Windows file systems fold both).
 */
import { cleanText } from './text';
import { UNTITLED } from '../../model/titles';

/** Code points kept of a name (before the extension): well under every file system's 255 bytes. */
const MAX_NAME_CHARS = 80;
// Windows reserves these stems with any extension ("con.txt" too).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;

export function safeFileName(raw: string, fallback = UNTITLED): string {
  let name = cleanText(raw)
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  name = Array.from(name).slice(0, MAX_NAME_CHARS).join('');
  name = name.replace(/[.\s]+$/, '');
  if (!name) name = fallback;
  name = name.replace(RESERVED, '$1_');
  return name;
}

/** Hands out names that differ from every earlier one, ignoring case and normalisation. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** `raw` made safe, with " (2)", " (3)"… added when needed; `ext` without the dot. */
  claim(raw: string, ext: string): string {
    const base = safeFileName(raw);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base} (${n})`;
      const key = `${candidate}.${ext}`.normalize('NFKC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}
