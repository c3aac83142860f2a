/**
 * Entries a folder import skips: hidden files and folders, clutter that operating systems and tools
 * leave behind, Office lock files (`~$report.docx`). Runtime-neutral: the renderer applies the same
 * rule to dropped folders.
 */
const JUNK_NAMES = new Set([
  'thumbs.db',
  'desktop.ini',
  '__macosx',
  '$recycle.bin',
  'system volume information',
  'node_modules',
]);

export function isJunkName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || JUNK_NAMES.has(name.toLowerCase());
}
