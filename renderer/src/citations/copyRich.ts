/**
 * Puts text with an HTML twin on the clipboard (a rich editor pastes the HTML, a plain one the
 * text); where ClipboardItem is missing or refused, the text alone.
 */
export async function copyRich(text: string, html: string): Promise<'rich' | 'text'> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return 'rich';
    } catch {
      // Fall through: some browsers refuse text/html or rich writes without a user gesture.
    }
  }
  await navigator.clipboard.writeText(text);
  return 'text';
}
